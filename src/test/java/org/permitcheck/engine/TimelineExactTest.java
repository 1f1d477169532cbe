package org.permitcheck.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.permitcheck.bench.Generate;
import org.permitcheck.cases.Case;
import org.permitcheck.cases.CaseReader;
import org.permitcheck.diag.SourceText;
import org.permitcheck.expr.CompiledExpr;
import org.permitcheck.expr.CriticalDates;
import org.permitcheck.expr.CriticalDatesCheck;
import org.permitcheck.expr.Env;
import org.permitcheck.rules.Criterion;
import org.permitcheck.rules.Permit;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;
import org.permitcheck.tree.Limits;
import org.permitcheck.tree.TreeReader;

/**
 * The timeline evaluates a permit only at the critical dates of its conditions. Here every condition
 * of the real rules that depends on time is evaluated on every day of two years, for generated cases
 * at many dates: each day its value changes must be one of its critical dates. And every permit's
 * eligible_from and apply_before must be what evaluating it on every day of the horizon gives.
 */
class TimelineExactTest {
  private static Ruleset rules;

  @BeforeAll
  static void load() throws IOException {
    rules = RulesLoader.load(new SourceText("rules.yaml", Files.readString(Path.of("rules.yaml")))).value().get();
  }

  /** Every condition of every permit, waivers included. */
  private static List<CompiledExpr> conditions(Ruleset rules) {
    List<CompiledExpr> out = new ArrayList<>();
    rules.permits().forEach(p -> conditions(p.criteria(), out));
    return out;
  }

  @Test
  void everyDayAConditionChangesIsOneOfItsCriticalDates() {
    CaseReader reader = new CaseReader(rules, LocalDate.of(2026, 11, 22));
    Evaluator evaluator = new Evaluator(rules);
    List<CompiledExpr> conditions = conditions(rules);
    CriticalDates.Analysis analysis = new CriticalDates.Analysis(rules.symbols(), conditions);
    conditions.removeIf(e -> !analysis.dependsOnTime(e.root()));
    Random r = new Random(23);
    int changes = 0;
    for (int i = 0; i < 120; i++) {
      Generate.Read g = Generate.read(rules, reader, r, i);
      String line = g.line();
      Case c = g.value();
      LocalDate start = nearItsDates(c, r);
      Env env = evaluator.env(c, start);
      for (CompiledExpr e : conditions) {
        Set<LocalDate> critical = new HashSet<>();
        CriticalDates.collect(e, env, start.plusYears(2), critical::add, analysis);
        Object before = e.eval(env);
        for (LocalDate d = start.plusDays(1); d.isBefore(start.plusYears(2)); d = d.plusDays(1)) {
          Object now = e.eval(env.at(d, c.applicationDate().orElse(d)));
          if (!Objects.equals(now, before)) {
            assertThat(critical).as(e.source() + " changes on " + d + " from " + start + " for " + line).contains(d);
            changes++;
          }
          before = now;
        }
      }
    }
    assertThat(changes).as("days a condition changed").isGreaterThan(50);
  }

