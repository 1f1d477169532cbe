package org.permitcheck.expr;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.permitcheck.diag.Suggest;

/** Type rules and compiled nodes for the binary operators. */
final class Operators {
  private Operators() {}

  static ExprCompiler.Typed binary(ExprCompiler c, Ast.Binary b) {
    if (b.op().equals("in")) {
      return in(c, b);
    }
    ExprCompiler.Typed l = c.check(b.left());
    ExprCompiler.Typed r = c.check(b.right());
    if (l.type().isError() || r.type().isError()) {
      return ExprCompiler.ERROR;
    }
    switch (b.op()) {
      case "and":
      case "or":
        return logic(c, b, l, r);
      case "+":
      case "-":
      case "*":
      case "/":
        return arithmetic(c, b, l, r);
      default:
        return comparison(c, b, l, r);
    }
  }

  private static ExprCompiler.Typed logic(
      ExprCompiler c, Ast.Binary b, ExprCompiler.Typed l, ExprCompiler.Typed r) {
    boolean ok = true;
    if (l.type().kind() != Type.Kind.BOOLEAN) {
      c.error(b.left(), "'" + b.op() + "' needs a condition on its left, found " + l.type().describe(),
          conditionHint(b.left(), l.type()));
      ok = false;
    }
    if (r.type().kind() != Type.Kind.BOOLEAN) {
      c.error(b.right(), "'" + b.op() + "' needs a condition on its right, found " + r.type().describe(),
          conditionHint(b.right(), r.type()));
      ok = false;
    }
    if (!ok) {
      return ExprCompiler.ERROR;
    }
    Expr e = b.op().equals("and") ? new Nodes.And(l.expr(), r.expr()) : new Nodes.Or(l.expr(), r.expr());
    return new ExprCompiler.Typed(e, Type.BOOLEAN);
  }

  private static ExprCompiler.Typed arithmetic(
      ExprCompiler c, Ast.Binary b, ExprCompiler.Typed l, ExprCompiler.Typed r) {
    if (l.type().kind() == Type.Kind.DATE || r.type().kind() == Type.Kind.DATE) {
      c.error(b, "'" + b.op() + "' cannot be applied to dates",
          "use add_days/add_months/add_years to move a date, days_between/months_between/years_between to measure");
      return ExprCompiler.ERROR;
    }
    if (!l.type().isNumeric() || !r.type().isNumeric()) {
      Ast bad = l.type().isNumeric() ? b.right() : b.left();
      Type badType = l.type().isNumeric() ? r.type() : l.type();
      c.error(bad, "'" + b.op() + "' needs numbers, found " + badType.describe(),
          "compute with integer, decimal or money facts only, e.g. de_current_duldung_months + de_duldung_months_before_60b");
      return ExprCompiler.ERROR;
    }
    char op = b.op().charAt(0);
    boolean integers = l.type().kind() == Type.Kind.INTEGER && r.type().kind() == Type.Kind.INTEGER;
    if (integers && op != '/') {
      return new ExprCompiler.Typed(new Nodes.IntegerArithmetic(op, l.expr(), r.expr()), Type.INTEGER);
    }
    Type result = Type.DECIMAL;
    if (l.type().kind() == Type.Kind.MONEY) {
      result = l.type();
    } else if (r.type().kind() == Type.Kind.MONEY && op != '/') {
      result = r.type();
    }
    return new ExprCompiler.Typed(new Nodes.DecimalArithmetic(op, l.expr(), r.expr()), result);
  }

