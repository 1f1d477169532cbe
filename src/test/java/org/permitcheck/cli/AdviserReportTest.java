package org.permitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.permitcheck.diag.SourceText;
import org.permitcheck.report.Messages;
import org.permitcheck.report.RulesRenderer;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;

/** What an adviser reads in the report of the real ruleset, on the example cases. */
class AdviserReportTest {
  @Test
  void anOptionHoldsUntilItsLastDayRatherThanAskingForAnApplication() {
    Run.Result r = Run.run("eval", "--permit", "NL-reception-family", "examples/nl-reception-child-last-day-minor.yaml");
    assertThat(r.out()).contains("Applies until 2026-11-21, not after that day.").doesNotContain("apply by");
    assertThat(Run.run("eval", "--permit", "DE-25a", "examples/de-25a-29-february-last-day.yaml").out())
        .contains(": apply by that day.");
  }

  @Test
  void theMarkdownReportListsOptionsApartFromThePermitsThatApply() {
    String md = Run.run("eval", "--format", "markdown", "examples/nl-appeal-may-wait-no-removal.yaml").out();
    int permits = md.indexOf("## Permits that apply or nearly apply");
    int options = md.indexOf("## Options and situations that apply or nearly apply");
    assertThat(permits).isNotNegative();
    assertThat(options).isGreaterThan(permits);
    assertThat(md.substring(permits, options)).doesNotContain("NL-opt-forced-return").doesNotContain("NL-opt-appeal-wait");
    assertThat(md.substring(options)).contains("### NL-opt-forced-return").contains("### NL-opt-appeal-wait");
  }

  @Test
  void saysWhenTheLastDayIsTheDecisionsRatherThanTheRequests() throws IOException {
    String decided = "examples/de-25b-child-turns-18-decision-day.yaml";
    assertThat(Run.run("eval", "--permit", "DE-25b", decided).out())
        .contains("Available until 2026-11-25, if the decision is taken by that day").doesNotContain("apply by that day");
    JsonNode json = new ObjectMapper().readTree(Run.run("eval", "--format", "json", "--permit", "DE-25b", decided).out());
    assertThat(json.at("/results/0/apply_before_judged_at").asText()).isEqualTo("decision");
    // § 25a's age is judged on the day of the request
    String requested = "examples/de-25a-29-february-last-day.yaml";
    assertThat(new ObjectMapper().readTree(Run.run("eval", "--format", "json", "--permit", "DE-25a", requested).out())
        .at("/results/0/apply_before_judged_at").asText()).isEqualTo("application");
  }

  @Test
  void anOpenVerdictsFirstDaySaysItHoldsWhateverTheAnswersAndMayComeSooner() {
    String out = Run.run("eval", "--permit", "BE-9bis-1.1", "examples/be-1.1-household-unknown-three-and-a-half-years.yaml")
        .out();
    assertThat(out).contains("UNDETERMINED", "[be_household]", "From 2027-05-25 the authority could grant it at its "
        + "discretion whatever the\n      answers to the questions above");
  }

  @Test
  void saysWhenARequestMadeBeforeTheAgeLimitCouldBeGrantedOnceTheStayIsComplete() throws IOException {
    String file = "examples/de-25a-request-before-27-stay-complete-after.yaml";
    assertThat(Run.run("eval", "--permit", "DE-25a", file).out())
        .contains("A request made by 2027-01-09 could be granted from 2027-02-01, if it is\n      decided on or after that day");
    JsonNode r = new ObjectMapper().readTree(Run.run("eval", "--format", "json", "--permit", "DE-25a", file).out())
        .at("/results/0");
    assertThat(r.get("verdict").asText()).isEqualTo("not_eligible");
    assertThat(r.get("eligible_from").isNull()).isTrue();
    assertThat(r.get("eligible_from_if_requested").asText()).isEqualTo("2027-02-01");
    assertThat(r.get("request_from").asText()).isEqualTo("2026-11-25");
    assertThat(r.get("request_by").asText()).isEqualTo("2027-01-09");
  }

