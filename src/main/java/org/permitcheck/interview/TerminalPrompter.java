package org.permitcheck.interview;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.reader.impl.history.DefaultHistory;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.permitcheck.report.Wrap;

/**
 * The interview on a terminal, through JLine: line editing and Tab completion of the choices. History
 * is kept in memory only and never written to a file (answers are personal data); quotes and
 * backslashes are taken literally. The only class of the interview that knows JLine.
 */
public final class TerminalPrompter implements Prompter, AutoCloseable {
  private final Terminal terminal;
  private final LineReader reader;
  private final List<String> choices = new ArrayList<>();
  private boolean interrupted;

  public TerminalPrompter(Terminal terminal) {
    this.terminal = terminal;
    DefaultParser parser = new DefaultParser();
    parser.setQuoteChars(new char[0]);
    parser.setEscapeChars(new char[0]);
    parser.setEofOnUnclosedQuote(false);
    Completer completer = (r, line, candidates) -> {
      for (String c : choices) {
        candidates.add(new Candidate(c));
      }
    };
    this.reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .parser(parser)
        .completer(completer)
        .history(new DefaultHistory())
        .variable(LineReader.HISTORY_FILE, null)
        .variable(LineReader.DISABLE_HISTORY, true)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .build();
    Wrap.fitTo(terminal.getWidth());
  }

  /**
   * The terminal the program runs in, shown on stdout when stdout is a terminal, else on stderr: with
   * {@code --format json > result.json} the questions stay off the report, and Tab and Ctrl-C still
   * work as on a terminal.
   */
  public static TerminalPrompter system() {
    try {
      return new TerminalPrompter(TerminalBuilder.builder().system(true)
          .systemOutput(TerminalBuilder.SystemOutput.SysOutOrSysErr)
          .encoding(terminalCharset(java.nio.charset.Charset.defaultCharset())).build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The character set to talk to the terminal in: the locale's (a Latin-1 terminal types and shows
   * Latin-1), except where the locale names none (C, POSIX, unset: Java 17 says ASCII), where nothing
   * but ASCII could be shown or typed ('Fran?ais') and the terminal is taken to be UTF-8, as the
   * launcher takes it (README, Encodings) and as every other output is written.
   */
  static java.nio.charset.Charset terminalCharset(java.nio.charset.Charset platform) {
    return platform.equals(java.nio.charset.StandardCharsets.US_ASCII) ? java.nio.charset.StandardCharsets.UTF_8
        : platform;
  }

  @Override
  public void show(String text) {
    terminal.writer().print(text);
    terminal.writer().flush();
  }

  @Override
  public Optional<String> read(String prompt, List<String> completions) {
    choices.clear();
    choices.addAll(completions);
    interrupted = false;
    try {
      return Optional.of(reader.readLine(prompt));
    } catch (UserInterruptException e) {
      interrupted = true;
      return Optional.empty();
    } catch (EndOfFileException | java.io.IOError e) {
      return Optional.empty();
    } finally {
      Wrap.fitTo(terminal.getWidth()); // the next question fits the terminal as it is now
    }
  }

  @Override
  public boolean interrupted() {
    return interrupted;
  }

  /** The line reader, for tests of its settings. */
  LineReader reader() {
    return reader;
  }

  @Override
  public void close() {
    Wrap.fitTo(0);
    try {
      terminal.close();
    } catch (IOException e) {
      // nothing was lost: every answer is already in the draft
    }
  }
}
