package org.permitcheck.engine;

import java.util.List;

/**
 * The next thing to ask in an interview: the case's country, or a fact; with the permits whose verdict
 * its answer can still change.
 */
public record Question(Kind kind, String fact, List<String> permits) {
  /** What is asked. */
  public enum Kind {
    /** Which country's permits to check (asked first when no country is given). */
    COUNTRY,
    /** A declared fact. */
    FACT
  }

  public Question {
    permits = List.copyOf(permits);
  }

  public static Question country(List<String> permits) {
    return new Question(Kind.COUNTRY, "", permits);
  }

  public static Question fact(String fact, List<String> permits) {
    return new Question(Kind.FACT, fact, permits);
  }

  public boolean isCountry() {
    return kind == Kind.COUNTRY;
  }
}
