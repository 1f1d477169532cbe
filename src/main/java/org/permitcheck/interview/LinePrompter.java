package org.permitcheck.interview;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Answers from a pipe or a file, one a line, for scripts and tests: prompts and questions go to
 * {@code out}; what is read is not echoed (it is personal data, and {@code out} may be a log).
 */
public final class LinePrompter implements Prompter {
  private final BufferedReader in;
  private final PrintWriter out;

  public LinePrompter(InputStream in, PrintWriter out) {
    this.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    this.out = out;
  }

  @Override
  public void show(String text) {
    out.print(text);
    out.flush();
  }

  @Override
  public Optional<String> read(String prompt, List<String> completions) {
    out.print(prompt);
    out.flush();
    String line;
    try {
      line = in.readLine();
    } catch (IOException e) {
      line = null;
    }
    if (line != null) {
      out.println();
    }
    out.flush();
    return Optional.ofNullable(line);
  }
}
