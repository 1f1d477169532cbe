package org.permitcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.permitcheck.diag.SourceText;
import org.permitcheck.engine.Evaluator;
import org.permitcheck.expr.CompiledExpr;
import org.permitcheck.report.Messages;
import org.permitcheck.rules.Criterion;
import org.permitcheck.rules.Fact;
import org.permitcheck.rules.Permit;
import org.permitcheck.rules.RulesLoader;
import org.permitcheck.rules.Ruleset;

/**
 * Whole interviews driven through piped input, one per country, on the interview fixture ruleset:
 * the exact questions asked, the keywords, drafts and resuming, and the saved case evaluated by eval.
 */
class InterviewCommandTest {
  static final Path RULES = Path.of("src/test/resources/fixtures/interview-rules.yaml").toAbsolutePath();
  static final Pattern QUESTION = Pattern.compile("(?m)^\\(\\d+\\) (.*)$");
  static final String SAVED = "interview-2026-11-22.yaml";
  static final String DRAFT = "interview-2026-11-22.draft.yaml";

  /** A tolerated man in Germany since 2017, B1 German, own income: eligible for § 25b, too old for § 25a. */
  static final String DE_ANSWERS = "1\n2017-03-01\n0\nno\nno\nyes\n12.04.1990\n0\nB1\nyes\nyes\nyes\n\n";
  static final List<String> DE_QUESTIONS = List.of("de_status", "de_stay_since", "de_60b_months",
      "deception_preventing_removal", "convicted", "has_passport", "date_of_birth", "children", "german_level",
      "livelihood_mainly_own_income", "fdgo_commitment", "lid_test_passed");

  static Ruleset rules;
  static Map<String, String> questionToFact = new LinkedHashMap<>();

  @TempDir Path dir;

  @BeforeAll
  static void load() throws IOException {
    rules = RulesLoader.load(new SourceText("interview-rules.yaml", Files.readString(RULES))).value().get();
    for (Fact f : rules.facts().values()) {
      questionToFact.put(f.question().get("en"), f.name());
    }
    questionToFact.put(new Messages("en").get("interview.country.question"), "country");
  }

  Run.Result interview(String stdin, String... args) {
    return run(dir, stdin, args);
  }

  static Run.Result run(Path cwd, String stdin, String... args) {
    List<String> all = new ArrayList<>(List.of("interview", "--rules", RULES.toString()));
    all.addAll(List.of(args));
    return Run.run(stdin, Map.of(), cwd, all.toArray(new String[0]));
  }

  Run.Result eval(String... args) {
    List<String> all = new ArrayList<>(List.of("eval", "--rules", RULES.toString()));
    all.addAll(List.of(args));
    return Run.run("", Map.of(), dir, all.toArray(new String[0]));
  }

  /** The facts asked, in order, re-asked ones included, from the question headers on stderr. */
  static List<String> asked(String err) {
    List<String> out = new ArrayList<>();
    Matcher m = QUESTION.matcher(err);
    while (m.find()) {
      String first = m.group(1).strip();
      List<String> facts = questionToFact.entrySet().stream().filter(e -> e.getKey().startsWith(first))
          .map(Map.Entry::getValue).toList();
      assertThat(facts).as("question '%s'", first).hasSize(1);
      out.add(facts.get(0));
    }
    return out;
  }

  Map<String, String> verdicts(String file) throws IOException {
    Run.Result r = eval("--format", "json", file);
    assertThat(r.exit()).as(r.err()).isZero();
    Map<String, String> out = new LinkedHashMap<>();
    for (JsonNode result : new ObjectMapper().readTree(r.out()).get("results")) {
      out.put(result.get("permit").asText(), result.get("verdict").asText());
    }
    return out;
  }

