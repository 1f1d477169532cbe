package org.permitcheck.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.permitcheck.expr.CompiledExpr;
import org.permitcheck.rules.Fact;
import org.permitcheck.rules.Ruleset;

/**
 * Values to try for a fact with too many values to enumerate (numbers, dates, texts, lists): the
 * bounds, everyday values, and each literal the condition (or a derived fact it reads) compares with,
 * one below and one above. Used only where no exact proof exists.
 */
final class Probes {
  private static final Pattern DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2})\\b");
  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.-])(\\d+(?:\\.\\d+)?)(?![\\w.-])");

  private final Ruleset rules;

  Probes(Ruleset rules) {
    this.rules = rules;
  }

  List<Object> of(Fact fact, CompiledExpr condition, LocalDate asOf) {
    String text = sources(condition);
    List<Object> out = new ArrayList<>();
    switch (fact.type().kind()) {
      case INTEGER:
        for (BigDecimal n : numbers(fact, text)) {
          if (n.scale() <= 0 || n.stripTrailingZeros().scale() <= 0) {
            out.add(n.longValue());
          }
        }
        return out;
      case DECIMAL:
      case MONEY:
        out.addAll(numbers(fact, text));
        return out;
      case DATE:
        Set<LocalDate> dates = new LinkedHashSet<>(List.of(asOf, asOf.minusDays(1), asOf.plusDays(1),
            asOf.minusYears(1), asOf.minusYears(18), asOf.minusYears(27), asOf.minusYears(100), asOf.plusYears(100)));
        Matcher m = DATE.matcher(text);
        while (m.find()) {
          LocalDate d = LocalDate.parse(m.group(1));
          dates.addAll(List.of(d.minusDays(1), d, d.plusDays(1)));
        }
        out.addAll(dates);
        return out;
      case LIST:
      case PERIODS:
        return List.of(List.of(), List.of(Map.of()));
      default:
        return List.of("", "x");
    }
  }

  private static List<BigDecimal> numbers(Fact fact, String text) {
    Set<BigDecimal> candidates = new LinkedHashSet<>();
    for (long n : new long[] {0, 1, 12, 1_000_000, -1_000_000}) {
      candidates.add(BigDecimal.valueOf(n));
    }
    fact.min().ifPresent(candidates::add);
    fact.max().ifPresent(candidates::add);
    Matcher m = NUMBER.matcher(text.replaceAll(DATE.pattern(), " "));
    while (m.find()) {
      BigDecimal n = new BigDecimal(m.group(1));
      candidates.add(n.subtract(BigDecimal.ONE));
      candidates.add(n);
      candidates.add(n.add(BigDecimal.ONE));
    }
    List<BigDecimal> out = new ArrayList<>();
    for (BigDecimal n : candidates) {
      boolean inRange = fact.min().map(min -> n.compareTo(min) >= 0).orElse(true)
          && fact.max().map(max -> n.compareTo(max) <= 0).orElse(true);
      if (inRange) {
        out.add(n);
      }
    }
    return out;
  }

  /** The condition's source and those of the derived facts it reads, transitively. */
  private String sources(CompiledExpr condition) {
    StringBuilder out = new StringBuilder();
    Set<String> seen = new LinkedHashSet<>();
    List<CompiledExpr> todo = new ArrayList<>(List.of(condition));
    while (!todo.isEmpty()) {
      CompiledExpr e = todo.remove(todo.size() - 1);
      out.append(e.source()).append('\n');
      for (String name : e.reads()) {
        if (rules.derived().containsKey(name) && seen.add(name)) {
          todo.add(rules.derived().get(name).expr());
        }
      }
    }
    return out.toString();
  }
}
