package org.permitcheck.expr;

/** One lexical token of a criteria expression, with its character range. */
record Token(Kind kind, String text, int start, int end) {
  enum Kind {
    NUMBER,
    STRING,
    DATE,
    NAME,
    OP,
    END
  }

  boolean is(String op) {
    return (kind == Kind.OP || kind == Kind.NAME) && text.equals(op);
  }
}