  /** The saved case evaluates with eval to exactly the report the interview printed. */
  void assertSavedCaseGivesTheSameReport(Run.Result r, String file) throws IOException {
    assertThat(Files.getPosixFilePermissions(dir.resolve(file))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(eval(file).out()).isEqualTo(r.out());
    assertThat(Files.exists(dir.resolve(DRAFT))).as("the draft is removed once the case is saved").isFalse();
  }

  @Test
  void germanInterviewAsksOnlyTheDecidingQuestions() throws IOException {
    Run.Result r = interview(DE_ANSWERS, "--country", "DE");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(asked(r.err())).isEqualTo(DE_QUESTIONS);
    assertThat(r.err()).contains("  2 decided, 0 open\n", "Every verdict in scope is decided.",
        "Case saved in " + SAVED + ".");
    assertSavedCaseGivesTheSameReport(r, SAVED);
    assertThat(verdicts(SAVED)).containsExactly(Map.entry("DE-25b", "eligible"), Map.entry("DE-25a", "not_eligible"));
  }

  @Test
  void asksForTheCountryFirstWhenNoneIsGiven() throws IOException {
    Run.Result r = interview("BE\n04.10.2021\nyes\n2\nno\n\n");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(asked(r.err())).containsExactly("country", "asylum_application_date", "asylum_procedure_pending",
        "be_household", "be_delay_own_conduct");
    assertSavedCaseGivesTheSameReport(r, SAVED);
    assertThat(verdicts(SAVED)).containsExactly(Map.entry("BE-9bis-1.1", "discretionary"));
  }

  @Test
  void frenchInterviewExplainsAnAnswerOutOfRangeAndAsksAgain() throws IOException {
    Run.Result r = interview("no\nyes\nyes\nyes\n1.9.2020\n30\n14\nyes\nyes\n450,50\n\n", "--country", "FR");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(asked(r.err())).containsExactly("convicted", "fr_habitual_residence", "fr_medical_need",
        "fr_treatment_in_origin", "fr_residence_since", "fr_shortage_months", "fr_employed_shortage",
        "fr_enrolled_training", "fr_monthly_resources");
    assertThat(r.err()).contains("months > \n  The answer must be at most 24 months.\nmonths > \n");
    assertSavedCaseGivesTheSameReport(r, SAVED);
    assertThat(verdicts(SAVED)).containsExactly(Map.entry("FR-health", "not_eligible"),
        Map.entry("FR-work-shortage", "discretionary"), Map.entry("FR-student", "not_eligible"));
  }

  @Test
  void dutchInterviewSkipsWhatADecidedPermitNeeds() throws IOException {
    Run.Result r = interview("NL\nno\n34\nwork\n1500\n6\nno\nyes\nno\n\n");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(asked(r.err())).containsExactly("country", "convicted", "nl_sponsor_age", "nl_sponsor_permit",
        "nl_sponsor_income", "nl_income_guaranteed_months", "nl_sponsor_incapacitated", "nl_wants_return",
        "nl_appeal_lodged");
    assertSavedCaseGivesTheSameReport(r, SAVED);
    assertThat(verdicts(SAVED)).containsExactly(Map.entry("NL-family-spouse", "not_eligible"),
        Map.entry("NL-voluntary-return", "eligible"), Map.entry("NL-appeal-wait", "not_eligible"));
  }

  @Test
  void invalidAnswersAreExplainedAndAskedAgain() {
    Run.Result r = interview("9\nduldung\n32.01.2017\n2030-01-01\n01.03.2017\nquit\n", "--country", "DE");
    assertThat(asked(r.err())).containsExactly("de_status", "de_stay_since", "de_60b_months");
    assertThat(r.err()).contains(
        "1-8 or name > \n  '9' is not one of the choices: type a number from 1 to 8, or a name (Tab\n  completes).\n"
            + "1-8 or name > \n  0 decided, 2 open\n",
        "date > \n  '32.01.2017' does not exist in the calendar.\ndate > \n"
            + "  2030-01-01 is later than the case's date (2026-11-22): check the year.\ndate > \n");
  }

  @Test
  void backAsksThePreviousQuestionAgainAndForgetsItsAnswer() throws IOException {
    Run.Result r = interview("back\n1\n2016-01-01\nback\nback\n1\n2017-03-01\n0\nno\nno\nyes\n12.04.1990\n0\nB1\nyes"
        + "\nyes\nyes\n\n", "--country", "DE");
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> expected = new ArrayList<>(List.of("de_status", "de_status", "de_stay_since", "de_60b_months",
        "de_stay_since", "de_status"));
    expected.addAll(DE_QUESTIONS.subList(1, DE_QUESTIONS.size()));
    assertThat(asked(r.err())).isEqualTo(expected);
    assertThat(r.err()).contains("This is the first question: there is nothing to go back to.");
    assertThat(Files.readString(dir.resolve(SAVED))).contains("de_stay_since: 2017-03-01");
  }

  @Test
  void skipLeavesAFactUnknownAndItIsNotAskedAgain() throws IOException {
    Run.Result r = interview("1\n2017-03-01\n0\nno\nno\nyes\n12.04.1990\n0\nskip\nyes\nyes\nyes\n\n", "--country", "DE");
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> expected = new ArrayList<>(DE_QUESTIONS);
    assertThat(asked(r.err())).isEqualTo(expected);
    assertThat(r.err()).contains("No question left can decide the open permits");
    assertThat(Files.readString(dir.resolve(SAVED))).doesNotContain("german_level");
    assertThat(verdicts(SAVED)).containsEntry("DE-25b", "undetermined");
  }

  @Test
  void helpAndWhyAnswerWithoutLeavingTheQuestion() {
    Run.Result r = interview("1\n?\nwhy\nquit\n", "--country", "DE");
    assertThat(asked(r.err())).containsExactly("de_status", "de_stay_since");
    assertThat(r.err()).contains("  Usually the date of arrival or of the asylum application.\n"
        + "  Expected: a date, not in the future, like 14.05.1999, 14/05/1999 or\n  1999-05-14.\n");
    assertThat(r.err()).contains("  Where the permits stand:\n"
        + "    DE-25b · UNDETERMINED · 14 facts can still decide it\n"
        + "    DE-25a · UNDETERMINED · 13 facts can still decide it\n"
        + "  This question can still decide: DE-25b, DE-25a\n");
  }

  @Test
  void aWordForADateSaysHowToLeaveItUnknown() {
    Run.Result r = interview("1\nunknown\n1.13.2017\nquit\n", "--country", "DE");
    assertThat(r.err()).contains("  'unknown' is not a date: write it like 14.05.1999, 14/05/1999 or 1999-05-14.\n"
        + "  Or type skip (or just Enter) to leave it unknown.\n")
        .contains("  '1.13.2017' does not exist in the calendar: the day comes first.").contains("13.1.2017?\ndate > ");
  }

  @Test
  void helpInsideAListShowsTheListsHelpFromTheRules() {
    Run.Result r = interview("1\n2017-03-01\n0\n?\n1\n?\nquit\n", "--permit", "DE-25b");
    String help = "  One entry per child; an empty list if none.\n";
    assertThat(r.err()).contains(help + "  Expected: a whole number, from 0 to 99.\n",
        "  [1/1] Is the child of compulsory school age?\nyes/no > \n" + help + "  Expected: yes or no");
  }

  @Test
  void yesAtTheSaveQuestionAcceptsTheProposedFileAndNoAsksForAName() throws IOException {
    Run.Result r = interview(DE_ANSWERS.substring(0, DE_ANSWERS.length() - 1) + "no\nquit\nyes\n", "--country", "DE");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("file > \n'no' is not a file name: press Enter to save the case as\n" + SAVED
        + ", or type another file name.\nfile > \n'quit' is not a file name", "Case saved in " + SAVED + ".");
    assertThat(Files.exists(dir.resolve("no.yaml"))).isFalse();
    assertThat(Files.exists(dir.resolve("quit.yaml"))).isFalse();
    assertThat(Files.exists(dir.resolve("yes.yaml"))).isFalse();
    assertSavedCaseGivesTheSameReport(r, SAVED);
  }

  @Test
  void ouiAtTheSaveQuestionOfAFrenchInterviewAcceptsTheProposedFile() throws IOException {
    Run.Result r = interview(DE_ANSWERS.substring(0, DE_ANSWERS.length() - 1).replace("yes", "oui") + "oui\n",
        "--country", "DE", "--lang", "fr");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.exists(dir.resolve("oui.yaml"))).isFalse();
    assertThat(r.err()).contains("Dossier enregistré dans " + SAVED);
  }