  private static ExprCompiler.Typed comparison(
      ExprCompiler c, Ast.Binary b, ExprCompiler.Typed l, ExprCompiler.Typed r) {
    String op = b.op();
    boolean equality = op.equals("==") || op.equals("!=");
    Type lt = l.type();
    Type rt = r.type();
    if (lt.isNumeric() && rt.isNumeric()) {
      boolean counts = Counts.isCount(l.expr(), c.symbols) || Counts.isCount(r.expr(), c.symbols);
      return bool(new Nodes.CompareNumbers(Nodes.cmp(op), l.expr(), r.expr(), counts));
    }
    if (lt.kind() == Type.Kind.DATE && rt.kind() == Type.Kind.DATE) {
      return bool(new Nodes.CompareDates(Nodes.cmp(op), l.expr(), r.expr()));
    }
    if (lt.isChoice() || rt.isChoice()) {
      return choiceComparison(c, b, l, r);
    }
    if (equality && lt.kind() == rt.kind()
        && (lt.kind() == Type.Kind.TEXT || lt.kind() == Type.Kind.BOOLEAN)) {
      return bool(new Nodes.Equals(op.equals("!="), l.expr(), r.expr()));
    }
    if (!equality && lt.kind() == rt.kind() && (lt.kind() == Type.Kind.TEXT || lt.kind() == Type.Kind.BOOLEAN)) {
      c.error(b, "'" + op + "' cannot order " + lt.describe(), "use '==' or '!='");
      return ExprCompiler.ERROR;
    }
    c.error(b, "cannot compare " + lt.describe() + " with " + rt.describe(), hintForMismatch(lt, rt));
    return ExprCompiler.ERROR;
  }

  /** How to make a condition of a number, a date or a value, e.g. "compare it: n >= 1". */
  private static String conditionHint(Ast operand, Type type) {
    if (type.kind() == Type.Kind.ERROR) {
      return "";
    }
    String name = operand instanceof Ast.Name ? ((Ast.Name) operand).name() : "the value";
    if (type.isNumeric()) {
      return "compare it with a number, e.g. " + name + " >= 1";
    }
    if (type.kind() == Type.Kind.DATE) {
      return "compare it with a date, e.g. " + name + " <= 2024-03-01";
    }
    if (type.isChoice()) {
      return hintForChoice(type, "==");
    }
    if (type.isRecords()) {
      return "use any(" + name + ", …), all(" + name + ", …) or count(" + name + ", …) to look into a list";
    }
    return "compare it with a text in quotes, e.g. " + name + " == '…'";
  }

  private static String hintForMismatch(Type a, Type b) {
    if (a.kind() == Type.Kind.DATE && b.isNumeric() || b.kind() == Type.Kind.DATE && a.isNumeric()) {
      return "to compare a length of time, count it first, e.g. months_between(since, as_of) >= 72"
          + " (or years_between, days_between)";
    }
    if (a.kind() == Type.Kind.DATE || b.kind() == Type.Kind.DATE) {
      return "dates are written without quotes, e.g. 2008-03-18";
    }
    if (a.isRecords() || b.isRecords()) {
      return "use any(…), all(…) or count(…) to look into a list";
    }
    if (a.kind() == Type.Kind.BOOLEAN || b.kind() == Type.Kind.BOOLEAN) {
      return "a yes/no fact is a condition by itself: write it alone, or 'not' before it";
    }
    if (a.isNumeric() && b.kind() == Type.Kind.TEXT || b.isNumeric() && a.kind() == Type.Kind.TEXT) {
      return "numbers are written without quotes, e.g. 18";
    }
    return "compare values of the same kind";
  }

  /** An example of the comparison that works: the choice against one of its values, in quotes. */
  private static String hintForChoice(Type choice, String op) {
    List<String> values = choice.values();
    boolean ordered = choice.kind() == Type.Kind.LEVEL;
    String value = values.get(ordered ? Math.min(2, values.size() - 1) : 0);
    return "compare with one of its values in quotes, e.g. " + choice.name() + " "
        + (ordered ? op : "==") + " '" + value + "'";
  }

  private static ExprCompiler.Typed choiceComparison(
      ExprCompiler c, Ast.Binary b, ExprCompiler.Typed l, ExprCompiler.Typed r) {
    String op = b.op();
    boolean equality = op.equals("==") || op.equals("!=");
    Type choice = l.type().isChoice() ? l.type() : r.type();
    Ast otherAst = l.type().isChoice() ? b.right() : b.left();
    Type other = l.type().isChoice() ? r.type() : l.type();
    if (other.kind() == Type.Kind.TEXT) {
      if (!(otherAst instanceof Ast.Literal)) {
        c.error(b, "cannot compare " + choice.describe() + " with a text fact", "compare with a value in quotes");
        return ExprCompiler.ERROR;
      }
      if (!checkValue(c, otherAst, choice)) {
        return ExprCompiler.ERROR;
      }
    } else if (!other.equals(choice)) {
      c.error(b, "cannot compare " + choice.describe() + " with " + other.describe(), hintForChoice(choice, op));
      return ExprCompiler.ERROR;
    }
    if (equality) {
      return bool(new Nodes.Equals(op.equals("!="), l.expr(), r.expr()));
    }
    if (choice.kind() != Type.Kind.LEVEL) {
      c.error(b, "the values of '" + choice.name() + "' have no order, so '" + op + "' cannot be used",
          "use '==', '!=' or 'in', or declare the fact as a level");
      return ExprCompiler.ERROR;
    }
    return bool(new Nodes.CompareLevels(Nodes.cmp(op), choice, l.expr(), r.expr()));
  }