  @Test
  void quotesTheRulesOwnDiscretionaryTextInsteadOfClaimingTheAuthorityMayGrant() {
    Run.Result r = Run.run("eval", "examples/nl-ukraine-refugee.yaml");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).doesNotContain("The authority may grant it").doesNotContain("may waive")
        .contains("The criteria alone do not decide: For a refugee from Ukraine this may still")
        .contains("(fully) apply to refugees from Ukraine) (not decisive: see above)");
  }

  @Test
  void marksACriterionWhoseDiscretionLiesInOneOfItsAlternativesNotDecisiveInEveryFormat() {
    String file = "examples/de-25b-60b-months-in-stay.yaml";
    assertThat(Run.run("eval", "--permit", "DE-25b", file).out())
        .contains("DISCRETIONARY").contains("Beschäftigungsduldung (not decisive: see\n    above)");
    assertThat(Run.run("eval", "--permit", "DE-25b", "--format", "markdown", file).out())
        .contains("Beschäftigungsduldung (not decisive: see above)");
    assertThat(Run.run("eval", "--permit", "DE-25b", "--format", "ndjson", file).out())
        .contains("{\"id\":\"residence_period\",\"outcome\":\"not_met\",\"waivable\":true}");
  }

  @Test
  void marksACriterionWhoseDiscretionWaitsForAnOpenQuestionMaybeNotDecisive() {
    // saved before de_duldung_months_before_60b existed: the discretion of toleration_12_months waits
    // for it, so the criterion is not a plain failure under "nothing stands in the way so far"
    String[] args = {"eval", "--set", "de_duldung_months_before_60b=", "--permit", "DE-25a",
        "examples/de-25a-60b-between-two-duldungen.yaml"};
    assertThat(Run.run(args).out()).contains("UNDETERMINED")
        .contains("§ 104c permit (until 30 Dec\n    2025) (maybe not decisive: it depends on the questions still open)");
  }

  @Test
  void showsTheDiscretionaryTextOnAnUnknownCriterionItDoesNotQuoteAbove() {
    Run.Result r = Run.run("eval", "--explain", "examples/de-104c-application-31-december.yaml");
    assertThat(r.out()).contains("(not decisive: Whether an application on 31 Dec 2025 was still")
        .doesNotContain("uncertain..");
  }

  @Test
  void neverMarksAnExpiredDeadlineAsWaivable() {
    Run.Result r = Run.run("eval", "--permit", "DE-104c", "examples/de-104c-after-expiry.yaml");
    assertThat(r.out()).contains("✗ Not met: Applied by 30 Dec 2025\n").doesNotContain("not decisive");
  }

  @Test
  void namesTheCommandThatShowsTheNotesARulesTextRefersTo() throws IOException {
    String yaml = Files.readString(Path.of("rules.yaml"));
    Ruleset rules = RulesLoader.load(new SourceText("rules.yaml", yaml)).value().orElseThrow();
    Matcher see = Pattern.compile("(see (the )?notes|voir les (notes|remarques)|siehe Hinweise|zie (de )?(notities"
        + "|opmerkingen))(?! ?:? \\(?permitcheck show )").matcher(yaml);
    assertThat(see.find()).as("a reference to notes without the command that shows them").isFalse();
    Matcher show = Pattern.compile("permitcheck show ([A-Za-z0-9.-]*[A-Za-z0-9])").matcher(yaml);
    int references = 0;
    while (show.find()) {
      references++;
      assertThat(rules.permit(show.group(1))).as(show.group()).hasValueSatisfying(p -> assertThat(p.notes().isEmpty())
          .isFalse());
    }
    assertThat(references).isGreaterThan(30);
    assertThat(Run.run("eval", "examples/be-2.1-parent-belgian-child.yaml").out())
        .contains("fee is due (see the notes: permitcheck\n      show BE-9bis-admissibility)");
  }

  @Test
  void namesEveryCountryInTheLanguageAsked() {
    assertThat(Run.run("permits", "--lang", "de").out()).contains("NL · Niederlande\n").doesNotContain("[en] Netherlands");
    assertThat(Run.run("eval", "examples/fr-student-61499-near-miss.yaml").out())
        .contains("Advice services (France):");
  }

  @Test
  void agreesANearMissWithTheNumberOfCriteriaInFrench() {
    assertThat(Run.run("eval", "--lang", "fr", "examples/fr-student-61499-near-miss.yaml").out())
        .contains("Seulement 1 critère décisif non rempli :", "Seulement 2 critères décisifs non remplis :").doesNotContain("(s)");
  }

  @Test
  void marksAnInterviewQuestionShownInEnglishForWantOfATranslation(@TempDir Path dir) {
    String rules = Path.of("rules.yaml").toAbsolutePath().toString();
    Run.Result r = Run.run("?\nquit\n", Map.of(), dir, "interview", "--rules", rules, "--lang", "nl", "--country",
        "FR");
    assertThat(r.err()).contains("(1) [en] Where does the person's asylum claim in France stand?",
        "1 refused_ofpra_and_cnda: [en] Refused by OFPRA").contains("  [en] OFPRA decides first", "Verwacht: het nummer")
        .doesNotContain("[nl]");
  }

  @Test
  void wrapsTheCaseHeaderAndTheDiscretionLinesOfShowToEightyColumns() {
    String out = Run.run("eval", "examples/be-1.2-council-of-state-not-admitted.yaml").out()
        + Run.run("show", "DE-25b").out() + Run.run("show", "DE-25a").out() + Run.run("show", "FR-student").out();
    assertThat(out).contains("· application date\n  2009-11-02\n", "     not decisive when de_status in");
    assertThat(out.lines().filter(l -> l.codePointCount(0, l.length()) > 80)).isEmpty();
  }

  /**
   * The catalogue found no status condition for § 25 (5) in its sources but did not read the statute
   * (§9.1 DE-19, partial): the text shown when there is no written Duldung says so, not that the statute
   * sets none.
   */
  @Test
  void saysTheSourcesNameNoStatusConditionForParagraph25Section5NotThatTheStatuteSetsNone() {
    String out = Run.run("eval", "--explain", "--permit", "DE-25-5", "examples/de-25-5-no-written-duldung.yaml").out();
    assertThat(out.replaceAll("\\s+", " ")).contains("the sources checked name no status condition;")
        .doesNotContain("the statute sets no status condition");
  }

  @Test
  void saysOneFactWouldDecideInTheSingularInEveryLanguage() {
    assertThat(Run.run("eval", "--lang", "de", "examples/be-2.4-proof-missing.yaml").out())
        .contains("1 Angabe würde entscheiden").doesNotContain("1 Angabe würden");
    assertThat(Run.run("eval", "--lang", "fr", "examples/be-2.4-proof-missing.yaml").out())
        .contains("1 information déciderait").doesNotContain("1 information décideraient");
    assertThat(Run.run("eval", "--lang", "nl", "examples/be-2.4-proof-missing.yaml").out())
        .contains("1 gegeven zou de doorslag").doesNotContain("1 gegeven zouden");
  }

  /**
   * The rules do not say which criteria a person can still change, so a near miss keeps the seed's
   * advice even when the one failing criterion cannot change (README, "near_miss"); the report then
   * says plainly what fails.
   */
  @Test
  void aNearMissOnACriterionThePersonCannotChangeKeepsTheAdviceAndMarksWhatFails() {
    Run.Result r = Run.run("eval", "--permit", "BE-9bis-2.1", "examples/be-1.1-family-day-before.yaml");
    assertThat(r.out()).contains("NOT ELIGIBLE (near miss) · BE-9bis-2.1",
        "Only 1 decisive criterion not met: ask an advice service, there may be a way.",
        "  ✗ Not met: Is the parent of a minor Belgian child and has a real and effective\n");
  }

  /**
   * Advisers in Belgium and the Netherlands work in Dutch or French: every question, help, choice and
   * permit text they can be shown for those countries (the shared facts included) is translated, so
   * none falls back to English with the "[en]" marker.
   */
  @Test
  void belgianAndDutchTextsAreAllTranslatedIntoDutchAndFrench() throws IOException {
    Ruleset rules = RulesLoader.load(new SourceText("rules.yaml", Files.readString(Path.of("rules.yaml"))))
        .value().orElseThrow();
    for (String language : List.of("nl", "fr")) {
      RulesRenderer renderer = new RulesRenderer(rules, language);
      StringBuilder shown = new StringBuilder(renderer.facts(List.of("BE", "NL")));
      rules.permits().stream().filter(p -> p.id().startsWith("BE-") || p.id().startsWith("NL-"))
          .forEach(p -> shown.append(renderer.permit(p)));
      List<String> untranslated = shown.toString().lines().filter(l -> l.contains("[en]")).toList();
      assertThat(untranslated).as("texts without a %s translation", language).isEmpty();
    }
  }

  /**
   * Advisers in Germany work in German: every question, help, choice and permit text they can be
   * shown for Germany (the shared facts listed for it included) is in German, and no choice is shown
   * only by its key, as "none" was for the level of German.
   */
  @Test
  void germanTextsAreAllTranslatedIntoGerman() throws IOException {
    Ruleset rules = RulesLoader.load(new SourceText("rules.yaml", Files.readString(Path.of("rules.yaml"))))
        .value().orElseThrow();
    RulesRenderer renderer = new RulesRenderer(rules, "de");
    StringBuilder shown = new StringBuilder(renderer.facts(List.of("DE")));
    rules.permits().stream().filter(p -> p.id().startsWith("DE-")).forEach(p -> shown.append(renderer.permit(p)));
    List<String> untranslated = shown.toString().lines().filter(l -> l.contains("[en]")).toList();
    assertThat(untranslated).as("texts without a German translation").isEmpty();
    assertThat(shown.toString()).contains("  - none: Keine Deutschkenntnisse oder unter A1\n");
  }

  /**
   * A German question an adviser can answer as it stands: a count that opens with a yes/no question
   * says what to type for no, a question about "this stay" names the stay (it can be asked before the
   * stay's start), a list of groups reads as one, and a waivable note is a sentence.
   */
  @Test
  void asksGermanQuestionsAnAdviserCanAnswerAsPhrased() throws IOException {
    Ruleset rules = RulesLoader.load(new SourceText("rules.yaml", Files.readString(Path.of("rules.yaml"))))
        .value().orElseThrow();
    String facts = new RulesRenderer(rules, "de").facts(List.of("DE")).replaceAll("\\s+", " ");
    assertThat(facts).contains("Wie viele Monate insgesamt hatte sie solche früheren Duldungen? Wenn nein: 0.")
        .contains("Wie viele Monate ihres ununterbrochenen Aufenthalts in Deutschland hatte die Person eine Duldung"
            + " nach § 60b")
        .contains("und gehört sie zu einer dieser Gruppen: Studierende, Auszubildende, Familien")
        .doesNotContain("dieses Aufenthalts").doesNotContain("Studierende/r");
    String report = Run.run("eval", "--lang", "de", "examples/de-25b-60b-months-in-stay.yaml").out()
        .replaceAll("\\s+", " ");
    assertThat(report).contains("Die Voraussetzungen allein entscheiden nicht: Nur erfüllt, wenn die Zeiten nach"
        + " § 60b aus einem Aufenthalt, der sie einschließt, herausgerechnet werden.");
  }

  /**
   * A note that tells what the report will say names the verdict as the report prints it in that
   * language ("NIET VAN KRACHT", "PAS EN VIGUEUR"), not by its JSON key, and calls an application
   * window by the report's own word for it.
   */
  @Test
  void belgianAndDutchTextsNameVerdictsAndWindowsAsTheReportDoes() throws IOException {
    Ruleset rules = RulesLoader.load(new SourceText("rules.yaml", Files.readString(Path.of("rules.yaml"))))
        .value().orElseThrow();
    Pattern internal = Pattern.compile("\\b(not_in_force|not_eligible|undetermined|discretionary|eligible)\\b"
        + "|\\bvenster\\b|fenêtre");
    for (String language : List.of("nl", "fr")) {
      RulesRenderer renderer = new RulesRenderer(rules, language);
      StringBuilder shown = new StringBuilder();
      rules.permits().stream().filter(p -> p.id().startsWith("BE-") || p.id().startsWith("NL-"))
          .forEach(p -> shown.append(renderer.permit(p)));
      List<String> found = shown.toString().lines().filter(l -> internal.matcher(l).find()).toList();
      assertThat(found).as("verdict keys or 'window' in the %s texts", language).isEmpty();
    }
  }

  /**
   * A Belgian law has an official Dutch title, and a Dutch law's citation carries a remark in Dutch:
   * each reader sees the citation in their own language.
   */
  @Test
  void citesBelgianAndDutchLawInTheReadersLanguage() {
    // the report wraps lines at 80 columns: compare the words, not the line breaks
    String nl = Run.run("eval", "--lang", "nl", "examples/be-2.1-parent-belgian-child.yaml").out()
        .replaceAll("\\s+", " ");
    assertThat(nl).contains("(Art. 9bis wet van 15 december 1980 betreffende de toegang tot het grondgebied,")
        .doesNotContain("loi du 15").doesNotContain("annulée").doesNotContain("Conseil d'État");
    String fr = Run.run("eval", "--lang", "fr", "examples/nl-spouse-income-one-cent-short.yaml").out()
        .replaceAll("\\s+", " ");
    assertThat(fr).contains("(Vreemdelingenwet 2000 (loi sur les étrangers de 2000 ; la source ne cite aucun article))")
        .doesNotContain("de bron noemt").doesNotContain("regels van 1 november 2004");
    String en = Run.run("eval", "--lang", "en", "examples/nl-spouse-income-one-cent-short.yaml").out()
        .replaceAll("\\s+", " ");
    assertThat(en).contains("(Vreemdelingenwet 2000 (Aliens Act 2000; the source names no article))")
        .doesNotContain("de bron noemt").doesNotContain("regels van 1 november 2004");
  }

  /**
   * A language without a wording of its own (German for Belgian and Dutch law) gets the citation as
   * written, as a plain-string legal basis always read, not marked as an untranslated English text:
   * scripts group results by legal_basis, and the marker would change its value with LANG.
   */
  @Test
  void citesLawAsWrittenWithoutTheUntranslatedMarkerInALanguageWithoutItsOwnWording() throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (String example : List.of("examples/be-2.1-parent-belgian-child.yaml",
        "examples/nl-spouse-income-one-cent-short.yaml")) {
      List<String> en = legalBases(json.readTree(Run.run("eval", "--format", "json", "--lang", "en", example).out()));
      List<String> de = legalBases(json.readTree(Run.run("eval", "--format", "json", "--lang", "de", example).out()));
      assertThat(de).as(example).isEqualTo(en).noneMatch(b -> b.startsWith("[en]"));
      String text = Run.run("eval", "--lang", "de", example).out();
      assertThat(text).as(example).doesNotContain("([en]");
    }
  }

  private static List<String> legalBases(JsonNode record) {
    List<String> out = new ArrayList<>();
    record.get("results").forEach(r -> out.add(r.get("legal_basis").asText()));
    return out;
  }

  @Test
  void textsShownToAdvisersNameNoInternalDocumentReference() throws IOException {
    Ruleset rules = RulesLoader.load(new SourceText("rules.yaml", Files.readString(Path.of("rules.yaml"))))
        .value().orElseThrow();
    // the permit's source file is for legal officers (permitcheck show prints it on its own line): kept
    Pattern sourceFile = Pattern.compile("(?i)seed\\s+\\d{3}_[0-9a-f]+\\.txt");
    Pattern internal = Pattern.compile("(?i)\\bseed\\b|catalog|katalog|\\bS00\\d\\b|\\b(?:source|quelle|bron)\\s+00\\d\\b"
        + "|\\b(?-i:BE|DE|FR|NL)-\\d+\\b(?![\\w.-])");
    for (String language : Messages.LANGUAGES) {
      RulesRenderer renderer = new RulesRenderer(rules, language);
      StringBuilder shown = new StringBuilder(renderer.facts(List.of()));
      rules.permits().forEach(p -> shown.append(renderer.permit(p)));
      String text = sourceFile.matcher(shown).replaceAll("");
      Matcher m = internal.matcher(text);
      List<String> found = new ArrayList<>();
      while (m.find()) {
        found.add(text.substring(Math.max(0, m.start() - 60), Math.min(text.length(), m.end() + 20)));
      }
      assertThat(found).as("internal references in the %s texts", language).isEmpty();
    }
  }
}