  @Test
  void ouiAtTheSaveQuestionOfAnEnglishInterviewAcceptsTheProposedFileAsItsYesNoQuestionsDo() throws IOException {
    Run.Result r = interview(DE_ANSWERS.substring(0, DE_ANSWERS.length() - 1) + "nee\noui\n", "--country", "DE");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("'nee' is not a file name");
    assertThat(Files.exists(dir.resolve("oui.yaml"))).isFalse();
    assertThat(Files.exists(dir.resolve("nee.yaml"))).isFalse();
    assertThat(r.err()).contains("Case saved in " + SAVED);
  }

  @Test
  void theCommandToEvaluateTheSavedCaseStandsWholeOnItsOwnLineInTheInterviewsLanguage() {
    Run.Result r = interview(DE_ANSWERS, "--country", "DE");
    assertThat(r.err()).contains("Case saved in " + SAVED + ". Evaluate it again with:\n  permitcheck eval " + SAVED + "\n");
    assertThat(r.err().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    Run.Result fr = interview(DE_ANSWERS.replace("yes", "oui"), "--country", "DE", "--lang", "fr", "--save", "x.yaml");
    assertThat(fr.err()).contains("  permitcheck eval x.yaml --lang fr\n");
  }

  @Test
  void aFileNameInAFolderThatDoesNotExistIsAskedAgainAndTheCaseStillSaved() throws IOException {
    Run.Result r = interview(DE_ANSWERS.substring(0, DE_ANSWERS.length() - 1) + "1/9/2016\nahmad\n", "--country", "DE");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("file > \nThere is no folder for 1/9/2016.yaml: type another file name.\nfile > \n"
        + "Case saved in ahmad.yaml.");
    assertThat(Files.exists(dir.resolve("ahmad.yaml"))).isTrue();
  }

  @Test
  void theCommandToEvaluateTheSavedCaseKeepsThePermitsOfTheInterviewAndGivesItsReport() {
    Run.Result r = interview("1\n2017-03-01\n0\n0\nA1\n\n", "--permit", "DE-25b");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("  permitcheck eval " + SAVED + " --permit DE-25b\n");
    assertThat(eval(SAVED, "--permit", "DE-25b").out()).isEqualTo(r.out());
  }

  @Test
  void quitAtTheListOfAnswersOfAResumedCaseStopsTheInterview() throws IOException {
    Files.writeString(dir.resolve("open.yaml"), "country: DE\nas_of: 2026-11-22\nfacts:\n  de_status: duldung\n");
    Run.Result r = interview("quit\n", "--resume", "open.yaml");
    assertThat(r.exit()).isEqualTo(ExitCode.STOPPED);
    assertThat(r.err()).doesNotContain("is not one of the answers").contains("Stopped after 2 answers");
  }

  @Test
  void refusesToResumeACaseWithPermitsOfAnotherCountryOnly() throws IOException {
    Files.writeString(dir.resolve("be.yaml"), "country: BE\nas_of: 2026-11-22\nfacts: {}\n");
    Run.Result r = interview("quit\n", "--resume", "be.yaml", "--permit", "DE-25b");
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).startsWith("permitcheck: no permit named with --permit is of the case's country (BE): a permit "
        + "of another country is evaluated only with --country\n");
    assertThat(dir.resolve("be.draft.yaml")).doesNotExist();
    // with --country, as in eval, the permits named are those of the countries named
    assertThat(interview("quit\n", "--resume", "be.yaml", "--permit", "DE-25b", "--country", "DE").exit())
        .isEqualTo(ExitCode.STOPPED);
  }