  @Test
  void givesEachPermitTheDatesThatEvaluatingItOnEveryDayGives() {
    CaseReader reader = new CaseReader(rules, LocalDate.of(2026, 11, 22));
    java.time.Period horizon = java.time.Period.ofYears(2);
    Evaluator evaluator = new Evaluator(rules, horizon);
    Random r = new Random(5);
    int dated = 0;
    int untilDated = 0;
    int decidedBy = 0;
    for (int i = 0; i < 1000; i++) {
      Generate.Read g = Generate.read(rules, reader, r, i);
      String line = g.line();
      Case c = g.value();
      LocalDate start = nearItsDates(c, r);
      Env env = evaluator.env(c, start);
      for (PermitResult p : evaluator.evaluate(c, start, Scope.ALL, i % 2 == 0).results()) {
        boolean availableNow = p.verdict().available();
        long waivedNow = Evaluator.waivedOf(p.permit(), p.verdict(), p.tree());
        boolean open = availableNow; // within now's opening, or the one eligible_from begins
        Optional<LocalDate> from = Optional.empty();
        Optional<LocalDate> before = Optional.empty();
        Optional<LocalDate> until = Optional.empty(); // the last day no criterion needs a waiver
        Optional<Verdict> after = Optional.empty(); // the verdict the day after apply_before
        List<String> missingAfter = List.of();
        boolean fromDiscretionary = false;
        boolean again = false;
        String judgedAt = ""; // requested on apply_before, decided the day after: "decision" when closed
        for (LocalDate d = start.plusDays(1); !d.isAfter(start.plus(horizon)); d = d.plusDays(1)) {
          long standing = evaluator.standing(p.permit(), env.at(d, c.applicationDate().orElse(d)));
          Verdict v = Evaluator.verdictOf(standing);
          if (p.verdict() != Verdict.ELIGIBLE && from.isEmpty()
              && (availableNow ? v == Verdict.ELIGIBLE : v.available())) {
            from = Optional.of(d);
            fromDiscretionary = v == Verdict.DISCRETIONARY;
            if (!availableNow) {
              open = true;
              waivedNow = Evaluator.waivedOf(standing);
            }
          }
          boolean more = v.available() && (Evaluator.waivedOf(standing) & ~waivedNow) != 0;
          if (open && until.isEmpty() && before.isEmpty() && more) {
            until = Optional.of(d.minusDays(1));
          } else if (until.isPresent() && before.isEmpty() && v.available() && !more) {
            again = true;
          }
          if (open && before.isEmpty() && !v.available()) {
            before = Optional.of(d.minusDays(1));
            after = Optional.of(v);
            if (v == Verdict.UNDETERMINED) {
              missingAfter = evaluator.evaluate(p.permit(), env.at(d, c.applicationDate().orElse(d))).missing();
            }
            if (c.applicationDate().isEmpty() && v != Verdict.NOT_IN_FORCE
                && p.permit().grantedOnRequest()) {
              Verdict requested = Evaluator.verdictOf(evaluator.standing(p.permit(), env.at(d, d.minusDays(1))));
              Verdict lastDay = Evaluator.verdictOf(evaluator.standing(p.permit(),
                  env.at(d.minusDays(1), c.applicationDate().orElse(d.minusDays(1)))));
              judgedAt = requested == Verdict.UNDETERMINED ? "" : !requested.available() ? "decision"
                  : requested == Verdict.DISCRETIONARY && lastDay == Verdict.ELIGIBLE ? "application_then_discretionary"
                  : "application";
            }
          }
        }
        String what = p.permit().id() + " from " + start + " for " + line;
        assertThat(p.eligibleFrom()).as(what).isEqualTo(from);
        assertThat(p.applyBefore()).as(what).isEqualTo(before);
        assertThat(p.afterApplyBefore()).as(what).isEqualTo(after);
        assertThat(p.missingAfterApplyBefore()).as(what).isEqualTo(missingAfter);
        if (from.isPresent()) {
          assertThat(p.fromDiscretionary()).as(what).isEqualTo(fromDiscretionary);
        }
        assertThat(p.eligibleUntil()).as(what).isEqualTo(again ? Optional.empty() : until);
        assertThat(p.applyBeforeJudgedAt()).as(what).isEqualTo(judgedAt);
        decidedBy += judgedAt.equals("decision") ? 1 : 0;
        if (from.isPresent() || availableNow) { // a request on another day is looked for only otherwise
          assertThat(p.eligibleFromIfRequested()).as(what).isEmpty();
        }
        p.eligibleFromIfRequested().ifPresent(d -> assertThat(
            Evaluator.verdictOf(evaluator.standing(p.permit(), env.at(d, p.requestFrom().get()))).available()).isTrue());
        untilDated += p.eligibleUntil().isPresent() ? 1 : 0;
        dated += from.isPresent() || before.isPresent() ? 1 : 0;
      }
    }
    assertThat(dated).as("results with a date").isGreaterThan(5);
    assertThat(untilDated).as("results with a last day before more is left to the authority").isGreaterThan(0);
    assertThat(decidedBy).as("results whose last day is the decision's").isGreaterThan(0);
  }

