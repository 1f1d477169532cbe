package org.permitcheck.interview;

import java.util.List;
import java.util.Optional;

/**
 * The interview's only contact with the person at the keyboard: it shows text and reads one line at a
 * time. A terminal (JLine) and piped input (one answer a line) implement it; so do tests.
 */
public interface Prompter {
  /** Shows text; every line of it ends with a newline. */
  void show(String text);

  /**
   * Reads one line after showing {@code prompt}. {@code completions} are offered on Tab where that
   * exists. Empty when the input has ended: end of file, Ctrl-D, Ctrl-C or a closed terminal.
   */
  Optional<String> read(String prompt, List<String> completions);

  /** The last read ended on Ctrl-C rather than at the end of the input. */
  default boolean interrupted() {
    return false;
  }
}