  @Test
  void everyCommandToContinueKeepsThePermitsOfTheInterview() {
    Run.Result stopped = interview("1\n2017-03-01\nquit\n", "--permit", "DE-25b", "--save", "p1.yaml");
    assertThat(stopped.err()).contains("  permitcheck interview --resume p1.draft.yaml --permit DE-25b\n");
    assertThat(interview("", "--permit", "DE-25b", "--save", "p1.yaml").err())
        .contains("hint: continue it: permitcheck interview --resume p1.draft.yaml --permit DE-25b (or delete it)");
    Run.Result finished = interview("0\n0\nA1\n", "--resume", "p1.draft.yaml");
    assertThat(finished.err()).contains("  permitcheck eval p1.yaml --permit DE-25b\n");
    // the case file does not keep the permits: the commands name them, as they name the ones given
    assertThat(interview("", "--permit", "DE-25b", "--save", "p1.yaml").err()).contains(
        "hint: to change its answers: permitcheck interview --resume p1.yaml --permit DE-25b; else choose another");
    Run.Result reopened = interview("quit\n", "--resume", "p1.yaml", "--permit", "DE-25b");
    assertThat(reopened.err()).contains("  permitcheck interview --resume p1.draft.yaml --permit DE-25b\n")
        .doesNotContain("DE-25a");
    assertThat(interview("", "--resume", "p1.yaml", "--permit", "DE-25b").err())
        .contains("hint: continue it: permitcheck interview --resume p1.draft.yaml --permit DE-25b (or delete it)");
  }

  @Test
  void theCommandToContinueKeepsTheLanguageOfTheInterview() {
    Run.Result r = interview("1\n2017-03-01\nquit\n", "--country", "DE", "--lang", "de");
    assertThat(r.err()).contains("  permitcheck interview --resume " + DRAFT + " --lang de\n");
    assertThat(interview("quit\n", "--resume", DRAFT, "--lang", "de").err()).startsWith("Fortsetzung von");
  }