  /** Checks that a text literal is one of a choice's values; reports it at the literal otherwise. */
  static boolean checkValue(ExprCompiler c, Ast literal, Type choice) {
    String value = (String) ((Ast.Literal) literal).value();
    if (choice.ordinal(value) >= 0) {
      return true;
    }
    String hint = Suggest.didYouMean(value, choice.values());
    if (hint.isEmpty()) {
      hint = "allowed: " + quoteAll(choice.values());
    }
    c.error(literal, "'" + value + "' is not a value of '" + choice.name() + "'", hint);
    return false;
  }

  /** An example item of a list after 'in' for a value of type {@code t}. */
  private static String itemExample(Type t) {
    if (t.isChoice()) {
      return ", in quotes, e.g. '" + t.values().get(0) + "'";
    }
    return t.kind() == Type.Kind.DATE ? ", e.g. 2008-03-18" : t.isNumeric() ? ", without quotes, e.g. 18" : ", in quotes";
  }

  static String quoteAll(Iterable<String> values) {
    StringBuilder out = new StringBuilder();
    for (String v : values) {
      if (out.length() > 0) {
        out.append(", ");
      }
      out.append('\'').append(v).append('\'');
    }
    return out.toString();
  }

  private static ExprCompiler.Typed in(ExprCompiler c, Ast.Binary b) {
    ExprCompiler.Typed l = c.check(b.left());
    if (!(b.right() instanceof Ast.ListLiteral)) {
      c.error(b.right(), "'in' needs a list of values in brackets", "e.g. \"status in ['duldung', 'gestattung']\"");
      return ExprCompiler.ERROR;
    }
    if (l.type().isError()) {
      return ExprCompiler.ERROR;
    }
    Type t = l.type();
    if (t.kind() == Type.Kind.BOOLEAN) {
      c.error(b, "'in' does not apply to a condition (true or false)",
          "use the condition itself, or 'not' before it: e.g. \"has_passport\" or \"not convicted\"");
      return ExprCompiler.ERROR;
    }
    Set<Object> options = new LinkedHashSet<>();
    boolean ok = true;
    for (Ast item : ((Ast.ListLiteral) b.right()).items()) {
      if (!(item instanceof Ast.Literal)) {
        c.error(item, "the list after 'in' may only hold values written out",
            "write the values themselves, e.g. \"de_status in ['duldung', 'gestattung']\"; to compare with a fact, use '=='");
        ok = false;
        continue;
      }
      Ast.Literal lit = (Ast.Literal) item;
      boolean fits =
          (t.isNumeric() && lit.type().isNumeric())
              || (t.kind() == Type.Kind.DATE && lit.type().kind() == Type.Kind.DATE)
              || ((t.isChoice() || t.kind() == Type.Kind.TEXT) && lit.type().kind() == Type.Kind.TEXT);
      if (!fits) {
        c.error(item, "this list item is " + lit.type().describe() + ", but the value is " + t.describe(),
            "write every item as " + t.describe() + itemExample(t));
        ok = false;
      } else if (t.isChoice() && !checkValue(c, item, t)) {
        ok = false;
      } else {
        options.add(lit.value());
      }
    }
    if (!ok) {
      return ExprCompiler.ERROR;
    }
    return bool(new Nodes.In(l.expr(), Set.copyOf(options), t.isNumeric()));
  }

  private static ExprCompiler.Typed bool(Expr e) {
    return new ExprCompiler.Typed(e, Type.BOOLEAN);
  }
}