  @ParameterizedTest
  @CsvSource({
      // born, in Germany since, tolerated since: § 25a's age and Duldung months at the request, stay at the decision
      "2000-01-10, 2024-02-01, 2024-06-01", // request by 9 Jan 2027, three years of stay on 1 Feb 2027
      "2000-01-10, 2024-02-01, 2026-01-01", // 12 months of Duldung only from 1 Jan 2027: a window of nine days
      "2000-08-10, 2024-09-01, 2026-07-01", // a window from 1 Jul to 9 Aug 2027, decided from 1 Sep 2027
      "1998-01-10, 2024-02-01, 2024-06-01", // 27 before today: no request works
      "2000-01-10, 2026-02-01, 2024-06-01", // three years of stay only after two years: beyond the horizon
      "2000-01-10, 2024-02-01, 2026-06-01", // 12 months of Duldung only after the 27th birthday: none
  })
  void findsTheRequestDaysAndTheFirstDecisionDayThatEvaluatingEveryPairGives(String born, String since,
      String tolerated) throws IOException {
    java.time.Period horizon = java.time.Period.ofYears(2);
    Evaluator evaluator = new Evaluator(rules, horizon);
    Case example = new CaseReader(rules, LocalDate.of(2026, 11, 25)).read(new SourceText("c.yaml",
        Files.readString(Path.of("examples/de-25a-request-before-27-stay-complete-after.yaml")))).value().get();
    Case c = example.with(java.util.Map.of("date_of_birth", LocalDate.parse(born), "de_stay_since",
        LocalDate.parse(since), "de_duldung_since", LocalDate.parse(tolerated)));
    LocalDate start = c.asOf().get();
    Permit permit = rules.permit("DE-25a").get();
    PermitResult p = evaluator.evaluate(c, start, new Scope(java.util.Set.of(), java.util.Set.of("DE-25a")))
        .results().get(0);
    Env env = evaluator.env(c, start);
    Optional<LocalDate> decided = Optional.empty();
    Optional<LocalDate> first = Optional.empty();
    Optional<LocalDate> last = Optional.empty();
    for (LocalDate d = start.plusDays(1); !d.isAfter(start.plus(horizon)) && decided.isEmpty(); d = d.plusDays(1)) {
      for (LocalDate r = start; r.isBefore(d); r = r.plusDays(1)) {
        boolean works = Evaluator.verdictOf(evaluator.standing(permit, env.at(d, r))).available();
        if (works && first.isEmpty()) {
          decided = Optional.of(d);
          first = Optional.of(r);
          last = Optional.of(r);
        } else if (works && last.isPresent() && last.get().plusDays(1).equals(r)) {
          last = Optional.of(r);
        } else if (first.isPresent()) {
          break;
        }
      }
    }
    assertThat(p.eligibleFrom()).isEmpty();
    assertThat(p.eligibleFromIfRequested()).isEqualTo(decided);
    assertThat(p.requestFrom()).isEqualTo(first);
    assertThat(p.requestBy()).isEqualTo(last);
    assertThat(p.ifRequestedDiscretionary()).isEqualTo(decided.isPresent() && Evaluator.verdictOf(
        evaluator.standing(permit, env.at(decided.get(), first.get()))) == Verdict.DISCRETIONARY);
  }

  /** A date near one of the case's own dates, where conditions change. */
  private static LocalDate nearItsDates(Case c, Random r) {
    List<LocalDate> dates = c.facts().values().stream().filter(LocalDate.class::isInstance)
        .map(LocalDate.class::cast).toList();
    return dates.isEmpty() ? LocalDate.of(2015, 1, 1).plusDays(r.nextInt(6000))
        : dates.get(r.nextInt(dates.size())).plusDays(r.nextInt(7 * 365) - 365);
  }

