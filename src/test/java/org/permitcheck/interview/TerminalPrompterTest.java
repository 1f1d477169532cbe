package org.permitcheck.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jline.reader.LineReader;
import org.jline.terminal.Attributes;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.permitcheck.cases.Case;
import org.permitcheck.diag.SourceText;
import org.permitcheck.engine.Scope;
import org.permitcheck.engine.Verdict;
import org.permitcheck.report.Messages;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;

/** The JLine front on a dumb terminal: a whole interview, Ctrl-D, and no history file. */
class TerminalPrompterTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  static Ruleset rules;

  @BeforeAll
  static void load() throws IOException {
    rules = RulesLoader.load(new SourceText("interview-rules.yaml",
        Files.readString(Path.of("src/test/resources/fixtures/interview-rules.yaml")))).value().get();
  }

  static TerminalPrompter terminal(String typed, ByteArrayOutputStream screen) throws IOException {
    return new TerminalPrompter(new DumbTerminal(
        new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), screen));
  }

  static Draft start(String country) {
    Case c = new Case("t", "", Optional.of(country), Optional.of(TODAY), Optional.empty(), Map.of(), Map.of());
    return Draft.start(c, Scope.ALL, "t.yaml");
  }

  @Test
  void talksUtf8ToATerminalWhoseLocaleNamesNoCharacterSet() {
    assertThat(TerminalPrompter.terminalCharset(StandardCharsets.US_ASCII)).isEqualTo(StandardCharsets.UTF_8);
    assertThat(TerminalPrompter.terminalCharset(StandardCharsets.ISO_8859_1)).isEqualTo(StandardCharsets.ISO_8859_1);
    assertThat(TerminalPrompter.terminalCharset(StandardCharsets.UTF_8)).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void runsAWholeInterviewOnADumbTerminal() throws IOException {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    List<Draft> saved = new ArrayList<>();
    Interviewer.Result r;
    try (TerminalPrompter p = terminal("x\n04.10.2021\nyes\nisolated\nno\n", screen)) {
      r = new Interviewer(rules, p, new Messages("en"), TODAY, saved::add).run(start("BE"), false);
    }
    assertThat(r.ending()).isEqualTo(Interviewer.Ending.FINISHED);
    assertThat(r.draft().asked()).containsExactly("asylum_application_date", "asylum_procedure_pending",
        "be_household", "be_delay_own_conduct");
    assertThat(r.standings()).singleElement().satisfies(s ->
        assertThat(s.result().verdict()).isEqualTo(Verdict.DISCRETIONARY));
    String shown = screen.toString(StandardCharsets.UTF_8);
    assertThat(shown).contains("(1) When did the person apply for asylum?", "'x' is not a date",
        "Every verdict in scope is decided.");
    assertThat(saved).hasSizeGreaterThanOrEqualTo(5);
    assertThat(saved.get(saved.size() - 1).finished()).isTrue();
  }

  @Test
  void ctrlCStopsKeepsTheAnswersAndSaysSoRatherThanThatTheInputEnded() throws IOException {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    List<Draft> saved = new ArrayList<>();
    Interviewer.Result r;
    DumbTerminal dumb = new DumbTerminal(new ByteArrayInputStream("04.10.2021\n\u0003".getBytes(StandardCharsets.UTF_8)),
        screen);
    Attributes a = dumb.getAttributes();
    a.setLocalFlag(Attributes.LocalFlag.ISIG, true);
    a.setControlChar(Attributes.ControlChar.VINTR, 3);
    dumb.setAttributes(a);
    try (TerminalPrompter p = new TerminalPrompter(dumb)) {
      r = new Interviewer(rules, p, new Messages("en"), TODAY, saved::add).run(start("BE"), false);
    }
    assertThat(r.ending()).isEqualTo(Interviewer.Ending.STOPPED);
    assertThat(saved.get(saved.size() - 1).subject().facts())
        .containsEntry("asylum_application_date", LocalDate.of(2021, 10, 4));
    assertThat(screen.toString(StandardCharsets.UTF_8)).contains("  Stopped with Ctrl-C.\n")
        .doesNotContain("The input ended");
  }

  @Test
  void ctrlDStopsAndKeepsTheAnswers() throws IOException {
    List<Draft> saved = new ArrayList<>();
    Interviewer.Result r;
    try (TerminalPrompter p = terminal("04.10.2021\n\u0004", new ByteArrayOutputStream())) {
      r = new Interviewer(rules, p, new Messages("en"), TODAY, saved::add).run(start("BE"), false);
    }
    assertThat(r.ending()).isEqualTo(Interviewer.Ending.STOPPED);
    assertThat(saved.get(saved.size() - 1).subject().facts())
        .containsEntry("asylum_application_date", LocalDate.of(2021, 10, 4));
  }

  @Test
  void keepsNoHistoryFileAndTakesQuotesLiterally() throws IOException {
    try (TerminalPrompter p = terminal("O'Brien \"x\" \\n\n", new ByteArrayOutputStream())) {
      assertThat(p.reader().getVariable(LineReader.HISTORY_FILE)).isNull();
      assertThat(p.reader().getVariable(LineReader.DISABLE_HISTORY)).isEqualTo(true);
      assertThat(p.read("> ", List.of())).contains("O'Brien \"x\" \\n");
    }
  }
}