  @Test
  void theCommandToContinueSaysEnglishWhenTheEnvironmentSpeaksAnotherLanguage() {
    List<String> args = new ArrayList<>(List.of("interview", "--rules", RULES.toString(), "--country", "DE",
        "--lang", "en"));
    Run.Result r = Run.run("1\n2017-03-01\nquit\n", Map.of("LANG", "fr_FR.UTF-8"), dir, args.toArray(new String[0]));
    assertThat(r.err()).contains("  permitcheck interview --resume " + DRAFT + " --lang en\n");
    assertThat(dir.resolve(DRAFT)).content().contains("# Continue it with: permitcheck interview --resume <this file>"
        + " --lang en\n");
    args.add("--save");
    args.add(DRAFT.replace(".draft", ""));
    assertThat(Run.run("", Map.of("LANG", "fr_FR.UTF-8"), dir, args.toArray(new String[0])).err())
        .contains("hint: continue it: permitcheck interview --resume " + DRAFT + " --lang en (or delete it)");
  }

  @Test
  void quitEndsWithASummaryKeepsTheDraftAndExitsAsStopped() throws IOException {
    Run.Result r = interview("1\n2017-03-01\nquit\n", "--country", "DE");
    assertThat(r.exit()).isEqualTo(ExitCode.STOPPED);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("Stopped after 2 answers: UNDETERMINED 2.",
        "The answers are kept in " + DRAFT + ". Continue with:\n  permitcheck interview --resume " + DRAFT);
    assertThat(Files.getPosixFilePermissions(dir.resolve(DRAFT))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(Files.exists(dir.resolve(SAVED))).isFalse();
  }

  @Test
  void resumingADraftNeverWritesOverACaseThatWasPutWhereItWouldBeSaved() throws IOException {
    Run.Result first = interview("1\n2017-03-01\nquit\n", "--country", "DE", "--save", "ana.yaml");
    assertThat(first.exit()).isEqualTo(ExitCode.STOPPED);
    Files.writeString(dir.resolve("ana.yaml"), "id: someone-else\ncountry: DE\nfacts: {}\n");
    Run.Result resumed = interview(DE_ANSWERS, "--resume", "ana.draft.yaml");
    assertThat(resumed.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(resumed.err()).contains("'ana.yaml' already exists, and it is not the case this interview edits",
        "permitcheck interview --resume ana.draft.yaml --save ANOTHER.yaml");
    assertThat(Files.readString(dir.resolve("ana.yaml"))).startsWith("id: someone-else");
    // nor over another file named by --save when a case is re-opened
    Files.writeString(dir.resolve("bo.yaml"), "id: bo\ncountry: DE\nfacts: {}\n");
    assertThat(interview("", "--resume", "bo.yaml", "--save", "ana.yaml").exit()).isEqualTo(ExitCode.USAGE);
    assertThat(Files.readString(dir.resolve("ana.yaml"))).startsWith("id: someone-else");
  }

  @Test
  void refusesToResumeACaseAtADateBeforeItsOwnDatesSinceItWouldSaveACaseNoCommandCanRead() throws IOException {
    assertThat(interview(DE_ANSWERS, "--country", "DE", "--save", "ana.yaml").exit()).isZero();
    String saved = Files.readString(dir.resolve("ana.yaml"));
    Run.Result r = interview("\n", "--resume", "ana.yaml", "--as-of", "2016-01-01");
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).startsWith("permitcheck: --as-of 2016-01-01: fact 'de_stay_since' is 2017-03-01, later than");
    assertThat(Files.readString(dir.resolve("ana.yaml"))).isEqualTo(saved);
  }

  @Test
  void refusesToResumeAFileOfOneCasePerLineSayingWhatToDoInstead() throws IOException {
    Files.writeString(dir.resolve("cases.ndjson"), "{\"id\": \"a\", \"facts\": {}}\n{\"id\": \"b\", \"facts\": {}}\n");
    Run.Result r = interview("", "--resume", "cases.ndjson");
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).contains("holds one case per line", "save the case's line as a .json file");
  }

