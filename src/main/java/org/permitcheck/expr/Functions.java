package org.permitcheck.expr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.permitcheck.diag.Suggest;

/** The built-in functions: their signatures, checks and compiled nodes. */
final class Functions {
  /** Each function, with a correct call of it for hints (fact names of the kind rules.yaml uses). */
  private static final Map<String, String> EXAMPLES = Map.ofEntries(
      Map.entry("years_between", "years_between(date_of_birth, as_of)"),
      Map.entry("months_between", "months_between(de_stay_since, as_of)"),
      Map.entry("days_between", "days_between(asylum_decision_date, application_date)"),
      Map.entry("add_years", "add_years(date_of_birth, 18)"),
      Map.entry("add_months", "add_months(asylum_decision_date, 6)"),
      Map.entry("add_days", "add_days(asylum_decision_date, 30)"),
      Map.entry("working_day", "working_day(add_days(be_refusal_notification_date, 30), 'BE')"),
      Map.entry("known", "known(de_stay_since)"),
      Map.entry("min", "min(de_stay_since, de_duldung_since)"),
      Map.entry("max", "max(de_stay_since, de_duldung_since)"),
      Map.entry("any", "any(children, in_school)"),
      Map.entry("all", "all(children, in_school)"),
      Map.entry("count", "count(children, in_school)"),
      Map.entry("months_in", "months_in(fr_stay_history, as_of, 'other')"),
      Map.entry("continuous_since", "continuous_since(fr_stay_history, as_of, 'other')"));

  static final Set<String> NAMES = EXAMPLES.keySet();

  private Functions() {}

  /** "e.g. " and a correct call of the function {@code name}. */
  static String example(String name) {
    return "e.g. " + EXAMPLES.get(name);
  }

  static ExprCompiler.Typed call(ExprCompiler c, Ast.Call call) {
    switch (call.name()) {
      case "years_between":
        return between(c, call, 'y');
      case "months_between":
        return between(c, call, 'm');
      case "days_between":
        return between(c, call, 'd');
      case "add_years":
        return add(c, call, 'y');
      case "add_months":
        return add(c, call, 'm');
      case "add_days":
        return add(c, call, 'd');
      case "working_day":
        return workingDay(c, call);
      case "known":
        return known(c, call);
      case "min":
        return extreme(c, call, false);
      case "max":
        return extreme(c, call, true);
      case "any":
      case "all":
      case "count":
        return overList(c, call);
      case "months_in":
      case "continuous_since":
        return periods(c, call);
      default:
        Ast.Name at = new Ast.Name(call.name(), call.start(), call.nameEnd());
        c.error(at, "unknown function '" + call.name() + "'", hintFor(call.name()));
        return ExprCompiler.ERROR;
    }
  }

  private static String hintFor(String name) {
    String hint = Suggest.didYouMean(name, NAMES);
    return hint.isEmpty() ? "functions: " + String.join(", ", new java.util.TreeSet<>(NAMES)) : hint;
  }

  private static boolean arity(ExprCompiler c, Ast.Call call, int n, String what) {
    if (call.args().size() == n) {
      return true;
    }
    c.error(call, "'" + call.name() + "' takes " + n + (n == 1 ? " argument (" : " arguments (") + what + "), found "
        + call.args().size(), example(call.name()));
    return false;
  }

  private static boolean expect(ExprCompiler c, Ast.Call call, int index, ExprCompiler.Typed arg, Type.Kind kind) {
    if (arg.type().isError()) {
      return false;
    }
    if (arg.type().kind() == kind) {
      return true;
    }
    String wanted = kind == Type.Kind.DATE ? "a date" : kind == Type.Kind.INTEGER ? "an integer" : kind.name();
    String give = kind == Type.Kind.DATE ? "give a date fact, as_of, application_date or a date like 2008-03-18"
        : "give a whole number";
    c.error(call.args().get(index), "argument " + (index + 1) + " of '" + call.name() + "' must be " + wanted
        + ", found " + arg.type().describe(), give + ", " + example(call.name()));
    return false;
  }

  private static ExprCompiler.Typed between(ExprCompiler c, Ast.Call call, char unit) {
    if (!arity(c, call, 2, "two dates: from, to")) {
      return ExprCompiler.ERROR;
    }
    ExprCompiler.Typed from = c.check(call.args().get(0));
    ExprCompiler.Typed to = c.check(call.args().get(1));
    boolean ok = expect(c, call, 0, from, Type.Kind.DATE) & expect(c, call, 1, to, Type.Kind.DATE);
    return ok ? new ExprCompiler.Typed(new Nodes.Between(unit, from.expr(), to.expr()), Type.INTEGER)
        : ExprCompiler.ERROR;
  }

