package org.permitcheck.expr;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The compiled node classes. Each evaluates itself; {@code null} is "unknown" (Kleene logic). */
final class Nodes {
  private Nodes() {}

  static BigDecimal dec(Object o) {
    return o instanceof BigDecimal ? (BigDecimal) o : BigDecimal.valueOf((Long) o);
  }

  static int compareValues(Object a, Object b) {
    if (a instanceof Long && b instanceof Long) {
      return Long.compare((Long) a, (Long) b);
    }
    return dec(a).compareTo(dec(b));
  }

  // comparison operators, as codes so that evaluating one does not compare texts
  static final int LT = 0;
  static final int LE = 1;
  static final int GT = 2;
  static final int GE = 3;
  static final int EQ = 4;
  static final int NE = 5;

  /** The code of a comparison operator: {@code < <= > >= == !=}. */
  static int cmp(String op) {
    switch (op) {
      case "<":
        return LT;
      case "<=":
        return LE;
      case ">":
        return GT;
      case ">=":
        return GE;
      case "==":
        return EQ;
      case "!=":
        return NE;
      default:
        throw new IllegalArgumentException("not a comparison: " + op);
    }
  }

  /** Whether {@code c} (a comparison's result, as compareTo gives it) satisfies the operator. */
  static boolean test(int cmp, int c) {
    switch (cmp) {
      case LT:
        return c < 0;
      case LE:
        return c <= 0;
      case GT:
        return c > 0;
      case GE:
        return c >= 0;
      case EQ:
        return c == 0;
      default:
        return c != 0;
    }
  }

  // ---- leaves ----

  record Const(Object value) implements Expr {
    @Override
    public Object eval(Env env) {
      return value;
    }
  }

  record Slot(int slot) implements Expr {
    @Override
    public Object eval(Env env) {
      return env.value(slot);
    }
  }

  record Field(int up, String name) implements Expr {
    @Override
    public Object eval(Env env) {
      return env.field(up, name);
    }
  }

  record AsOf() implements Expr {
    @Override
    public Object eval(Env env) {
      return env.asOf();
    }
  }

  record ApplicationDate() implements Expr {
    @Override
    public Object eval(Env env) {
      return env.applicationDate();
    }
  }

  // ---- logic ----

  record Not(Expr operand) implements Expr {
    @Override
    public Object eval(Env env) {
      Object v = operand.eval(env);
      return v == null ? null : !(Boolean) v;
    }
  }

  record And(Expr left, Expr right) implements Expr {
    @Override
    public Object eval(Env env) {
      Object l = left.eval(env);
      if (l != null && !(Boolean) l) {
        return Boolean.FALSE;
      }
      Object r = right.eval(env);
      if (r != null && !(Boolean) r) {
        return Boolean.FALSE;
      }
      return l == null || r == null ? null : Boolean.TRUE;
    }
  }

  record Or(Expr left, Expr right) implements Expr {
    @Override
    public Object eval(Env env) {
      Object l = left.eval(env);
      if (l != null && (Boolean) l) {
        return Boolean.TRUE;
      }
      Object r = right.eval(env);
      if (r != null && (Boolean) r) {
        return Boolean.TRUE;
      }
      return l == null || r == null ? null : Boolean.FALSE;
    }
  }

  // ---- comparisons ----

  /**
   * Numbers (integers and decimals mixed).
   *
   * @param counts whether a side is a count of list items ({@link Counts#isCount}): when some items
   *     leave their condition unknown, the comparison is decided if it holds, or fails, for every
   *     count they can make
   */
  record CompareNumbers(int cmp, Expr left, Expr right, boolean counts) implements Expr {
    @Override
    public Object eval(Env env) {
      Object l = left.eval(env);
      if (l == null) {
        return counts ? Counts.compare(cmp, left, right, env) : null;
      }
      Object r = right.eval(env);
      if (r == null) {
        return counts ? Counts.compare(cmp, left, right, env) : null;
      }
      return test(cmp, compareValues(l, r));
    }
  }

  record CompareDates(int cmp, Expr left, Expr right) implements Expr {
    @Override
    public Object eval(Env env) {
      Object l = left.eval(env);
      if (l == null) {
        return null;
      }
      Object r = right.eval(env);
      return r == null ? null : test(cmp, ((LocalDate) l).compareTo((LocalDate) r));
    }
  }

