package org.permitcheck.diag;

import java.util.List;
import java.util.Optional;

/** A value read from user input, or not, with every diagnostic found while reading it. */
public record Checked<T>(Optional<T> value, List<Diagnostic> diagnostics) {
  public Checked {
    diagnostics = List.copyOf(diagnostics);
  }

  public static <T> Checked<T> of(T value, List<Diagnostic> diagnostics) {
    return new Checked<>(Optional.of(value), diagnostics);
  }

  public static <T> Checked<T> failed(List<Diagnostic> diagnostics) {
    return new Checked<>(Optional.empty(), diagnostics);
  }

  public boolean hasErrors() {
    if (value.isEmpty()) {
      return true;
    }
    for (Diagnostic d : diagnostics) {
      if (d.isError()) {
        return true;
      }
    }
    return false;
  }

  public List<Diagnostic> errors() {
    return diagnostics.stream().filter(Diagnostic::isError).toList();
  }
}
