package org.permitcheck.report;

import java.math.BigDecimal;
import java.util.List;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.expr.Type;
import org.permitcheck.rules.Fact;

/** Formats fact values for text output. */
public final class Values {
  private Values() {}

  /**
   * A value of {@code fact}: an amount of money with its currency, or a date, as the language writes
   * it; {@code fact} is null for a derived fact, whose value has no currency.
   */
  public static String format(Fact fact, Object v, Messages m, boolean redact) {
    if (!redact && v instanceof BigDecimal && fact != null && fact.type().kind() == Type.Kind.MONEY) {
      return m.money((BigDecimal) v, fact.type().currency());
    }
    return format(v, m, redact);
  }

  public static String format(Object v, Messages m, boolean redact) {
    if (v == null) {
      return "?";
    }
    if (redact) {
      return m.get("value.redacted");
    }
    if (v instanceof Boolean) {
      return (Boolean) v ? m.get("value.yes") : m.get("value.no");
    }
    if (v instanceof BigDecimal) {
      return m.number((BigDecimal) v);
    }
    if (v instanceof java.time.LocalDate) {
      return m.date((java.time.LocalDate) v);
    }
    if (v instanceof List) {
      int n = ((List<?>) v).size();
      return n == 0 ? m.get("value.none") : n == 1 ? m.get("value.one_item") : m.get("value.items", n);
    }
    return Diagnostic.printable(v.toString()); // a text fact must not act on the terminal
  }
}