  /** Levels compare by their declared order. */
  record CompareLevels(int cmp, Type type, Expr left, Expr right) implements Expr {
    @Override
    public Object eval(Env env) {
      Object l = left.eval(env);
      if (l == null) {
        return null;
      }
      Object r = right.eval(env);
      return r == null ? null : test(cmp, Integer.compare(type.ordinal((String) l), type.ordinal((String) r)));
    }
  }

  /** Equality of texts, choices, booleans and dates. */
  record Equals(boolean negate, Expr left, Expr right) implements Expr {
    @Override
    public Object eval(Env env) {
      Object l = left.eval(env);
      if (l == null) {
        return null;
      }
      Object r = right.eval(env);
      return r == null ? null : Objects.equals(l, r) != negate;
    }
  }

  record In(Expr value, Set<Object> options, boolean numeric) implements Expr {
    @Override
    public Object eval(Env env) {
      Object v = value.eval(env);
      if (v == null) {
        return null;
      }
      if (numeric) {
        for (Object o : options) {
          if (compareValues(v, o) == 0) {
            return Boolean.TRUE;
          }
        }
        return Boolean.FALSE;
      }
      return options.contains(v);
    }
  }

  // ---- arithmetic ----

  record IntegerArithmetic(char op, Expr left, Expr right) implements Expr {
    @Override
    public Object eval(Env env) {
      Object l = left.eval(env);
      if (l == null) {
        return null;
      }
      Object r = right.eval(env);
      if (r == null) {
        return null;
      }
      long a = (Long) l;
      long b = (Long) r;
      try {
        switch (op) {
          case '+':
            return Math.addExact(a, b);
          case '-':
            return Math.subtractExact(a, b);
          default:
            return Math.multiplyExact(a, b);
        }
      } catch (ArithmeticException e) {
        return null; // beyond the range of whole numbers: unknown, like a division by zero
      }
    }
  }

  record DecimalArithmetic(char op, Expr left, Expr right) implements Expr {
    @Override
    public Object eval(Env env) {
      Object l = left.eval(env);
      if (l == null) {
        return null;
      }
      Object r = right.eval(env);
      if (r == null) {
        return null;
      }
      BigDecimal a = dec(l);
      BigDecimal b = dec(r);
      switch (op) {
        case '+':
          return a.add(b);
        case '-':
          return a.subtract(b);
        case '*':
          return a.multiply(b, MathContext.DECIMAL128);
        default:
          return b.signum() == 0 ? null : a.divide(b, MathContext.DECIMAL64);
      }
    }
  }

  record Negate(Expr operand) implements Expr {
    @Override
    public Object eval(Env env) {
      Object v = operand.eval(env);
      if (v == null) {
        return null;
      }
      if (v instanceof Long) {
        long n = (Long) v;
        return n == Long.MIN_VALUE ? null : (Object) (-n);
      }
      return ((BigDecimal) v).negate();
    }
  }

  // ---- functions ----

  /** years_between, months_between, days_between. */
  record Between(char unit, Expr from, Expr to) implements Expr {
    @Override
    public Object eval(Env env) {
      Object a = from.eval(env);
      if (a == null) {
        return null;
      }
      Object b = to.eval(env);
      if (b == null) {
        return null;
      }
      LocalDate f = (LocalDate) a;
      LocalDate t = (LocalDate) b;
      switch (unit) {
        case 'y':
          return Dates.yearsBetween(f, t);
        case 'm':
          return Dates.monthsBetween(f, t);
        default:
          return Dates.daysBetween(f, t);
      }
    }
  }

  /** add_years, add_months, add_days. */
  record AddToDate(char unit, Expr date, Expr amount) implements Expr {
    @Override
    public Object eval(Env env) {
      Object d = date.eval(env);
      if (d == null) {
        return null;
      }
      Object n = amount.eval(env);
      if (n == null) {
        return null;
      }
      LocalDate day = (LocalDate) d;
      long k = (Long) n;
      try {
        switch (unit) {
          case 'y':
            return Dates.addYears(day, k);
          case 'm':
            return Dates.addMonths(day, k);
          default:
            return day.plusDays(k);
        }
      } catch (DateTimeException | ArithmeticException e) {
        return null; // beyond the calendar (year ±999,999,999): unknown
      }
    }
  }