  private static ExprCompiler.Typed add(ExprCompiler c, Ast.Call call, char unit) {
    if (!arity(c, call, 2, "a date and a number")) {
      return ExprCompiler.ERROR;
    }
    ExprCompiler.Typed date = c.check(call.args().get(0));
    ExprCompiler.Typed n = c.check(call.args().get(1));
    boolean ok = expect(c, call, 0, date, Type.Kind.DATE) & expect(c, call, 1, n, Type.Kind.INTEGER);
    return ok ? new ExprCompiler.Typed(new Nodes.AddToDate(unit, date.expr(), n.expr()), Type.DATE)
        : ExprCompiler.ERROR;
  }

  /** working_day(date, 'BE'): the date, or the first working day after it in that country's calendar. */
  private static ExprCompiler.Typed workingDay(ExprCompiler c, Ast.Call call) {
    if (!arity(c, call, 2, "a date and a country in quotes")) {
      return ExprCompiler.ERROR;
    }
    ExprCompiler.Typed date = c.check(call.args().get(0));
    boolean ok = expect(c, call, 0, date, Type.Kind.DATE);
    Ast country = call.args().get(1);
    if (!(country instanceof Ast.Literal) || ((Ast.Literal) country).type().kind() != Type.Kind.TEXT
        || !Holidays.COUNTRIES.contains((String) ((Ast.Literal) country).value())) {
      String given = country instanceof Ast.Literal && ((Ast.Literal) country).value() instanceof String
          ? ((String) ((Ast.Literal) country).value()).toUpperCase(java.util.Locale.ROOT) : "";
      c.error(country, "argument 2 of 'working_day' must be 'BE' or 'FR' (the countries whose holidays are known)",
          Holidays.COUNTRIES.contains(given) ? "did you mean '" + given + "'?"
              : "e.g. working_day(add_months(fr_asylum_registration_date, 2), 'FR')");
      return ExprCompiler.ERROR;
    }
    return ok ? new ExprCompiler.Typed(new Nodes.WorkingDay(date.expr(), (String) ((Ast.Literal) country).value()),
        Type.DATE) : ExprCompiler.ERROR;
  }

  private static ExprCompiler.Typed known(ExprCompiler c, Ast.Call call) {
    if (!arity(c, call, 1, "a fact")) {
      return ExprCompiler.ERROR;
    }
    ExprCompiler.Typed arg = c.check(call.args().get(0));
    return arg.type().isError() ? ExprCompiler.ERROR
        : new ExprCompiler.Typed(new Nodes.Known(arg.expr()), Type.BOOLEAN);
  }

  private static ExprCompiler.Typed extreme(ExprCompiler c, Ast.Call call, boolean max) {
    if (call.args().size() < 2) {
      c.error(call, "'" + call.name() + "' takes two or more numbers or dates",
          "give one more value to compare, " + example(call.name()));
      return ExprCompiler.ERROR;
    }
    List<Expr> args = new ArrayList<>();
    Type result = null;
    boolean dates = false;
    for (int i = 0; i < call.args().size(); i++) {
      ExprCompiler.Typed t = c.check(call.args().get(i));
      if (t.type().isError()) {
        return ExprCompiler.ERROR;
      }
      boolean isDate = t.type().kind() == Type.Kind.DATE;
      if (!isDate && !t.type().isNumeric()) {
        c.error(call.args().get(i), "'" + call.name() + "' needs numbers or dates, found " + t.type().describe(),
            "give only numbers or only dates, " + example(call.name()));
        return ExprCompiler.ERROR;
      }
      if (i == 0) {
        dates = isDate;
        result = t.type();
      } else if (dates != isDate) {
        c.error(call.args().get(i), "'" + call.name() + "' cannot mix dates and numbers",
            "give only dates, or turn a date into a number of months, e.g. months_between(de_stay_since, as_of)");
        return ExprCompiler.ERROR;
      } else if (!dates && !t.type().equals(result)) {
        result = t.type().kind() == Type.Kind.MONEY ? t.type()
            : result.kind() == Type.Kind.MONEY ? result : Type.DECIMAL;
      }
      args.add(t.expr());
    }
    return new ExprCompiler.Typed(new Nodes.Extreme(max, dates, List.copyOf(args)), result);
  }

