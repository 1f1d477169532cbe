package org.permitcheck.expr;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every error of the language, with the character range it points at and its hint. */
class ExprErrorsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '~', quoteCharacter = '`', value = {
    // expression | start | message | hint
    "nn >= 18 ~ 0 ~ unknown fact 'nn' ~ did you mean 'n'?",
    "lvel >= 'A2' ~ 0 ~ unknown fact 'lvel' ~ did you mean 'lvl'?",
    "n >= 12 and ~ 11 ~ the expression ends too early ~ a value is missing at the end",
    "n >= ~ 4 ~ the expression ends too early ~ a value is missing at the end",
    "n = 3 ~ 2 ~ unexpected '=' ~ write '==' to compare two values",
    "a && b ~ 2 ~ unknown operator '&&' ~ write 'and'",
    "a || b ~ 2 ~ unknown operator '||' ~ write 'or'",
    "!a ~ 0 ~ unexpected '!' ~ write 'not' to negate, or '!=' to compare",
    "n # 2 ~ 2 ~ unexpected character '#' ~ remove it, or write one of the operators + - * / < <= > >= == != and or not in",
    "a & b ~ 2 ~ unexpected character '&' ~ write 'and'",
    "lvl >=\u00a0'A2' ~ 6 ~ unexpected character '\u00a0' (no-break space) ~ use a plain space",
    "n >\u2003 2 ~ 3 ~ unexpected character '\u2003' (em space) ~ use a plain space",
    "n ≤ 3 ~ 2 ~ unexpected character '≤' ~ write '<='",
    "n ≥ 3 ~ 2 ~ unexpected character '≥' ~ write '>='",
    "n ≠ 3 ~ 2 ~ unexpected character '≠' ~ write '!='",
    "n − 1 > 0 ~ 2 ~ unexpected character '−' ~ write '-' (the plain minus of the keyboard)",
    "n – 1 > 0 ~ 2 ~ unexpected character '–' ~ write '-' (the plain minus of the keyboard)",
    "n × 2 > 0 ~ 2 ~ unexpected character '×' ~ write '*'",
    "n ÷ 2 > 0 ~ 2 ~ unexpected character '÷' ~ write '/'",
    "status == ‘duldung’ ~ 10 ~ unexpected character '‘' ~ use straight quotes, as in 'duldung'",
    "status == “duldung” ~ 10 ~ unexpected character '“' ~ use straight quotes, as in 'duldung'",
    "status == « none » ~ 10 ~ unexpected character '«' ~ use straight quotes, as in 'none'",
    "status == 'duldung’ ~ 10 ~ text is not closed ~ the text is closed with a curly quote ’: write a straight '",
    "lv\u200bl >= 'A2' ~ 2 ~ unexpected character '\u200b' (zero width space) ~ remove this invisible character (it often comes with text pasted from a document)",
    "n > ١ ~ 4 ~ unexpected character '١' ~ write numbers with the digits 0 to 9",
    "name == 'abc ~ 8 ~ text is not closed ~ add the closing '",
    "(n > 1 ~ 0 ~ this '(' is not closed ~ add ')'",
    "n > 1) ~ 5 ~ unexpected ')' after a complete condition ~ this ')' has no matching '('",
    "n > 1 m > 2 ~ 6 ~ unexpected 'm' after a complete condition ~ join two conditions with 'and' or 'or'",
    "1 < n < 3 ~ 6 ~ comparisons cannot be chained ~ write two comparisons joined by 'and', e.g. \"a >= 14 and a < 27\"",
    "d < 2023-02-30 ~ 4 ~ '2023-02-30' is not a valid date ~ dates are written YYYY-MM-DD and must exist in the calendar",
    "d >= 18 ~ 0 ~ cannot compare a date with an integer ~ to compare a length of time, count it first, e.g. months_between(since, as_of) >= 72 (or years_between, days_between)",
    "d >= '2020-01-01' ~ 0 ~ cannot compare a date with text ~ dates are written without quotes, e.g. 2008-03-18",
    "lvl >= 2 ~ 0 ~ cannot compare a level of 'lvl' with an integer ~ compare with one of its values in quotes, e.g. lvl >= 'A2'",
    "status == 1 ~ 0 ~ cannot compare a value of 'status' with an integer ~ compare with one of its values in quotes, e.g. status == 'duldung'",
    "a >= 5 ~ 0 ~ cannot compare true/false with an integer ~ a yes/no fact is a condition by itself: write it alone, or 'not' before it",
    "n >= '18' ~ 0 ~ cannot compare an integer with text ~ numbers are written without quotes, e.g. 18",
    "zzzz_qqqq > 1 ~ 0 ~ unknown fact 'zzzz_qqqq' ~ declare it under 'facts:' (a question a case answers) or 'derived:' (computed from other facts)",
    "DE-25a or n > 1 ~ 0 ~ 'DE-25a' looks like a permit id, which a condition cannot use ~ repeat the conditions it needs, or put them in a derived fact that both permits use",
    "n > 1 and not NL-family-child ~ 14 ~ 'NL-family-child' looks like a permit id, which a condition cannot use ~ repeat the conditions it needs, or put them in a derived fact that both permits use",
    "lvl >= 'A3' ~ 7 ~ 'A3' is not a value of 'lvl' ~ did you mean 'A1'?",
    "status == 'dudlung' ~ 10 ~ 'dudlung' is not a value of 'status' ~ did you mean 'duldung'?",
    "status == 'refugee' ~ 10 ~ 'refugee' is not a value of 'status' ~ allowed: 'duldung', 'gestattung', 'none'",
    "status > 'none' ~ 0 ~ the values of 'status' have no order, so '>' cannot be used ~ use '==', '!=' or 'in', or declare the fact as a level",
    "status in ['duldung', 'dulding'] ~ 22 ~ 'dulding' is not a value of 'status' ~ did you mean 'duldung'?",
    "status in 'duldung' ~ 10 ~ 'in' needs a list of values in brackets ~ e.g. \"status in ['duldung', 'gestattung']\"",
    "n in [1, 'a'] ~ 9 ~ this list item is text, but the value is an integer ~ write every item as an integer, without quotes, e.g. 18",
    "not n >= 5 ~ 0 ~ 'not' needs a condition, but is applied to an integer ~ 'not' applies to the value right after it: write not (a >= b)",
    "a and n ~ 6 ~ 'and' needs a condition on its right, found an integer ~ compare it with a number, e.g. n >= 1",
    "n or a ~ 0 ~ 'or' needs a condition on its left, found an integer ~ compare it with a number, e.g. n >= 1",
    "a and d ~ 6 ~ 'and' needs a condition on its right, found a date ~ compare it with a date, e.g. d <= 2024-03-01",
    "status or a ~ 0 ~ 'or' needs a condition on its left, found a value of 'status' ~ compare with one of its values in quotes, e.g. status == 'duldung'",
    "d + 1 > d ~ 0 ~ '+' cannot be applied to dates ~ use add_days/add_months/add_years to move a date, days_between/months_between/years_between to measure",
    "name + 1 > 2 ~ 0 ~ '+' needs numbers, found text ~ compute with integer, decimal or money facts only, e.g. de_current_duldung_months + de_duldung_months_before_60b",
    "yaers_between(d, as_of) > 3 ~ 0 ~ unknown function 'yaers_between' ~ did you mean 'years_between'?",
    "working_day(d, 'DE') <= as_of ~ 15 ~ argument 2 of 'working_day' must be 'BE' or 'FR' (the countries whose holidays are known) ~ e.g. working_day(add_months(fr_asylum_registration_date, 2), 'FR')",
    "working_day(d, 'be') <= as_of ~ 15 ~ argument 2 of 'working_day' must be 'BE' or 'FR' (the countries whose holidays are known) ~ did you mean 'BE'?",
    "working_day(d) <= as_of ~ 0 ~ 'working_day' takes 2 arguments (a date and a country in quotes), found 1 ~ e.g. working_day(add_days(be_refusal_notification_date, 30), 'BE')",
    "years_between(d) > 3 ~ 0 ~ 'years_between' takes 2 arguments (two dates: from, to), found 1 ~ e.g. years_between(date_of_birth, as_of)",
    "years_between(d, 3) > 3 ~ 17 ~ argument 2 of 'years_between' must be a date, found an integer ~ give a date fact, as_of, application_date or a date like 2008-03-18, e.g. years_between(date_of_birth, as_of)",
    "add_years(d, 1.5) > d ~ 13 ~ argument 2 of 'add_years' must be an integer, found a number ~ give a whole number, e.g. add_years(date_of_birth, 18)",
    "known > 1 ~ 0 ~ 'known' is a function ~ call it with its arguments, e.g. known(…)",
    "known(a, n) ~ 0 ~ 'known' takes 1 argument (a fact), found 2 ~ e.g. known(de_stay_since)",
    "a in [true] ~ 0 ~ 'in' does not apply to a condition (true or false) ~ use the condition itself, or 'not' before it: e.g. \"has_passport\" or \"not convicted\"",
    "any(n, a) ~ 4 ~ argument 1 of 'any' must be a list, found an integer ~ give a list fact, then a condition on each item, e.g. any(children, in_school)",
    "any(children, years_between(date_of_birth, as_of)) ~ 14 ~ argument 2 of 'any' must be a condition, found an integer ~ compare it, e.g. any(children, years_between(date_of_birth, as_of) < 18)",
    "any(children, in_scool) ~ 14 ~ unknown fact 'in_scool' ~ did you mean 'in_school'?",
    "in_school ~ 0 ~ unknown fact 'in_school' ~ 'in_school' is a field of the list 'children': use it inside any(children, in_school), count(children, …) or all(children, …)",
    "years_between(date_of_birth, as_of) < 18 ~ 14 ~ unknown fact 'date_of_birth' ~ 'date_of_birth' is a field of the list 'children': use it inside any(children, date_of_birth …), count(children, …) or all(children, …)",
    "from < d ~ 0 ~ unknown fact 'from' ~ 'from' is a field of the list 'history': use it inside any(history, from …), count(history, …) or all(history, …)",
    "in_scool ~ 0 ~ unknown fact 'in_scool' ~ did you mean 'in_school'? 'in_school' is a field of the list 'children': use it inside any(children, in_school), count(children, …) or all(children, …)",
    "months_in(history, 'dudlung') > 1 ~ 19 ~ 'dudlung' is not a value of 'history.status' ~ did you mean 'duldung'?",
    "months_in(n, 'duldung') > 1 ~ 10 ~ argument 1 of 'months_in' must be periods, found an integer ~ give a periods fact (a status history), e.g. months_in(fr_stay_history, as_of, 'other')",
    "['a'] ~ 0 ~ a list can only follow 'in' ~ e.g. \"status in ['duldung', 'gestattung']\"",
    "  ~ 0 ~ the expression is empty ~ write a condition, e.g. \"age >= 18\"",
    "99999999999999999999 > n ~ 0 ~ number '99999999999999999999' is too large ~ check it for extra digits: a whole number is at most 9223372036854775807",
    "min(n) > 1 ~ 0 ~ 'min' takes two or more numbers or dates ~ give one more value to compare, e.g. min(de_stay_since, de_duldung_since)",
    "min(n, d) > 1 ~ 7 ~ 'min' cannot mix dates and numbers ~ give only dates, or turn a date into a number of months, e.g. months_between(de_stay_since, as_of)",
    "-d < d2 ~ 0 ~ '-' needs a number, found a date ~ to move a date back, add a negative number: add_months(as_of, -24)",
    "-name == 'x' ~ 0 ~ '-' needs a number, found text ~ put '-' before a number or a number fact, e.g. -24",
    "max(n, name) > 1 ~ 7 ~ 'max' needs numbers or dates, found text ~ give only numbers or only dates, e.g. max(de_stay_since, de_duldung_since)",
    "months_in(history, d, duldung) > 1 ~ 22 ~ statuses are written as values in quotes ~ write 'duldung'",
    "months_in(history, d, d2) > 1 ~ 22 ~ statuses are written as values in quotes ~ give the date, if any, right after the periods and the statuses after it, e.g. months_in(fr_stay_history, as_of, 'other')",
    "continuous_since(history, d) < d ~ 0 ~ 'continuous_since' needs at least one status ~ add the statuses to count, in quotes, e.g. continuous_since(fr_stay_history, as_of, 'other')",
    "n in [1, m] ~ 9 ~ the list after 'in' may only hold values written out ~ write the values themselves, e.g. \"de_status in ['duldung', 'gestattung']\"; to compare with a fact, use '=='",
    "status in [1] ~ 11 ~ this list item is an integer, but the value is a value of 'status' ~ write every item as a value of 'status', in quotes, e.g. 'duldung'",
    "n > * 3 ~ 4 ~ expected a value but found '*' ~ a value is missing before '*'",
    "(n > 1] ~ 6 ~ expected ')' but found ']' ~ close each '(' with ')' and each '[' with ']'",
    "name and a ~ 0 ~ 'and' needs a condition on its left, found text ~ compare it with a text in quotes, e.g. name == '…'",
    "children or a ~ 0 ~ 'or' needs a condition on its left, found the list 'children' ~ use any(children, …), all(children, …) or count(children, …) to look into a list",
    "n > 1 2 ~ 6 ~ unexpected '2' after a complete condition ~ join it to the condition with an operator such as 'and', or remove it",
    "max(n 1) > 1 ~ 6 ~ expected ')' but found '1' ~ a ',' or an operator may be missing",
    "1234567890123456789012345678901 > n ~ 0 ~ number '1234567890123456789012345678901' is too long ~ check it for extra digits: a number has at most 30 digits",
  })
  void reportsEachErrorAtItsPosition(String expr, int start, String message, String hint) {
    ExprCompiler.Result r = ExprCompiler.compile(expr == null ? "" : expr, ExprTest.symbols(), null);
    assertThat(r.expr()).isEmpty();
    assertThat(r.errors()).isNotEmpty();
    ExprError e = r.errors().get(0);
    assertThat(e.message()).isEqualTo(message);
    assertThat(e.start()).isEqualTo(start);
    assertThat(e.hint()).isEqualTo(hint == null ? "" : hint);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '~', quoteCharacter = '`', value = {
    "n + 1 ~ a criterion must be a condition (true or false), but this is an integer",
    "d ~ a criterion must be a condition (true or false), but this is a date",
  })
  void aCriterionMustBeACondition(String expr, String message) {
    ExprCompiler.Result r = ExprCompiler.compile(expr, ExprTest.symbols(), Type.BOOLEAN);
    assertThat(r.errors()).extracting(ExprError::message).containsExactly(message);
  }

  @ParameterizedTest
  @ValueSource(strings = {"name == 'see DE-25b'", "name == \"see DE-25b\"", "name == \"it's DE-25b\""})
  void readsAPermitIdInsideATextAsText(String source) {
    ExprCompiler.Result r = ExprCompiler.compile(source, ExprTest.symbols(), Type.BOOLEAN);
    assertThat(r.errors()).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void reportsEveryUnknownNameOfOneExpression() {
    ExprCompiler.Result r = ExprCompiler.compile("foo > 1 and bar < 2", ExprTest.symbols(), Type.BOOLEAN);
    assertThat(r.errors()).extracting(ExprError::message).containsExactly("unknown fact 'foo'", "unknown fact 'bar'");
    assertThat(r.errors()).extracting(ExprError::start).containsExactly(0, 12);
  }
}
