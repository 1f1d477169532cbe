package org.permitcheck.interview;

import java.util.Optional;

/**
 * What came of asking one question: an answer (empty: skipped), the answer so far kept, or a keyword
 * that leaves it.
 */
record Reply(Kind kind, Optional<Object> value) {
  enum Kind {
    ANSWER,
    BACK,
    QUIT,
    /** Enter at a question asked again to change its answer: the answer so far stays. */
    KEEP,
    /** The input ended: end of file, Ctrl-D, Ctrl-C, a closed terminal. */
    ENDED
  }

  static Reply answer(Optional<Object> value) {
    return new Reply(Kind.ANSWER, value);
  }

  static Reply of(Kind kind) {
    return new Reply(kind, Optional.empty());
  }

  boolean is(Kind k) {
    return kind == k;
  }
}
