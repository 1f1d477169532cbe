package org.permitcheck.expr;

/**
 * Comparisons with a count of list items whose condition some items leave unknown, in three-valued
 * logic with bounds: the count lies between the items known to hold and those plus the unknown ones,
 * and {@code count(children, in_school) >= 1} is true as soon as one child is known to be in school,
 * whatever the others, as {@code any(children, in_school)} is.
 */
final class Counts {
  private Counts() {}

  /**
   * The values a number can have: one when it is known, from {@code least} to {@code most} for a
   * count whose items are partly unknown.
   */
  record Range(Object least, Object most) {
    Range(long least, long most) {
      this((Object) least, (Object) most);
    }

    boolean isExact() {
      return least.equals(most);
    }
  }

  /** Whether {@code e} is a count of list items, itself or as the expression of a derived fact. */
  static boolean isCount(Expr e, Symbols symbols) {
    Expr root = CriticalDates.derivedRoot(e, symbols);
    return root instanceof Nodes.OverList && ((Nodes.OverList) root).fn() == Nodes.COUNT;
  }

  /**
   * The range of a side of a comparison: a count's, else the side's one value; null when unknown
   * (a list or a fact that is not given).
   */
  static Range range(Expr e, Env env) {
    Expr root = CriticalDates.derivedRoot(e, env.symbols());
    if (root instanceof Nodes.OverList && ((Nodes.OverList) root).fn() == Nodes.COUNT) {
      return ((Nodes.OverList) root).range(env);
    }
    Object v = e.eval(env);
    return v == null ? null : new Range(v, v);
  }

  /**
   * {@code left op right} where either side may be a count: true when it holds for every pair of
   * values the two sides can have, false when it fails for every pair, else null (unknown).
   */
  static Boolean compare(int cmp, Expr left, Expr right, Env env) {
    Range l = range(left, env);
    if (l == null) {
      return null;
    }
    Range r = range(right, env);
    if (r == null) {
      return null;
    }
    // every pair compares as something between these two
    int most = Nodes.compareValues(l.most(), r.least());
    int least = Nodes.compareValues(l.least(), r.most());
    switch (cmp) {
      case Nodes.LT:
        return most < 0 ? Boolean.TRUE : least >= 0 ? Boolean.FALSE : null;
      case Nodes.LE:
        return most <= 0 ? Boolean.TRUE : least > 0 ? Boolean.FALSE : null;
      case Nodes.GT:
        return least > 0 ? Boolean.TRUE : most <= 0 ? Boolean.FALSE : null;
      case Nodes.GE:
        return least >= 0 ? Boolean.TRUE : most < 0 ? Boolean.FALSE : null;
      case Nodes.EQ:
        return most == 0 && least == 0 ? Boolean.TRUE : most < 0 || least > 0 ? Boolean.FALSE : null;
      default:
        return most == 0 && least == 0 ? Boolean.FALSE : most < 0 || least > 0 ? Boolean.TRUE : null;
    }
  }
}
