package org.permitcheck.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The criteria language, table by table: operators, precedence, Kleene logic, dates, functions. */
class ExprTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 22);

  static Symbols symbols() {
    Map<String, Type> child = new LinkedHashMap<>();
    child.put("date_of_birth", Type.DATE);
    child.put("in_school", Type.BOOLEAN);
    return new Symbols.Builder()
        .fact("a", Type.BOOLEAN)
        .fact("b", Type.BOOLEAN)
        .fact("n", Type.INTEGER)
        .fact("m", Type.INTEGER)
        .fact("x", Type.DECIMAL)
        .fact("income", Type.money("EUR"))
        .fact("d", Type.DATE)
        .fact("d2", Type.DATE)
        .fact("lvl", Type.level("lvl", List.of("none", "A1", "A2", "B1", "B2", "C1", "C2")))
        .fact("status", Type.enumOf("status", List.of("duldung", "gestattung", "none")))
        .fact("name", Type.TEXT)
        .fact("children", Type.list("children", child))
        .fact("history", Type.periods("history", List.of("gestattung", "duldung", "duldung_60b", "permit")))
        .build();
  }

  /** Evaluates with facts given as "name=value" pairs; "?" or absent means unknown. */
  static Object eval(String expr, String... facts) {
    Symbols s = symbols();
    ExprCompiler.Result r = ExprCompiler.compile(expr, s, null);
    assertThat(r.errors()).as("errors of %s", expr).isEmpty();
    Object[] values = new Object[s.factCount()];
    for (String f : facts) {
      String name = f.substring(0, f.indexOf('='));
      String v = f.substring(f.indexOf('=') + 1);
      values[s.lookup(name).get().slot()] = parse(s.lookup(name).get().type(), v);
    }
    return r.expr().get().eval(new Env(s, values, AS_OF, AS_OF));
  }

  static Object parse(Type t, String v) {
    if (v.equals("?")) {
      return null;
    }
    switch (t.kind()) {
      case BOOLEAN:
        return Boolean.valueOf(v);
      case INTEGER:
        return Long.valueOf(v);
      case DECIMAL:
      case MONEY:
        return new BigDecimal(v);
      case DATE:
        return LocalDate.parse(v);
      default:
        return v;
    }
  }

  static String show(Object o) {
    return o == null ? "?" : o instanceof BigDecimal ? ((BigDecimal) o).stripTrailingZeros().toPlainString() : o.toString();
  }

  @ParameterizedTest(name = "{0} {1} {2} = {3}")
  @CsvSource({
    // and: false wins, then unknown
    "true,  and, true,  true", "true,  and, false, false", "true,  and, ?, ?",
    "false, and, true,  false", "false, and, false, false", "false, and, ?, false",
    "?,     and, true,  ?", "?,     and, false, false", "?,     and, ?, ?",
    // or: true wins, then unknown
    "true,  or, true,  true", "true,  or, false, true", "true,  or, ?, true",
    "false, or, true,  true", "false, or, false, false", "false, or, ?, ?",
    "?,     or, true,  true", "?,     or, false, ?", "?,     or, ?, ?",
  })
  void kleeneTruthTables(String a, String op, String b, String expected) {
    assertThat(show(eval("a " + op + " b", "a=" + a, "b=" + b))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "not {0} = {1}")
  @CsvSource({"true, false", "false, true", "?, ?"})
  void notIsKleene(String a, String expected) {
    assertThat(show(eval("not a", "a=" + a))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
    "1 + 2 * 3 | 7",
    "(1 + 2) * 3 | 9",
    "10 - 4 - 3 | 3",
    "7 / 2 | 3.5",
    "2 * 3 + 4 * 5 | 26",
    "-3 + 5 | 2",
    "- (2 + 3) | -5",
    "1 + 2 * 3 == 7 | true",
    "not false and false | false",
    "not (false and false) | true",
    "true or false and false | true",
    "(true or false) and false | false",
    "1 < 2 and 2 < 3 | true",
    "not 1 > 2 == false | ERR",
  })
  void precedence(String expr, String expected) {
    ExprCompiler.Result r = ExprCompiler.compile(expr, symbols(), null);
    if (expected.equals("ERR")) {
      assertThat(r.errors()).isNotEmpty();
      return;
    }
    assertThat(show(r.expr().get().eval(new Env(symbols(), new Object[symbols().factCount()], AS_OF, AS_OF))))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} with {1} = {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
    "n < 5 | n=4 | true", "n < 5 | n=5 | false", "n <= 5 | n=5 | true", "n <= 5 | n=6 | false",
    "n > 5 | n=6 | true", "n > 5 | n=5 | false", "n >= 5 | n=5 | true", "n >= 5 | n=4 | false",
    "n == 5 | n=5 | true", "n == 5 | n=4 | false", "n != 5 | n=4 | true", "n != 5 | n=5 | false",
    "n >= 5 | n=? | ?",
    "x >= 2 | x=2.00 | true", "x == 2 | x=2.0 | true", "x < n | x=1.5 | ?",
    "income >= 1201.20 | income=1201.20 | true", "income >= 1201.20 | income=1201.19 | false",
    "income * 2 > 2400 | income=1201.20 | true",
    "n + m | n=2 | ?", "n * 3 | n=4 | 12", "n / 0 | n=4 | ?",
    "d < 2008-03-18 | d=2008-03-17 | true", "d < 2008-03-18 | d=2008-03-18 | false",
    "d <= 2008-03-18 | d=2008-03-18 | true", "d == 2008-03-18 | d=2008-03-18 | true",
    "d != d2 | d=2008-03-18 | ?",
    "lvl >= 'A2' | lvl=A2 | true", "lvl >= 'A2' | lvl=A1 | false", "lvl > 'A2' | lvl=B1 | true",
    "lvl < 'B1' | lvl=none | true", "lvl == 'C2' | lvl=C2 | true", "lvl >= 'A2' | lvl=? | ?",
    "status == 'duldung' | status=duldung | true", "status != 'duldung' | status=none | true",
    "status in ['duldung', 'gestattung'] | status=gestattung | true",
    "status in ['duldung', 'gestattung'] | status=none | false", "status in ['duldung'] | status=? | ?",
    "n in [1, 2, 3] | n=2 | true", "n in [1, 2.5] | n=3 | false",
    "name == 'x' | name=x | true", "name != 'x' | name=y | true",
    "a == b | a=true | ?", "a == true | a=true | true", "a != true | a=false | true",
  })
  void operators(String expr, String facts, String expected) {
    assertThat(show(eval(expr, facts.split(",")))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
    // whole completed units, like age; 29 February counts as ending on 1 March (catalogue §0.4)
    "years_between(2000-02-29, 2001-02-28) | 0",
    "years_between(2000-02-29, 2001-03-01) | 1",
    "years_between(2000-02-29, 2004-02-29) | 4",
    "years_between(1999-05-14, 2026-05-13) | 26",
    "years_between(1999-05-14, 2026-05-14) | 27",
    "years_between(2026-05-14, 1999-05-14) | -27",
    "months_between(2023-01-31, 2023-02-28) | 0",
    "months_between(2023-01-31, 2023-03-01) | 1",
    "months_between(2024-01-31, 2024-02-29) | 0",
    "months_between(2020-10-31, 2022-10-31) | 24",
    "days_between(2024-02-28, 2024-03-01) | 2",
    "days_between(2023-02-28, 2023-03-01) | 1",
    "add_years(2000-02-29, 1) | 2001-03-01",
    "add_years(2000-02-29, 4) | 2004-02-29",
    "add_years(2000-02-29, 27) | 2027-03-01",
    "add_years(2000-02-29, -1) | 1999-02-28",
    "add_months(2023-01-31, 1) | 2023-03-01",
    "add_months(2024-01-31, 1) | 2024-03-01",
    "add_months(2024-01-30, 1) | 2024-03-01",
    "add_months(2024-01-29, 1) | 2024-02-29",
    "add_months(2023-03-31, 1) | 2023-05-01",
    "add_months(2023-12-31, 2) | 2024-03-01",
    "add_months(2023-03-15, -1) | 2023-02-15",
    "add_days(2024-02-28, 1) | 2024-02-29",
    "add_days(2024-12-31, 1) | 2025-01-01",
    // a time limit's last day moved to the next working day: weekends, fixed holidays, Easter's
    "working_day(2026-03-02, 'FR') | 2026-03-02",
    "working_day(2026-02-28, 'FR') | 2026-03-02",
    "working_day(2026-11-21, 'BE') | 2026-11-23",
    "working_day(2026-04-04, 'BE') | 2026-04-07",
    "working_day(2026-05-14, 'BE') | 2026-05-15",
    "working_day(2026-05-25, 'FR') | 2026-05-26",
    "working_day(2026-05-08, 'FR') | 2026-05-11",
    "working_day(2026-05-08, 'BE') | 2026-05-08",
    "working_day(2026-07-14, 'FR') | 2026-07-15",
    "working_day(2026-07-14, 'BE') | 2026-07-14",
    "working_day(2026-07-21, 'BE') | 2026-07-22",
    "working_day(2010-12-25, 'BE') | 2010-12-27",
    "working_day(2008-03-22, 'FR') | 2008-03-25",
    "min(3, 1, 2) | 1", "max(3, 1.5) | 3", "min(2008-03-18, 2007-06-01) | 2007-06-01",
    "max(2008-03-18, 2007-06-01) | 2008-03-18",
  })
  void dateFunctions(String expr, String expected) {
    assertThat(show(eval(expr))).isEqualTo(expected);
  }

  @Test
  void addingNYearsIsExactlyWhenNYearsAreComplete() {
    LocalDate[] starts = {LocalDate.of(2000, 2, 29), LocalDate.of(2023, 1, 31), LocalDate.of(2022, 8, 30),
        LocalDate.of(2019, 12, 31), LocalDate.of(2020, 3, 1)};
    for (LocalDate s : starts) {
      for (int n = 0; n < 30; n++) {
        LocalDate y = Dates.addYears(s, n);
        assertThat(Dates.yearsBetween(s, y)).as("years %s + %d", s, n).isEqualTo(n);
        assertThat(Dates.yearsBetween(s, y.minusDays(1))).as("day before %s + %d", s, n).isEqualTo(Math.max(0, n - 1));
        LocalDate mo = Dates.addMonths(s, n);
        assertThat(Dates.monthsBetween(s, mo)).as("months %s + %d", s, n).isEqualTo(n);
        assertThat(Dates.monthsBetween(s, mo.minusDays(1))).isEqualTo(Math.max(0, n - 1));
      }
    }
  }

  @Test
  void ageOfSomeoneBornOn29FebruaryChangesOn1MarchInCommonYears() {
    Symbols s = symbols();
    CompiledExpr e = ExprCompiler.compile("years_between(d, as_of) >= 18", s, Type.BOOLEAN).expr().get();
    Object[] v = new Object[s.factCount()];
    v[s.lookup("d").get().slot()] = LocalDate.of(2008, 2, 29);
    assertThat(e.test(new Env(s, v, LocalDate.of(2026, 2, 28), AS_OF))).isFalse();
    assertThat(e.test(new Env(s, v, LocalDate.of(2026, 3, 1), AS_OF))).isTrue();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
    "known(n) | n=? | false", "known(n) | n=3 | true", "known(a) | a=false | true",
    "any(children, in_school) | ? | ?",
  })
  void known(String expr, String facts, String expected) {
    assertThat(show(eval(expr, facts.equals("?") ? new String[0] : facts.split(",")))).isEqualTo(expected);
  }

  static Object evalWith(String expr, String fact, Object value) {
    return evalWith(expr, fact, value, AS_OF);
  }

  static Object evalWith(String expr, String fact, Object value, LocalDate asOf) {
    Symbols s = symbols();
    return ExprCompiler.compile(expr, s, null).expr().get().eval(envWith(s, fact, value, asOf));
  }

  /** The facts of a case that gives only {@code fact}, on {@code asOf}. */
  static Env envWith(Symbols s, String fact, Object value, LocalDate asOf) {
    Object[] v = new Object[s.factCount()];
    v[s.lookup(fact).get().slot()] = value;
    return new Env(s, v, asOf, asOf);
  }

  static Map<String, Object> child(String born, Boolean inSchool) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("date_of_birth", LocalDate.parse(born));
    if (inSchool != null) {
      m.put("in_school", inSchool);
    }
    return m;
  }

  @Test
  void listFunctionsSeeTheItemsFieldsAndAreKleene() {
    List<Map<String, Object>> kids = List.of(child("2015-01-01", true), child("2010-06-01", false));
    assertThat(evalWith("any(children, in_school)", "children", kids)).isEqualTo(true);
    assertThat(evalWith("all(children, in_school)", "children", kids)).isEqualTo(false);
    assertThat(evalWith("count(children, years_between(date_of_birth, as_of) < 18)", "children", kids)).isEqualTo(2L);
    assertThat(evalWith("all(children, in_school)", "children", List.of())).isEqualTo(true);
    assertThat(evalWith("any(children, in_school)", "children", List.of())).isEqualTo(false);
    List<Map<String, Object>> unknownKid = List.of(child("2015-01-01", true), child("2012-01-01", null));
    assertThat(evalWith("all(children, in_school)", "children", unknownKid)).isNull();
    assertThat(evalWith("any(children, in_school)", "children", unknownKid)).isEqualTo(true);
    assertThat(evalWith("count(children, in_school)", "children", unknownKid)).isNull();
  }

  @ParameterizedTest(name = "{0} with children in school {1} = {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
    // one child in school, one whose schooling is unknown: the count is 1 or 2
    "count(children, in_school) >= 1 | true ? | true",
    "count(children, in_school) < 3 | true ? | true",
    "count(children, in_school) <= 2 | true ? | true",
    "count(children, in_school) >= 2 | true ? | ?",
    "count(children, in_school) == 1 | true ? | ?",
    "count(children, in_school) > 2 | true ? | false",
    "count(children, in_school) == 0 | true ? | false",
    "count(children, in_school) != 0 | true ? | true",
    "count(children, in_school) != 1 | true ? | ?",
    "1 <= count(children, in_school) | true ? | true",
    "3 == count(children, in_school) | true ? | false",
    "count(children, in_school) >= 1.5 | true ? | ?",
    "count(children, in_school) < 2.5 | true ? | true",
    "count(children, in_school) >= count(children, not in_school) | true ? | true",
    "count(children, in_school) > count(children, not in_school) | true ? | ?",
    "any(children, in_school) | true ? | true",
    // the count itself, arithmetic on it, or a comparison with an unknown value stay unknown
    "count(children, in_school) | true ? | ?",
    "count(children, in_school) + 0 >= 1 | true ? | ?",
    "count(children, in_school) >= n | true ? | ?",
    // one child not in school, one unknown: 0 or 1
    "count(children, in_school) >= 1 | false ? | ?",
    "count(children, in_school) >= 2 | false ? | false",
    "count(children, in_school) <= 1 | false ? | true",
    "count(children, in_school) < 1 | false ? | ?",
    // both unknown: 0 to 2
    "count(children, in_school) >= 0 | ? ? | true",
    "count(children, in_school) > 2 | ? ? | false",
    "count(children, in_school) == 2 | ? ? | ?",
    // known through and through, none, or the list itself unknown
    "count(children, in_school) == 2 | true true | true",
    "count(children, in_school) == 0 | none | true",
    "count(children, in_school) >= 0 | unknown | ?",
  })
  void aCountComparisonIsDecidedWhenEveryCountTheUnknownItemsCanMakeAgrees(String expr, String kids, String expected) {
    List<Map<String, Object>> children = new ArrayList<>();
    for (String k : kids.equals("none") || kids.equals("unknown") ? new String[0] : kids.split(" ")) {
      children.add(child("2015-01-01", k.equals("?") ? null : Boolean.valueOf(k)));
    }
    assertThat(show(evalWith(expr, "children", kids.equals("unknown") ? null : children))).isEqualTo(expected);
  }

  static Map<String, Object> period(String status, String from, String to) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("status", status);
    m.put("from", LocalDate.parse(from));
    if (to != null) {
      m.put("to", LocalDate.parse(to));
    }
    return m;
  }

  @Test
  void periodsCountMonthsAndFindTheUninterruptedRun() {
    List<Map<String, Object>> h = List.of(
        period("gestattung", "2016-03-01", "2018-02-28"),
        period("duldung_60b", "2018-03-01", "2018-08-31"),
        period("duldung", "2018-09-01", null));
    assertThat(evalWith("months_in(history, 'duldung_60b')", "history", h)).isEqualTo(6L);
    assertThat(evalWith("months_in(history, 'gestattung')", "history", h)).isEqualTo(24L);
    assertThat(evalWith("months_in(history, 'duldung')", "history", h)).isEqualTo(98L);
    assertThat(evalWith("continuous_since(history, 'gestattung', 'duldung', 'duldung_60b')", "history", h))
        .isEqualTo(LocalDate.of(2016, 3, 1));
    // without the 60b status the run starts after the 60b period
    assertThat(evalWith("continuous_since(history, 'gestattung', 'duldung')", "history", h))
        .isEqualTo(LocalDate.of(2018, 9, 1));
    // on a reference date in the past
    assertThat(evalWith("continuous_since(history, 2017-10-31, 'gestattung')", "history", h))
        .isEqualTo(LocalDate.of(2016, 3, 1));
    // not in any listed status on the day: an empty run starting that day
    assertThat(evalWith("continuous_since(history, 'permit')", "history", h)).isEqualTo(AS_OF);
    assertThat(evalWith("months_in(history, 2018-01-01, 'gestattung')", "history", h)).isEqualTo(2L);
  }

  @Test
  void monthsInCountsPeriodsThatTouchOrOverlapAsOneRun() {
    // one job from 2025-01-15, entered as two lines at a change of employer: 12 whole months on
    // 2026-01-15, as one line would give (each line alone: 6 and 5)
    List<Map<String, Object>> split = List.of(
        period("duldung", "2025-01-15", "2025-07-20"),
        period("duldung", "2025-07-21", null));
    assertThat(evalWith("months_in(history, 'duldung')", "history", split, LocalDate.of(2026, 1, 15))).isEqualTo(12L);
    assertThat(evalWith("months_in(history, 'duldung')", "history", split, LocalDate.of(2026, 1, 14))).isEqualTo(11L);
    // two jobs at the same time count once; a job that ends inside another adds nothing
    List<Map<String, Object>> overlapping = List.of(
        period("duldung", "2025-01-01", "2025-06-30"),
        period("permit", "2025-02-01", "2025-12-31"),
        period("duldung", "2025-03-01", "2025-04-30"),
        period("duldung", "2025-04-01", "2025-09-30"));
    assertThat(evalWith("months_in(history, 'duldung')", "history", overlapping, LocalDate.of(2026, 1, 1))).isEqualTo(9L);
    // different listed statuses join up too; an unlisted one between them does not
    assertThat(evalWith("months_in(history, 'duldung', 'permit')", "history", overlapping, LocalDate.of(2026, 1, 1)))
        .isEqualTo(12L);
    // a gap of a day keeps two runs, reckoned as separate months: 186 days, and the ongoing run's days
    // so far (as_of left out), make 12 months of 30 days once they are 174, on 11 January
    List<Map<String, Object>> gap = List.of(
        period("duldung", "2025-01-15", "2025-07-19"),
        period("duldung", "2025-07-21", null));
    assertThat(evalWith("months_in(history, 'duldung')", "history", gap, LocalDate.of(2026, 1, 11))).isEqualTo(12L);
    assertThat(evalWith("months_in(history, 'duldung')", "history", gap, LocalDate.of(2026, 1, 10))).isEqualTo(11L);
  }

  @Test
  void monthsInAddsUpTheDaysLeftOverByPeriodsThatEnded() {
    // 16 contracts from the 1st to the 25th of each month: 25 days each, none a whole month; 400
    // days at 30 to a month make 13 months
    List<Map<String, Object>> contracts = contracts(16, 1, 25);
    assertThat(evalWith("months_in(history, 'duldung')", "history", contracts, LocalDate.of(2026, 1, 1))).isEqualTo(13L);
    // a window that cuts a period counts the days it leaves inside: 16 + 375 days, 13 months
    assertThat(evalWith("months_in(history, 2024-09-10, 'duldung')", "history", contracts, LocalDate.of(2026, 1, 1)))
        .isEqualTo(13L);
    // 8 contracts of 45 days: one whole month and 14 or 15 days each make 11; 360 days make 12
    List<Map<String, Object>> longer = contracts(8, 2, 45);
    assertThat(evalWith("months_in(history, 'duldung')", "history", longer, LocalDate.of(2026, 1, 1))).isEqualTo(12L);
    // one period alone keeps the calendar: 360 days from 1 January are 11 months and 26 days
    assertThat(evalWith("months_in(history, 'duldung')", "history",
        List.of(period("duldung", "2025-01-01", "2025-12-26")), LocalDate.of(2026, 2, 1))).isEqualTo(11L);
    // an ongoing period's days so far (as_of left out) add up with the others' too: 20 days and 9 make
    // no month, 20 and 10 one (an audit found them left out: a current job's days never counted)
    List<Map<String, Object>> ongoing = List.of(
        period("duldung", "2025-01-01", "2025-01-20"),
        period("duldung", "2025-02-01", null));
    assertThat(evalWith("months_in(history, 'duldung')", "history", ongoing, LocalDate.of(2025, 2, 10))).isEqualTo(0L);
    assertThat(evalWith("months_in(history, 'duldung')", "history", ongoing, LocalDate.of(2025, 2, 11))).isEqualTo(1L);
    assertThat(evalWith("months_in(history, 'duldung')", "history", ongoing, LocalDate.of(2025, 3, 1))).isEqualTo(1L);
    // 20 days left over: a second period that ends after 10 more days than whole months adds a month
    List<Map<String, Object>> two = List.of(
        period("duldung", "2025-01-01", "2025-01-20"),
        period("duldung", "2025-02-01", "2025-03-10"));
    assertThat(evalWith("months_in(history, 'duldung')", "history", two, LocalDate.of(2025, 6, 1))).isEqualTo(2L);
  }

  @ParameterizedTest(name = "{0} on {1}: {2} = {3}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
    // one job of 11 months and 30 days: its calendar months, not the 30 days left over as a 12th
    "2024-06-16..2025-06-14 | 2026-03-01 | months_in(history, 'duldung') | 11",
    "2024-06-16..2025-06-14 | 2026-03-01 | months_in(history, add_months(as_of, -24), 'duldung') | 11",
    "2024-06-16..2025-06-15 | 2026-03-01 | months_in(history, 'duldung') | 12",
    "2025-01-01..2025-01-30 | 2025-06-01 | months_in(history, 'duldung') | 0",
    // a second job that starts on as_of has no day in it yet: the first is still one period alone
    "2024-06-16..2025-06-14, 2026-03-01.. | 2026-03-01 | months_in(history, add_months(as_of, -24), 'duldung') | 11",
    // from the next day they are two periods, reckoned as § 191 BGB does: 364 days make 12 months
    "2024-06-16..2025-06-14, 2026-03-01.. | 2026-03-02 | months_in(history, add_months(as_of, -24), 'duldung') | 12",
    // one period cut by the window counts the calendar months it has inside it
    "2024-01-01..2025-06-14 | 2026-06-16 | months_in(history, add_months(as_of, -24), 'duldung') | 11",
  })
  void onePeriodCountsItsCalendarMonthsOnly(String periods, String asOf, String expr, long expected) {
    assertThat(evalWith(expr, "history", duldung(periods), LocalDate.parse(asOf))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0} on {1}: {2}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
    // on as_of the job that starts that day has no day in it: one period of 11 months and 30 days
    // counts 11; from the next day two periods count 12 (§ 191 BGB)
    "2024-06-16..2025-06-14, 2026-03-01.. | 2026-03-01 | months_in(history, 'duldung') >= 12",
    "2024-06-16..2025-06-14, 2026-03-01.. | 2026-03-01 | months_in(history, 2024-01-01, 'duldung') >= 12",
    "2024-06-16..2025-06-14, 2026-03-01.. | 2026-03-01 | months_in(history, 'duldung') - 1 < 11",
    "2024-06-16..2025-06-14, 2026-03-01.. | 2026-03-01 | months_in(history, add_months(as_of, -24), 'duldung') >= 12",
    // ten years alone count 120 months; with a second period, their 3653 days count 121
    "2016-01-01..2025-12-31, 2026-03-01.. | 2026-03-01 | months_in(history, 'duldung') >= 121",
  })
  void aMonthCountChangesTheDayASecondPeriodBegins(String periods, String asOf, String expr) {
    Symbols s = symbols();
    CompiledExpr e = ExprCompiler.compile(expr, s, null).expr().get();
    Env env = envWith(s, "history", duldung(periods), LocalDate.parse(asOf));
    assertThat(CriticalDatesCheck.changesOnlyOnCriticalDates(e, env, env.asOf().plusYears(2),
        new CriticalDates.Analysis(s, List.of(e)), periods)).isPositive();
  }

  /** Periods in the status 'duldung', written {@code from..to, from..} (no end while ongoing). */
  private static List<Map<String, Object>> duldung(String periods) {
    List<Map<String, Object>> h = new ArrayList<>();
    for (String p : periods.split(",")) {
      String[] ends = p.trim().split("\\.\\.", -1);
      h.add(period("duldung", ends[0], ends[1].isEmpty() ? null : ends[1]));
    }
    return h;
  }

  /** {@code count} contracts of {@code days} days each, one every {@code monthsApart} months from 1 September 2024. */
  private static List<Map<String, Object>> contracts(int count, int monthsApart, int days) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      LocalDate first = LocalDate.of(2024, 9, 1).plusMonths((long) monthsApart * k);
      out.add(period("duldung", first.toString(), first.plusDays(days - 1).toString()));
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '~', value = {
    "months_in(history, 'duldung') >= 12",
    "months_in(history, 'duldung') - 3 >= 9",
    "15 - months_in(history, 'duldung') <= 3",
    "months_in(history, 'duldung') + n > 11",
    "months_in(history, 2021-03-01, 'duldung') >= 12",
    "months_in(history, 'duldung', 'permit') < 7",
    "months_in(history, add_months(as_of, -24), 'duldung') >= 12",
    "months_in(history, add_months(as_of, -24), 'duldung') - 1 >= 11",
    "months_in(history, add_days(as_of, -400), 'duldung') * 2 >= 20",
    "months_in(history, continuous_since(history, as_of, 'duldung', 'permit'), 'duldung') >= 12",
    "months_in(history, continuous_since(history, as_of, 'duldung', 'permit'), 'duldung') - n >= 11",
    "months_between(continuous_since(history, as_of, 'duldung'), as_of) >= 12",
    "continuous_since(history, as_of, 'duldung') <= add_months(as_of, -12)",
    "continuous_since(history, add_days(as_of, -30), 'duldung') <= add_months(as_of, -12)",
    "add_months(continuous_since(history, as_of, 'duldung'), 12) <= as_of",
    "months_between(d, as_of) * 2 >= 20",
    "years_between(d, as_of) in [18, 19]",
    "(years_between(d, as_of) >= 18) == a",
    "max(d, add_years(as_of, -1)) <= d2",
    "count(children, years_between(date_of_birth, as_of) < 18) >= 2",
    "count(children, years_between(date_of_birth, as_of) < 18 and in_school) >= 1",
    "count(children, years_between(date_of_birth, as_of) < 18 and in_school) < 2",
    "count(children, years_between(date_of_birth, as_of) >= 16 or in_school) == 1",
    "any(children, years_between(date_of_birth, as_of) < 18 and in_school)",
    "years_between(d, as_of) > count(children, in_school)",
    "(years_between(d, as_of) < 18 and b) == a",
    "months_between(d, as_of) >= months_in(history, 'duldung') * 2",
    // d2 may lie after as_of: a count of whole months or years before its anchor rounds towards zero
    "months_between(d2, as_of) >= -3",
    "months_between(d2, as_of) + 5 >= 2",
    "years_between(d2, as_of) >= 0",
    "months_between(d2, add_days(as_of, 10)) > -2",
    "as_of <= working_day(add_days(d2, 30), 'BE')",
    "as_of <= working_day(add_months(d2, 2), 'FR')",
    "working_day(as_of, 'BE') == as_of",
  })
  void aMonthCountChangesOnlyOnItsCriticalDates(String expr) {
    Symbols s = symbols();
    CompiledExpr e = ExprCompiler.compile(expr, s, null).expr().get();
    CriticalDates.Analysis analysis = new CriticalDates.Analysis(s, List.of(e));
    Random r = new Random(11);
    int changes = 0;
    for (int i = 0; i < 300; i++) {
      List<Map<String, Object>> h = new ArrayList<>();
      LocalDate first = LocalDate.of(2020, 1, 1).plusDays(r.nextInt(400));
      LocalDate from = first;
      int n = 1 + r.nextInt(14);
      LocalDate lastStart = from;
      for (int k = 0; k < n; k++) {
        LocalDate to = from.plusDays(10 + r.nextInt(r.nextInt(3) == 0 ? 400 : 70));
        boolean ongoing = k == n - 1 && r.nextInt(4) != 0;
        h.add(period(r.nextInt(5) == 0 ? "permit" : "duldung", from.toString(), ongoing ? null : to.toString()));
        lastStart = from;
        from = to.plusDays(1 + (r.nextBoolean() ? 0 : r.nextInt(12)));
      }
      // as_of anywhere: before the history, within it (runs that end or start later), or after it
      long span = lastStart.toEpochDay() - first.toEpochDay() + 240;
      LocalDate start = first.minusDays(120).plusDays(r.nextInt((int) span));
      Object[] v = new Object[s.factCount()];
      v[s.lookup("history").get().slot()] = h;
      v[s.lookup("n").get().slot()] = 1L;
      v[s.lookup("a").get().slot()] = r.nextBoolean();
      v[s.lookup("d").get().slot()] = start.minusDays(r.nextInt(8000));
      v[s.lookup("d2").get().slot()] = start.plusDays(r.nextInt(800) - 400);
      List<Map<String, Object>> kids = new ArrayList<>();
      for (int k = r.nextInt(4); k > 0; k--) {
        Map<String, Object> kid = new LinkedHashMap<>();
        kid.put("date_of_birth", start.minusDays(r.nextInt(8000)));
        if (k % 3 != 2) { // with two children or more, one leaves its schooling unknown
          kid.put("in_school", k % 3 == 1);
        }
        kids.add(kid);
      }
      v[s.lookup("children").get().slot()] = kids;
      changes += CriticalDatesCheck.changesOnlyOnCriticalDates(e, new Env(s, v, start, start), start.plusYears(2),
          analysis, h);
    }
    assertThat(changes).as("days the comparison changed on").isGreaterThan(5);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '~', value = {
    "years_between(d, add_days(as_of, 0 - n)) >= 4",
    "months_between(d, as_of) * 2 >= 20",
    "max(d, add_years(as_of, -1)) <= d2",
  })
  void aConditionUnknownForWantOfAFactHasNoCriticalDates(String expr) {
    Symbols s = symbols();
    CompiledExpr e = ExprCompiler.compile(expr, s, null).expr().get();
    Object[] v = new Object[s.factCount()];
    v[s.lookup("n").get().slot()] = 3L;
    v[s.lookup("d2").get().slot()] = LocalDate.of(2026, 1, 1);
    assertThat(criticalDates(s, e, v)).as("d is unknown whatever the date").isEmpty();
  }

  /** The critical dates of {@code e} over three years from 22 Nov 2026, with these fact values. */
  private static List<LocalDate> criticalDates(Symbols s, CompiledExpr e, Object[] values) {
    LocalDate asOf = LocalDate.of(2026, 11, 22);
    List<LocalDate> dates = new ArrayList<>();
    CriticalDates.collect(e, new Env(s, values, asOf, asOf), asOf.plusYears(3), dates::add,
        new CriticalDates.Analysis(s, List.of(e)));
    return dates;
  }

  @Test
  void monthsSinceARunThatEndedBeforeAsOfHaveNoCriticalDates() {
    Symbols s = symbols();
    CompiledExpr e = ExprCompiler.compile("months_between(continuous_since(history, as_of, 'duldung'), as_of) >= 12",
        s, null).expr().get();
    Object[] v = new Object[s.factCount()];
    v[s.lookup("history").get().slot()] = List.of(period("duldung", "2019-01-01", "2024-12-31"),
        period("permit", "2025-01-01", null));
    assertThat(criticalDates(s, e, v)).as("0 on every later day, not every day of the horizon to try").isEmpty();
  }

  @Test
  void aGapOfOneDayOrMoreInterruptsARun() {
    List<Map<String, Object>> h = List.of(
        period("gestattung", "2016-03-01", "2018-02-27"),
        period("duldung", "2018-03-01", null));
    assertThat(evalWith("continuous_since(history, 'gestattung', 'duldung')", "history", h))
        .isEqualTo(LocalDate.of(2018, 3, 1));
  }

  @Test
  void arithmeticBeyondItsRangeIsUnknownNotACrash() {
    assertThat(eval("n * m", "n=9223372036854775807", "m=2")).isNull();
    assertThat(eval("n + m", "n=9223372036854775807", "m=1")).isNull();
    assertThat(eval("n - m", "n=-9223372036854775807", "m=2")).isNull();
    assertThat(eval("add_days(d, n)", "d=2020-01-01", "n=9223372036854775807")).isNull();
    assertThat(eval("add_years(d, n)", "d=2020-01-01", "n=1000000000")).isNull();
    assertThat(eval("add_months(d, n)", "d=2020-01-01", "n=-99999999999")).isNull();
    assertThat(eval("add_years(d, n) > d", "d=2020-01-01", "n=1000000000")).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '~', value = {
    "n > 123456789012345678901234567890123 ~ number '123456789012345678901234567890123' is too long",
    "n > ١ ~ unexpected character '١'",
  })
  void refusesExpressionsBeyondTheLimits(String expr, String message) {
    ExprCompiler.Result r = ExprCompiler.compile(expr, symbols(), null);
    assertThat(r.expr()).isEmpty();
    assertThat(r.errors()).extracting(ExprError::message).containsExactly(message);
  }

  /** README's limits table: 32 levels of parentheses, brackets, calls, `not` and unary `-`. */
  @ParameterizedTest(name = "{0}…{1}")
  @CsvSource(delimiter = '~', quoteCharacter = '`', value = {
    // opener ~ closer ~ innermost value
    "( ~ ) ~ a",
    "`not ` ~ `` ~ a",
    "known( ~ ) ~ a",
    "- ~ `` ~ n",
  })
  void allowsExactlyThirtyTwoLevelsOfNesting(String open, String close, String inner) {
    String at = open.repeat(32) + inner + close.repeat(32);
    assertThat(ExprCompiler.compile(at, symbols(), null).errors()).as(at).isEmpty();
    String beyond = open.repeat(33) + inner + close.repeat(33);
    ExprCompiler.Result r = ExprCompiler.compile(beyond, symbols(), null);
    assertThat(r.errors()).as(beyond).extracting(ExprError::message, ExprError::start)
        .containsExactly(tuple(
            "the expression is nested more than 32 levels deep", 32 * open.length()));
  }

  @Test
  void refusesAnExpressionOfMoreThanAThousandTokens() {
    String expr = String.join(" and ", java.util.Collections.nCopies(300, "n > 1"));
    ExprCompiler.Result r = ExprCompiler.compile(expr, symbols(), null);
    assertThat(r.errors()).extracting(ExprError::message)
        .containsExactly("the expression is too long (more than 1000 names, values and operators)");
    String fine = String.join(" and ", java.util.Collections.nCopies(200, "n > 1"));
    assertThat(ExprCompiler.compile(fine, symbols(), null).errors()).isEmpty();
  }
}
