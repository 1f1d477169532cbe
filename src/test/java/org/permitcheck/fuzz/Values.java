package org.permitcheck.fuzz;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.permitcheck.expr.Type;

/** Fact values of a type for the fuzz targets: none, ordinary ones, and the extremes a case can give. */
final class Values {
  /** 0: ordinary values; 1: extremes; 2: extremes, evaluated on the last day of the calendar; 3: unknown. */
  static final int VARIANTS = 4;

  private Values() {}

  static Optional<Object> sample(Type type, int variant) {
    if (variant == 3) {
      return Optional.empty();
    }
    boolean extreme = variant > 0;
    switch (type.kind()) {
      case BOOLEAN:
        return Optional.of(!extreme);
      case INTEGER:
        return Optional.of(extreme ? Long.MAX_VALUE : 7L);
      case DECIMAL:
      case MONEY:
        return Optional.of(extreme ? new BigDecimal("999999999999999.9999999999") : new BigDecimal("1250.50"));
      case DATE:
        return Optional.of(extreme ? LocalDate.MIN : LocalDate.of(2015, 2, 28));
      case ENUM:
      case LEVEL:
        return type.values().isEmpty() ? Optional.empty()
            : Optional.of(type.values().get(extreme ? type.values().size() - 1 : 0));
      case LIST:
      case PERIODS:
        return Optional.of(List.of(record(type, variant), record(type, variant)));
      default:
        return Optional.of(extreme ? "x".repeat(1000) : "text");
    }
  }

  private static Map<String, Object> record(Type type, int variant) {
    Map<String, Object> r = new LinkedHashMap<>();
    type.fields().forEach((name, t) -> sample(t, variant).ifPresent(v -> r.put(name, v)));
    if (type.kind() == Type.Kind.PERIODS) {
      r.put("from", variant > 0 ? LocalDate.MIN : LocalDate.of(2016, 1, 1));
      if (variant == 0) {
        r.put("to", LocalDate.of(2019, 12, 31));
      }
    }
    return r;
  }
}
