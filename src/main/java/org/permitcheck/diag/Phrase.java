package org.permitcheck.diag;

import java.util.Arrays;
import java.util.Objects;

/**
 * A sentence of a diagnostic as a key of {@code diagnostics*.properties} and its arguments, so that it
 * can be said in any language the program speaks ({@link Translation}). An argument that is a phrase
 * is said in the same language (what a fact expects, the kind of a node); any other is shown as it is:
 * fact names, values, dates and numbers are not translated.
 */
public final class Phrase {
  private final String key;
  private final Object[] args;

  private Phrase(String key, Object[] args) {
    this.key = key;
    this.args = args;
  }

  public static Phrase of(String key, Object... args) {
    return new Phrase(Objects.requireNonNull(key), args);
  }

  /** A text that is the same in every language (a hint written by the rules, or by code not yet translated). */
  public static Phrase literal(String text) {
    return new Phrase(null, new Object[] {text});
  }

  /** A unit of the rules ("months"), said in the language when the bundle knows it, else as written. */
  public static Phrase unit(String unit) {
    return new Phrase(Translation.UNIT, new Object[] {unit});
  }

  /** The key, or null for a {@link #literal}. */
  public String key() {
    return key;
  }

  Object[] args() {
    return args;
  }

  /** The phrase in English: the text of {@link Diagnostic#message()} and the like. */
  public String english() {
    return Translation.ENGLISH.say(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Phrase && Objects.equals(key, ((Phrase) o).key) && Arrays.equals(args, ((Phrase) o).args);
  }

  @Override
  public int hashCode() {
    return Objects.hash(key) * 31 + Arrays.hashCode(args);
  }

  @Override
  public String toString() {
    return key == null ? String.valueOf(args[0]) : key + Arrays.toString(args);
  }
}
