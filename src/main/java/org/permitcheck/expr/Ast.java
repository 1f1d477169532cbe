package org.permitcheck.expr;

import java.util.List;

/** The syntax tree of a criteria expression, before type checking. Offsets are 0-based. */
sealed interface Ast permits Ast.Literal, Ast.Name, Ast.Unary, Ast.Binary, Ast.Call, Ast.ListLiteral {
  int start();

  int end();

  /** A constant: Boolean, Long, BigDecimal, String or LocalDate. */
  record Literal(Object value, Type type, int start, int end) implements Ast {}

  record Name(String name, int start, int end) implements Ast {}

  record Unary(String op, Ast operand, int start) implements Ast {
    @Override
    public int end() {
      return operand.end();
    }
  }

  record Binary(String op, Ast left, Ast right, int opStart, int opEnd) implements Ast {
    @Override
    public int start() {
      return left.start();
    }

    @Override
    public int end() {
      return right.end();
    }
  }

  record Call(String name, List<Ast> args, int start, int end, int nameEnd) implements Ast {}

  record ListLiteral(List<Ast> items, int start, int end) implements Ast {}
}
