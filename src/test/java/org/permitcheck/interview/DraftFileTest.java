package org.permitcheck.interview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.permitcheck.cases.Case;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.SourceText;
import org.permitcheck.engine.Scope;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;

/** A draft reads back to the same interview state, a list in progress included. */
class DraftFileTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
  static Ruleset rules;

  @BeforeAll
  static void load() throws IOException {
    rules = RulesLoader.load(new SourceText("interview-rules.yaml",
        Files.readString(Path.of("src/test/resources/fixtures/interview-rules.yaml")))).value().get();
  }

  @Test
  void roundTripsEveryPartOfTheState() {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("de_status", "duldung");
    facts.put("children", List.of(Map.of("date_of_birth", LocalDate.of(2015, 2, 1)), Map.of()));
    Case c = new Case("ahmad", "ahmad.yaml", Optional.of("DE"), Optional.of(TODAY), Optional.empty(), facts, Map.of());
    Draft d = new Draft(c, new Scope(Set.of("DE"), Set.of("DE-25b")), List.of(Draft.COUNTRY, "de_status", "german_level"),
        Set.of("german_level"), Optional.of(new Draft.Pending("children", 2)), "cases/ahmad.yaml", "/home/adviser/cases/ahmad.yaml", false);
    DraftFile file = new DraftFile(rules, TODAY);
    String text = file.write(d);
    Checked<Draft> back = file.read(new SourceText("ahmad.draft.yaml", text));
    assertThat(back.diagnostics()).isEmpty();
    Draft r = back.value().get();
    assertThat(r.subject().facts()).isEqualTo(facts);
    assertThat(r.subject().id()).isEqualTo("ahmad");
    assertThat(r.subject().country()).contains("DE");
    assertThat(r.scope()).isEqualTo(d.scope());
    assertThat(r.asked()).isEqualTo(d.asked());
    assertThat(r.skipped()).isEqualTo(d.skipped());
    assertThat(r.pending()).isEqualTo(d.pending());
    assertThat(r.save()).isEqualTo("cases/ahmad.yaml");
    assertThat(r.replaces()).isEqualTo("/home/adviser/cases/ahmad.yaml");
    assertThat(file.write(r)).isEqualTo(text);
  }

  @Test
  void reportsWhatIsWrongInADraft() {
    String text = "draft: 1\nsave: null\nasked: [nope]\npending: {fact: de_status, step: 1}\nfinished: false\n"
        + "case:\n  id: x\n  facts:\n    german_level: Z9\n";
    Checked<Draft> back = new DraftFile(rules, TODAY).read(new SourceText("x.draft.yaml", text));
    assertThat(back.hasErrors()).isTrue();
    assertThat(back.errors()).extracting(e -> e.line() + " " + e.message()).containsExactly(
        "3 unknown fact 'nope' in 'asked'",
        "4 'pending' needs the name of a list fact and a step",
        "9 fact 'german_level' has no value 'Z9'");
  }

  @Test
  void saysWhatIsWrongInADraftInTheChosenLanguage() {
    String text = "draft: 1\nasked: [nope]\npending: {fact: de_status, step: 1}\nfinished: false\n";
    Checked<Draft> back = new DraftFile(rules, TODAY).read(new SourceText("x.draft.yaml", text));
    org.permitcheck.diag.Translation fr = org.permitcheck.diag.Translation.of("fr");
    assertThat(back.errors()).extracting(e -> e.line() + " " + fr.translate(e).message()).containsExactlyInAnyOrder(
        "1 un brouillon n’a pas de 'case'",
        "2 fait inconnu 'nope' dans 'asked'",
        "3 'pending' demande le nom d’un fait de type liste et une étape");
  }
}