  /** The date, or the first day after it that is not a Saturday, a Sunday or a public holiday there. */
  record WorkingDay(Expr date, String country) implements Expr {
    @Override
    public Object eval(Env env) {
      Object d = date.eval(env);
      if (d == null) {
        return null;
      }
      try {
        return Holidays.workingDay((LocalDate) d, country);
      } catch (DateTimeException e) {
        return null; // beyond the calendar: unknown
      }
    }
  }

  record Known(Expr operand) implements Expr {
    @Override
    public Object eval(Env env) {
      return operand.eval(env) != null;
    }
  }

  /** min and max of numbers or dates; unknown if any argument is unknown. */
  record Extreme(boolean max, boolean dates, List<Expr> args) implements Expr {
    @Override
    public Object eval(Env env) {
      Object best = null;
      for (Expr arg : args) {
        Object v = arg.eval(env);
        if (v == null) {
          return null;
        }
        if (best == null) {
          best = v;
          continue;
        }
        int c = dates ? ((LocalDate) v).compareTo((LocalDate) best) : compareValues(v, best);
        if (max ? c > 0 : c < 0) {
          best = v;
        }
      }
      return best;
    }
  }

  /** any / all / count over the records of a list, with the record's fields in scope. */
  static final int ANY = 0;
  static final int ALL = 1;
  static final int COUNT = 2;

  /** @param fn {@link #ANY}, {@link #ALL} or {@link #COUNT} */
  record OverList(int fn, Expr list, Expr condition) implements Expr {
    @Override
    public Object eval(Env env) {
      if (fn == COUNT) {
        Counts.Range r = range(env);
        return r == null || !r.isExact() ? null : r.least();
      }
      Object l = list.eval(env);
      if (l == null) {
        return null;
      }
      boolean unknown = false;
      for (Object item : (List<?>) l) {
        Object v = test(item, env);
        if (v == null) {
          unknown = true;
        } else if ((Boolean) v == (fn == ANY)) {
          return v; // any: one that holds; all: one that fails
        }
      }
      return unknown ? null : fn == ALL;
    }

    /**
     * For count: how many items hold at the least (those known to) and at the most (with those
     * unknown); null when the list is unknown.
     */
    Counts.Range range(Env env) {
      Object l = list.eval(env);
      if (l == null) {
        return null;
      }
      long holds = 0;
      long open = 0;
      for (Object item : (List<?>) l) {
        Object v = test(item, env);
        if (v == null) {
          open++;
        } else if ((Boolean) v) {
          holds++;
        }
      }
      return new Counts.Range(holds, holds + open);
    }

    /** The condition for one item, with its fields in scope. */
    private Object test(Object item, Env env) {
      env.pushItem(item);
      try {
        return condition.eval(env);
      } finally {
        env.popItem();
      }
    }
  }

  /** months_in(periods, [since,] statuses…): whole months spent in the statuses up to as_of. */
  record MonthsIn(Expr periods, Expr since, Set<String> statuses) implements Expr {
    @Override
    public Object eval(Env env) {
      Object l = periods.eval(env);
      if (l == null) {
        return null;
      }
      LocalDate lower = null;
      if (since != null) {
        lower = (LocalDate) since.eval(env);
        if (lower == null) {
          return null;
        }
      }
      return Periods.monthsIn(Periods.of(l), statuses, lower, env.asOf());
    }
  }

  /** continuous_since(periods, [on,] statuses…): start of the uninterrupted run covering a date. */
  record ContinuousSince(Expr periods, Expr on, Set<String> statuses) implements Expr {
    @Override
    public Object eval(Env env) {
      Object l = periods.eval(env);
      if (l == null) {
        return null;
      }
      LocalDate day = env.asOf();
      if (on != null) {
        day = (LocalDate) on.eval(env);
        if (day == null) {
          return null;
        }
      }
      return Periods.continuousSince(Periods.of(l), statuses, day);
    }
  }
}