  @Test
  void tellsAFrenchCaseOneDayShortOfThreeYearsOfResidenceTheDayItQualifies() throws IOException {
    // the timeline saw no change of this condition before: no eligible_from at all (without the days
    // in France before the asylum claim, which may count too and make it discretionary already)
    SourceText source = new SourceText("examples/fr-shortage-three-years-day-before.yaml",
        Files.readString(Path.of("examples/fr-shortage-three-years-day-before.yaml"))
            .replace("    - {status: other, from: 2020-09-01, to: 2020-09-13}\n", ""));
    Case c = new CaseReader(rules, LocalDate.of(2026, 11, 22))
        .read(source, TreeReader.forName(source.name(), Limits.CASE).read(source).root().get(), "x").value().get();
    PermitResult r = new Evaluator(rules).evaluate(c, c.asOf().get(), new Scope(Set.of(), Set.of("FR-work-shortage")))
        .results().get(0);
    assertThat(r.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    assertThat(r.eligibleFrom()).contains(LocalDate.of(2026, 11, 22));
  }

  @Test
  void endsTheFrenchTimeLimitInMonthsOnTheLastDayOfAShorterMonthAndLeavesALaterRequestToTheAuthority()
      throws IOException {
    // registered on 31 Dec 2025: 2 months end on 28 Feb 2026 (same day number, else the month's last
    // day), not on 1 March as a period that is complete would; after it the préfet "peut rejeter" a late
    // request (Conseil d'État, 10 Oct 2023), so the permit stays open at the authority's discretion
    String name = "examples/fr-parallel-request-month-end-last-day.yaml";
    Case c = new CaseReader(rules, LocalDate.of(2026, 11, 22))
        .read(new SourceText(name, Files.readString(Path.of(name)))).value().get();
    Scope parent = new Scope(Set.of(), Set.of("FR-vpf-parent-french-child"));
    PermitResult r = new Evaluator(rules).evaluate(c, c.asOf().get(), parent).results().get(0);
    assertThat(r.verdict()).isEqualTo(Verdict.DISCRETIONARY);
    assertThat(r.eligibleUntil()).contains(LocalDate.of(2026, 2, 28));
    assertThat(r.applyBefore()).isEmpty();
    PermitResult after = new Evaluator(rules).evaluate(c, LocalDate.of(2026, 3, 1), parent).results().get(0);
    assertThat(after.verdict()).isEqualTo(Verdict.DISCRETIONARY);
    assertThat(after.tree().children()).filteredOn(t -> t.criterion().id().equals("timing_l431_2"))
        .singleElement().satisfies(t -> assertThat(t.waivable()).isTrue());
  }

  @Test
  void tellsAGermanCaseOneDayShortOf12DuldungMonthsAcrossA60bPeriodTheDayItQualifies() throws IOException {
    PermitResult r = germanResult("examples/de-25a-60b-gap-day-before-12-months.yaml",
        Files.readString(Path.of("examples/de-25a-60b-gap-day-before-12-months.yaml")), "DE-25a");
    assertThat(r.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    // 7 months of Duldung before the § 60b months, and 5 of the current one since 15 Sep 2025
    assertThat(r.eligibleFrom()).contains(LocalDate.of(2026, 2, 15));
  }

  @Test
  void leavesTheDuldungMonthsAndTheStayAroundA60bPeriodToTheAuthority() throws IOException {
    // whether a 'Duldung light' only leaves its months out or interrupts is open (catalogue §0.4 rule
    // 7, §4.0): her 7 + 5 Duldung months and her stay since June 2021 less 6 months of § 60b are both
    // discretionary, and no day comes from which the criteria alone decide
    String example = Files.readString(Path.of("examples/de-25a-60b-gap-12-months-complete.yaml"));
    PermitResult r = germanResult("examples/de-25a-60b-gap-12-months-complete.yaml", example, "DE-25a");
    assertThat(r.verdict()).isEqualTo(Verdict.DISCRETIONARY);
    assertThat(r.topLevel())
        .filteredOn(c -> c.outcome() != Outcome.MET && c.lenient() == Outcome.MET)
        .extracting(c -> c.criterion().id())
        .containsExactly("residence_period", "toleration_12_months");
    assertThat(r.eligibleFrom()).isEmpty();
    // without § 60b months in her stay, the current Duldung alone has its 12 months on 15 Sep 2026
    String without = example.replace("de_60b_months: 6", "de_60b_months: 0");
    PermitResult plain = germanResult("without-60b.yaml", without, "DE-25a");
    assertThat(plain.verdict()).isEqualTo(Verdict.NOT_ELIGIBLE);
    assertThat(plain.eligibleFrom()).contains(LocalDate.of(2026, 9, 15));
  }

  @Test
  void asksACaseSavedWithoutTheDuldungMonthsBeforeA60bPeriodRatherThanRestartTheCount() throws IOException {
    String example = Files.readString(Path.of("examples/de-25a-60b-between-two-duldungen.yaml"));
    String months = "  de_duldung_months_before_60b: 12\n";
    assertThat(example).contains(months);
    PermitResult r = germanResult("saved-before.yaml", example.replace(months, ""), "DE-25a");
    assertThat(r.verdict()).isEqualTo(Verdict.UNDETERMINED);
    assertThat(r.missing()).containsExactly("de_duldung_months_before_60b");
    // the current Duldung alone has its 12 months on 1 Sep 2025
    assertThat(r.eligibleFrom()).contains(LocalDate.of(2025, 9, 1));
  }

  private static PermitResult germanResult(String name, String text, String permit) {
    Case c = new CaseReader(rules, LocalDate.of(2026, 11, 22)).read(new SourceText(name, text)).value().get();
    return new Evaluator(rules).evaluate(c, c.asOf().get(), new Scope(Set.of(), Set.of(permit))).results().get(0);
  }

  @Test
  void findsTheDayADateShiftedByAFixedNumberOfDaysReachesItsYears() {
    List<CompiledExpr> conditions = conditions(rules);
    CompiledExpr shifted = conditions.stream()
        .filter(e -> e.source().startsWith("be_regularisation_request == 'pending'")
            && e.source().contains("add_days(as_of, 0 - be_gap_excess_days_after_asylum)"))
        .findFirst().get();
    // 10 days between two months after the decision (1 March 2019) and the request: 5 years from
    // 28 October 2017 are reached by as_of - 10 days on 7 November 2022
    String line = "{\"country\": \"BE\", \"facts\": {\"be_regularisation_request\": \"pending\","
        + " \"be_household\": \"isolated\", \"asylum_application_date\": \"2017-10-28\","
        + " \"asylum_decision_date\": \"2019-01-01\","
        + " \"be_regularisation_request_date\": \"2019-03-11\", \"children\": [], \"be_children\": []}}";
    Case c = new CaseReader(rules, LocalDate.of(2026, 11, 22))
        .readLine(line.getBytes(StandardCharsets.UTF_8), "x.ndjson", 1).value().get();
    Evaluator evaluator = new Evaluator(rules);
    Env env = evaluator.env(c, LocalDate.of(2022, 6, 1));
    LocalDate flip = LocalDate.of(2022, 11, 7);
    assertThat(shifted.eval(env.at(flip.minusDays(1), flip.minusDays(1)))).isEqualTo(false);
    assertThat(shifted.eval(env.at(flip, flip))).isEqualTo(true);
    Set<LocalDate> critical = new HashSet<>();
    CriticalDates.collect(shifted, env, LocalDate.of(2024, 1, 1), critical::add,
        new CriticalDates.Analysis(rules.symbols(), conditions));
    assertThat(critical).contains(flip);
  }

  @Test
  void findsTheDaysAWindowOfTheLast24MonthsReachesOrLeaves12Months() {
    checkWindow("fr_shortage_months_last_24 >= 12", "fr_work_history", 700,
        "shortage_counted", "shortage_counted", "shortage_not_counted", "other_work");
  }

  @Test
  void findsTheDaysTheMonthsSinceTheCurrentRunOfStaysReach36() {
    checkWindow("fr_counted_residence_months >= 36", "fr_stay_history", 1500,
        "other", "other", "asylum_seeker", "student", "seasonal_worker");
  }

  @Test
  void findsTheDaysManyShortContractsWithGapsReachOrLeave12Months() {
    // the days such contracts leave over are added up, 30 to a month: the count also changes on
    // the day a contract ends and on the day the window's start reaches one
    checkWindow("fr_shortage_months_last_24 >= 12", "fr_work_history", 3, 25, 40, 12,
        "shortage_counted", "shortage_counted", "shortage_counted", "other_work");
  }

  @Test
  void findsTheDaysStaysBrokenByExcludedPeriodsReach36Months() {
    checkWindow("fr_counted_residence_months >= 36", "fr_stay_history", 3, 12, 200, 0,
        "other", "other", "asylum_seeker", "student");
  }

  private static void checkWindow(String source, String fact, int longest, String... statuses) {
    checkWindow(source, fact, 1, 3, longest, 90, statuses);
  }

  /**
   * For random histories (periods that start and end on any day, month ends included, some ongoing),
   * each day the condition changes within three years of a random date is one of its critical dates.
   */
  private static void checkWindow(String source, String fact, int fewest, int most, int longest, int widestGap,
      String... statuses) {
    List<CompiledExpr> conditions = conditions(rules);
    CompiledExpr window = conditions.stream().filter(e -> e.source().equals(source)).findFirst().get();
    CriticalDates.Analysis analysis = new CriticalDates.Analysis(rules.symbols(), conditions);
    CaseReader reader = new CaseReader(rules, LocalDate.of(2026, 11, 22));
    Evaluator evaluator = new Evaluator(rules);
    Random r = new Random(29);
    int changes = 0;
    for (int i = 0; i < 250; i++) {
      StringBuilder history = new StringBuilder();
      LocalDate from = LocalDate.of(2017, 1, 1).plusDays(r.nextInt(1500));
      for (int n = fewest + r.nextInt(most - fewest + 1); n > 0; n--) {
        LocalDate to = from.plusDays(20 + r.nextInt(longest));
        boolean ongoing = n == 1 && r.nextInt(3) == 0;
        history.append(history.length() == 0 ? "" : ", ").append("{\"status\": \"")
            .append(statuses[r.nextInt(statuses.length)]).append("\", \"from\": \"").append(from)
            .append(ongoing ? "\"}" : "\", \"to\": \"" + to + "\"}");
        from = to.plusDays(1 + (r.nextBoolean() || widestGap == 0 ? 0 : 1 + r.nextInt(widestGap)));
      }
      String line = "{\"country\": \"FR\", \"facts\": {\"" + fact + "\": [" + history + "]}}";
      Case c = reader.readLine(line.getBytes(StandardCharsets.UTF_8), "x.ndjson", 1).value().get();
      LocalDate start = LocalDate.of(2018, 1, 1).plusDays(r.nextInt(2000));
      LocalDate until = start.plusYears(3);
      changes += CriticalDatesCheck.changesOnlyOnCriticalDates(window, evaluator.env(c, start), until, analysis, line);
    }
    assertThat(changes).as("days the condition changed").isGreaterThan(25);
  }

  private static void conditions(Criterion c, List<CompiledExpr> out) {
    c.discretionary().when().ifPresent(out::add);
    if (c instanceof Criterion.Leaf) {
      out.add(((Criterion.Leaf) c).when());
    } else {
      ((Criterion.Group) c).children().forEach(child -> conditions(child, out));
    }
  }
}
