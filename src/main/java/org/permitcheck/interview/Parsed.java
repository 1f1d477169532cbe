package org.permitcheck.interview;

import java.util.Optional;

/** What an answer means: a typed fact value, or the problem to explain before asking again. */
record Parsed(Optional<Object> value, String problem) {
  static Parsed of(Object value) {
    return new Parsed(Optional.of(value), "");
  }

  static Parsed invalid(String problem) {
    return new Parsed(Optional.empty(), problem);
  }

  boolean ok() {
    return value.isPresent();
  }
}
