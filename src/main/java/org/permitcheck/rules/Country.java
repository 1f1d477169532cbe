package org.permitcheck.rules;

import java.util.List;

/** A country with its permits and where to get advice. */
public record Country(String code, Text name, List<Text> advice, List<Permit> permits) {
  public Country {
    advice = List.copyOf(advice);
    permits = List.copyOf(permits);
  }
}