  private static ExprCompiler.Typed overList(ExprCompiler c, Ast.Call call) {
    if (!arity(c, call, 2, "a list and a condition on its items")) {
      return ExprCompiler.ERROR;
    }
    ExprCompiler.Typed list = c.check(call.args().get(0));
    if (list.type().isError()) {
      return ExprCompiler.ERROR;
    }
    if (!list.type().isRecords()) {
      c.error(call.args().get(0), "argument 1 of '" + call.name() + "' must be a list, found "
          + list.type().describe(), "give a list fact, then a condition on each item, " + example(call.name()));
      return ExprCompiler.ERROR;
    }
    c.items.push(list.type());
    ExprCompiler.Typed cond;
    try {
      cond = c.check(call.args().get(1));
    } finally {
      c.items.pop();
    }
    if (cond.type().isError()) {
      return ExprCompiler.ERROR;
    }
    if (cond.type().kind() != Type.Kind.BOOLEAN) {
      c.error(call.args().get(1), "argument 2 of '" + call.name() + "' must be a condition, found "
          + cond.type().describe(),
          "compare it, e.g. " + call.name() + "(children, years_between(date_of_birth, as_of) < 18)");
      return ExprCompiler.ERROR;
    }
    Type result = call.name().equals("count") ? Type.INTEGER : Type.BOOLEAN;
    return new ExprCompiler.Typed(new Nodes.OverList(
        call.name().equals("any") ? Nodes.ANY : call.name().equals("all") ? Nodes.ALL : Nodes.COUNT, list.expr(),
        cond.expr()), result);
  }

  private static ExprCompiler.Typed periods(ExprCompiler c, Ast.Call call) {
    List<Ast> args = call.args();
    if (args.size() < 2) {
      c.error(call, "'" + call.name() + "' takes periods, an optional date, and one or more statuses",
          "e.g. " + call.name() + "(status_history, 'duldung')");
      return ExprCompiler.ERROR;
    }
    ExprCompiler.Typed periods = c.check(args.get(0));
    if (periods.type().isError()) {
      return ExprCompiler.ERROR;
    }
    if (periods.type().kind() != Type.Kind.PERIODS) {
      c.error(args.get(0), "argument 1 of '" + call.name() + "' must be periods, found "
          + periods.type().describe(), "give a periods fact (a status history), " + example(call.name()));
      return ExprCompiler.ERROR;
    }
    int first = 1;
    Expr date = null;
    if (!(args.get(1) instanceof Ast.Literal && ((Ast.Literal) args.get(1)).type().kind() == Type.Kind.TEXT)) {
      ExprCompiler.Typed d = c.check(args.get(1));
      if (!expect(c, call, 1, d, Type.Kind.DATE)) {
        return ExprCompiler.ERROR;
      }
      date = d.expr();
      first = 2;
    }
    Type status = periods.type().fields().get("status");
    Set<String> statuses = new LinkedHashSet<>();
    boolean ok = true;
    for (int i = first; i < args.size(); i++) {
      Ast a = args.get(i);
      if (!(a instanceof Ast.Literal) || ((Ast.Literal) a).type().kind() != Type.Kind.TEXT) {
        c.error(a, "statuses are written as values in quotes", a instanceof Ast.Name && status.ordinal(((Ast.Name) a).name()) >= 0
            ? "write '" + ((Ast.Name) a).name() + "'"
            : "give the date, if any, right after the periods and the statuses after it, " + example(call.name()));
        ok = false;
      } else if (Operators.checkValue(c, a, status)) {
        statuses.add((String) ((Ast.Literal) a).value());
      } else {
        ok = false;
      }
    }
    if (statuses.isEmpty() && ok) {
      c.error(call, "'" + call.name() + "' needs at least one status",
          "add the statuses to count, in quotes, " + example(call.name()));
      ok = false;
    }
    if (!ok) {
      return ExprCompiler.ERROR;
    }
    if (call.name().equals("months_in")) {
      return new ExprCompiler.Typed(new Nodes.MonthsIn(periods.expr(), date, Set.copyOf(statuses)), Type.INTEGER);
    }
    return new ExprCompiler.Typed(new Nodes.ContinuousSince(periods.expr(), date, Set.copyOf(statuses)), Type.DATE);
  }
}
