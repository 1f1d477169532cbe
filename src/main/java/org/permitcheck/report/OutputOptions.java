package org.permitcheck.report;

/**
 * How to render: the language of every text, the full criteria tree or only the reasons, colour
 * (only on a terminal, never with NO_COLOR), and whether fact values are left out.
 */
public record OutputOptions(String language, boolean explain, boolean color, boolean redact) {
  public static final OutputOptions DEFAULT = new OutputOptions("en", false, false, false);
}