  @Test
  void aDraftOfAReopenedCaseSavesThatFileWhateverTheFolderItIsResumedFrom() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("sub"));
    assertThat(run(sub, DE_ANSWERS, "--country", "DE", "--save", "ana.yaml").exit()).isZero();
    assertThat(run(sub, "quit\n", "--resume", "ana.yaml").exit()).isEqualTo(ExitCode.STOPPED);
    Files.writeString(dir.resolve("ana.yaml"), "id: someone-else\ncountry: DE\nfacts: {}\n");
    // from the folder above, the draft's "ana.yaml" would name another person's case: the case it
    // re-opened is saved where it is
    Run.Result above = interview("\n", "--resume", "sub/ana.draft.yaml");
    assertThat(above.exit()).as(above.err()).isZero();
    assertThat(above.err()).contains("Case saved in " + sub.resolve("ana.yaml").toAbsolutePath().normalize());
    assertThat(Files.exists(sub.resolve("ana.draft.yaml"))).isFalse();
    assertThat(Files.readString(dir.resolve("ana.yaml"))).startsWith("id: someone-else");
    // a draft moved with its case saves the case beside it; one written before the path was recorded
    // ("replaces: true") too
    assertThat(run(sub, "quit\n", "--resume", "ana.yaml").exit()).isEqualTo(ExitCode.STOPPED);
    Path moved = Files.move(sub, dir.resolve("moved"));
    Path draft = moved.resolve("ana.draft.yaml");
    Files.writeString(draft, Files.readString(draft).replaceFirst("replaces: .*", "replaces: true"));
    Run.Result old = interview("\n", "--resume", "moved/ana.draft.yaml");
    assertThat(old.exit()).as(old.err()).isZero();
    assertThat(old.err()).contains("Case saved in " + moved.resolve("ana.yaml").toAbsolutePath().normalize());
    assertThat(Files.readString(dir.resolve("ana.yaml"))).startsWith("id: someone-else");
  }

  @Test
  void refusesToSaveIntoAFolderThatDoesNotExistBeforeTheFirstQuestion() {
    Run.Result r = interview("1\n", "--country", "DE", "--save", "nodir/ana.yaml");
    assertThat(r.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(r.err()).startsWith("permitcheck: --save 'nodir/ana.yaml': there is no folder 'nodir'");
    assertThat(asked(r.err())).isEmpty();
  }

  @Test
  void closedInputMidwayLosesNoAnswerAndResumesAtTheNextQuestion(@TempDir Path oneGo) throws IOException {
    Run.Result first = interview("1\n2017-03-01\n0\nno\n", "--country", "DE");
    assertThat(first.exit()).isEqualTo(ExitCode.STOPPED);
    assertThat(first.err()).contains("The input ended before the interview did.");
    String draft = Files.readString(dir.resolve(DRAFT));
    assertThat(draft).contains("de_status: duldung", "de_stay_since: 2017-03-01", "de_60b_months: 0",
        "deception_preventing_removal: false");

    Run.Result second = interview("no\nyes\n12.04.1990\n0\nB1\nyes\nyes\nyes\n\n", "--resume", DRAFT);
    assertThat(second.exit()).as(second.err()).isZero();
    assertThat(second.err()).startsWith("Continuing " + DRAFT + ": 4 answers so far.\n"
        + "Every answer is saved at once in " + DRAFT + " (readable only\nby you).\n");
    assertThat(asked(second.err())).isEqualTo(DE_QUESTIONS.subList(4, DE_QUESTIONS.size()));
    assertThat(second.err()).contains("(5) Has the person been convicted");

    Run.Result whole = run(oneGo, DE_ANSWERS, "--country", "DE");
    assertThat(Files.readString(dir.resolve(SAVED))).isEqualTo(Files.readString(oneGo.resolve(SAVED)));
    assertThat(second.out()).isEqualTo(whole.out());
  }

  @Test
  void closedInputInsideAListResumesAtTheNextField() throws IOException {
    // since 2017: six years of stay, so the child's birth and household cannot decide and are not asked
    interview("1\n2017-03-01\n0\nno\nno\nyes\n12.04.1990\n1\nyes\n", "--country", "DE");
    assertThat(Files.readString(dir.resolve(DRAFT))).contains("pending: {fact: children, step: 4}",
        "children:\n      - school_age: true\n");
    Run.Result r = interview("yes\nB1\nyes\nyes\nyes\n\n", "--resume", DRAFT);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("(8) Which children does the person have?\n"
        + "  [1/1] Does the child attend school?\n");
    assertThat(Files.readString(dir.resolve(SAVED))).contains("  children:\n    - school_age: true\n"
        + "      in_school: true\n");
  }

  @Test
  void stillAsksAListFieldThatNoConditionReadsSinceItDescribesTheItem() {
    // the bundled rules: a Belgian circumstance is described in words before its yes/no fields
    Run.Result r = Run.run("no\n12.06.2024\n1\nyes\n1\nquit\n", Map.of(), dir, "interview", "--country", "BE");
    assertThat(r.err()).contains("(5) Which circumstances", "  [1/1] What is the circumstance?\n");
  }

  @Test
  void asksNoFieldOfAListItemThatCanNoLongerChangeAVerdict() {
    Run.Result r = interview("1\n2017-03-01\n0\nno\nno\nyes\n12.04.1990\n1\nno\nquit\n", "--country", "DE");
    assertThat(r.err()).contains("  [1/1] Is the child of compulsory school age?\n")
        .doesNotContain("Child's date of birth?", "Does the child attend school?");
  }

  @Test
  void resumingAFinishedCaseChangesOneAnswerAndReevaluates() throws IOException {
    interview(DE_ANSWERS, "--country", "DE");
    Run.Result r = interview("german_level\nA1\n", "--resume", SAVED);
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).contains("Every verdict is decided. The answers so far:",
        "     7. What is the person's level of German (CEFR)? → B1\n", // by its question, not its name
        "     3. Which residence document does the person hold in Germany now? →\n"
            + "        Toleration (Duldung, § 60a AufenthG)\n", // a choice by its label
        "    13. Does the person hold a passport");
    assertThat(asked(r.err())).containsExactly("german_level");
    assertThat(r.err()).contains("(14) What is the person's level of German"); // after the 13 answers listed
    assertThat(verdicts(SAVED)).containsEntry("DE-25b", "not_eligible");
    assertThat(Files.readString(dir.resolve(SAVED))).contains("german_level: A1");
    assertThat(eval(SAVED).out()).isEqualTo(r.out());
  }

  @Test
  void anAnswerAskedAgainToChangeItIsShownAndEnterKeepsItWithItsComment() throws IOException {
    String open = "country: DE\nas_of: 2026-11-22\nfacts:\n  de_status: duldung\n  german_level: B1 # telc\n";
    Files.writeString(dir.resolve("open.yaml"), open);
    Run.Result r = interview("german_level\n\nquit\n", "--resume", "open.yaml");
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.STOPPED);
    assertThat(r.err()).contains("    3. What is the person's level of German (CEFR)? → B1\n",
        "(4) What is the person's level of German (CEFR)?", // not the number of the list's last answer
        "  Answer so far: B1. Enter keeps it; skip leaves it unknown.\n1-7 or name > ",
        "(5) Since when has the person lived in Germany");
    assertThat(Files.readString(dir.resolve("open.draft.yaml"))).contains("    german_level: B1 # telc\n")
        .doesNotContain("(was at");
  }

  @Test
  void skipLeavesAnAnswerAskedAgainUnknownAndBackKeepsItAndListsTheAnswers() throws IOException {
    Files.writeString(dir.resolve("skip.yaml"), "country: DE\nas_of: 2026-11-22\nfacts:\n  german_level: B1\n");
    interview("german_level\nskip\nquit\n", "--resume", "skip.yaml");
    assertThat(Files.readString(dir.resolve("skip.draft.yaml"))).contains("skipped: [german_level]")
        .doesNotContain("german_level: B1");
    Files.writeString(dir.resolve("back.yaml"), "country: DE\nas_of: 2026-11-22\nfacts:\n  german_level: B1\n");
    Run.Result back = interview("german_level\n?\nback\nquit\n", "--resume", "back.yaml");
    assertThat(back.err()).contains("Enter: keep the answer so far · skip: leave it unknown\n  · back: the list of"
        + " answers");
    assertThat(back.err().split("Some verdicts are still open", -1)).hasSize(3); // listed again on back
    assertThat(Files.readString(dir.resolve("back.draft.yaml"))).contains("german_level: B1");
  }

  @Test
  void resumingACaseWithOpenVerdictsOffersToChangeAnAnswerBeforeItsQuestions() throws IOException {
    Files.writeString(dir.resolve("open.yaml"),
        "country: DE\nas_of: 2026-11-22\nnote: 'client prefers French'\nfacts:\n  de_status: duldung\n"
            + "  german_level: B1\n");
    Run.Result r = interview("german_level\nA1\n", "--resume", "open.yaml");
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.STOPPED);
    assertThat(r.err()).contains("Some verdicts are still open; Enter goes on with their questions.",
        "3. What is the person's level of German (CEFR)? → B1\n");
    assertThat(asked(r.err())).first().isEqualTo("german_level");
    assertThat(Files.readString(dir.resolve("open.draft.yaml"))).contains("german_level: A1",
        "note: \"client prefers French\""); // the adviser's note is kept
  }

  @Test
  void keepsTheCommentsOfAResumedCaseThroughItsDraftAndWhenSavedAgain() throws IOException {
    Files.writeString(dir.resolve("open.yaml"), "# client: met with an interpreter\ncountry: DE # by --country\n"
        + "as_of: 2026-11-22\nfacts:\n  # see the Duldung of May\n  de_status: duldung\n"
        + "  german_level: B1 # certificate pending\n");
    Run.Result stopped = interview("german_level\nA1\nquit\n", "--resume", "open.yaml");
    assertThat(stopped.exit()).as(stopped.err()).isEqualTo(ExitCode.STOPPED);
    String draft = Files.readString(dir.resolve("open.draft.yaml"));
    assertThat(draft).contains("  # client: met with an interpreter\n", "  country: DE # by --country\n",
        "    # see the Duldung of May\n    de_status: duldung\n", "    german_level: A1 # certificate pending\n");
    Run.Result finished = interview("\n2017-03-01\n0\nno\nno\nyes\n12.04.1990\n0\nyes\nyes\nyes\n\n",
        "--resume", "open.draft.yaml");
    assertThat(finished.exit()).as(finished.err()).isZero();
    assertThat(Files.readString(dir.resolve("open.yaml"))).startsWith("# client: met with an interpreter\nid: open\n")
        .contains("country: DE # by --country\n", "  # see the Duldung of May\n  de_status: duldung\n",
            "  german_level: A1 # certificate pending\n");
  }

  @Test
  void printsTheJsonReportOnStdout() throws IOException {
    Run.Result r = interview(DE_ANSWERS, "--country", "DE", "--format", "json", "--save", "ahmad.yaml");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("case").asText()).isEqualTo("ahmad");
    assertThat(json.get("source").asText()).isEqualTo("ahmad.yaml");
    assertThat(json.get("results").get(0).get("verdict").asText()).isEqualTo("eligible");
    assertThat(Files.exists(dir.resolve("ahmad.yaml"))).isTrue();
    assertThat(Files.exists(dir.resolve("ahmad.draft.yaml"))).isFalse();
  }

  @Test
  void asksOnTheTerminalWhenStdinIsOneWhereverTheReportGoes() {
    assertThat(InterviewCommand.onTerminal(context(true, true, true))).isTrue();
    // --format json > result.json: the questions on stderr's terminal, with Tab and Ctrl-C
    assertThat(InterviewCommand.onTerminal(context(false, true, true))).isTrue();
    // piped answers are read one a line, as the tests drive it; so are they with no terminal to ask on
    assertThat(InterviewCommand.onTerminal(context(false, true, false))).isFalse();
    assertThat(InterviewCommand.onTerminal(context(false, false, false))).isFalse();
    assertThat(InterviewCommand.onTerminal(context(false, false, true))).isFalse();
  }

  private Context context(boolean out, boolean err, boolean in) {
    return new Context(new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()),
        new PrintWriter(new StringWriter()), Map.of(), dir, Run.TODAY, out, err, in, EarlyRules.NONE);
  }

  @Test
  void neverOverwritesADraftOrACase() throws IOException {
    interview("1\n", "--country", "DE", "--save", "ahmad.yaml");
    Run.Result again = interview("", "--country", "DE", "--save", "ahmad.yaml");
    assertThat(again.exit()).isEqualTo(ExitCode.USAGE);
    assertThat(again.err()).isEqualTo("permitcheck: a draft 'ahmad.draft.yaml' already exists\n"
        + "  hint: continue it: permitcheck interview --resume ahmad.draft.yaml (or delete it)\n");
    assertThat(Files.readString(dir.resolve("ahmad.draft.yaml"))).contains("de_status: duldung");
    Files.writeString(dir.resolve("other.yaml"), "facts: {}\n");
    assertThat(interview("", "--save", "other.yaml").exit()).isEqualTo(ExitCode.USAGE);
  }

  /**
   * The typical German case of the README: the interview asks 12 questions where a blind
   * questionnaire over the same permits asks every fact they read: 22.
   */
  @Test
  void asksFewerQuestionsThanABlindRunOverTheSameFacts() {
    Run.Result r = interview(DE_ANSWERS, "--country", "DE");
    int interviewed = asked(r.err()).size();
    Evaluator evaluator = new Evaluator(rules);
    Set<String> blind = new LinkedHashSet<>();
    for (Permit p : rules.country("DE").get().permits()) {
      conditions(p.criteria(), c -> blind.addAll(evaluator.baseFacts(c)));
    }
    assertThat(interviewed).isEqualTo(12);
    assertThat(blind).hasSize(22);
    assertThat(interviewed).isLessThan(blind.size());
  }

  static void conditions(Criterion c,
      Consumer<CompiledExpr> out) {
    c.discretionary().when().ifPresent(out);
    if (c instanceof Criterion.Leaf) {
      out.accept(((Criterion.Leaf) c).when());
    } else {
      ((Criterion.Group) c).children().forEach(child -> conditions(child, out));
    }
  }

  @Test
  void writesNothingButTheDraftAndTheCase() throws IOException {
    interview(DE_ANSWERS, "--country", "DE");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly(SAVED);
    }
  }
}
