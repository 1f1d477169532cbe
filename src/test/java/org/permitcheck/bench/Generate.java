package org.permitcheck.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.permitcheck.cases.Case;
import org.permitcheck.cases.CaseReader;
import org.permitcheck.diag.SourceText;
import org.permitcheck.expr.Type;
import org.permitcheck.rules.Country;
import org.permitcheck.rules.Fact;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;

/**
 * Writes N synthetic but valid cases for a ruleset, from its fact declarations, with a fixed seed:
 * {@code Generate RULES N ndjson FILE} or {@code Generate RULES N yaml DIR}. About one fact in ten is
 * left out, so that every verdict occurs.
 */
public final class Generate {
  private Generate() {}

  public static void main(String[] args) throws IOException {
    Ruleset rules = RulesLoader.load(new SourceText(args[0], Files.readString(Path.of(args[0])))).value()
        .orElseThrow(() -> new IllegalArgumentException("the rules have errors: run permitcheck check"));
    int n = Integer.parseInt(args[1]);
    Random random = new Random(20261122L);
    if (args[2].equals("ndjson")) {
      try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8)) {
        for (int i = 0; i < n; i++) {
          out.write(json(rules, random, i));
          out.write('\n');
        }
      }
    } else {
      Path dir = Path.of(args[3]);
      for (int i = 0; i < n; i++) {
        Path sub = dir.resolve(String.format("%03d", i / 1000));
        Files.createDirectories(sub);
        Files.writeString(sub.resolve(String.format("case-%07d.yaml", i)), yaml(rules, random, i));
      }
    }
  }

  static String country(Ruleset rules, Random r) {
    List<Country> cs = rules.countries();
    return cs.get(r.nextInt(cs.size())).code();
  }

  /** A generated case: its NDJSON line, and the case a reader reads from it. */
  public record Read(String line, Case value) {}

  /** Generates case {@code i} as {@link #json} does and reads it as line {@code i + 1} of x.ndjson. */
  public static Read read(Ruleset rules, CaseReader reader, Random r, int i) {
    String line = json(rules, r, i);
    return new Read(line, reader.readLine(line.getBytes(StandardCharsets.UTF_8), "x.ndjson", i + 1).value().get());
  }

  public static String json(Ruleset rules, Random r, int i) {
    String country = country(rules, r);
    StringBuilder s = new StringBuilder("{\"id\":\"case-").append(i).append("\",\"country\":\"").append(country)
        .append("\",\"as_of\":\"2026-11-22\",\"facts\":{");
    boolean first = true;
    for (Fact f : rules.facts().values()) {
      if (!f.appliesTo(country) || r.nextInt(10) == 0) {
        continue;
      }
      s.append(first ? "" : ",").append('"').append(f.name()).append("\":").append(value(f, r, true));
      first = false;
    }
    return s.append("}}").toString();
  }

  public static String yaml(Ruleset rules, Random r, int i) {
    String country = country(rules, r);
    StringBuilder s = new StringBuilder("id: case-").append(i).append("\ncountry: ").append(country)
        .append("\nas_of: 2026-11-22\nfacts:\n");
    for (Fact f : rules.facts().values()) {
      if (!f.appliesTo(country) || r.nextInt(10) == 0) {
        continue;
      }
      s.append("  ").append(f.name()).append(": ").append(value(f, r, false)).append('\n');
    }
    return s.toString();
  }

  static String value(Fact f, Random r, boolean json) {
    Type t = f.type();
    String q = json ? "\"" : "";
    switch (t.kind()) {
      case BOOLEAN:
        return String.valueOf(r.nextBoolean());
      case INTEGER:
        long min = f.min().map(BigDecimal::longValue).orElse(0L);
        long max = f.max().map(BigDecimal::longValue).orElse(min + 120);
        return String.valueOf(min + r.nextInt((int) Math.max(1, Math.min(max - min + 1, 121))));
      case DECIMAL:
      case MONEY:
        return BigDecimal.valueOf(r.nextInt(400_000), 2).toPlainString();
      case DATE:
        return q + date(r) + q;
      case ENUM:
      case LEVEL:
        return q + t.values().get(r.nextInt(t.values().size())) + q;
      case LIST:
        return items(f, r, json);
      case PERIODS:
        return periods(t, r, json);
      default:
        return q + "text " + r.nextInt(1000) + q;
    }
  }

  static LocalDate date(Random r) {
    return LocalDate.of(1960, 1, 1).plusDays(r.nextInt(24_000));
  }

  static String items(Fact f, Random r, boolean json) {
    int n = r.nextInt(4);
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      s.append(i > 0 ? ", " : "").append('{');
      boolean first = true;
      for (Fact field : f.fields().values()) {
        String key = json ? "\"" + field.name() + "\"" : field.name();
        s.append(first ? "" : ", ").append(key).append(": ").append(value(field, r, json));
        first = false;
      }
      s.append('}');
    }
    return s.append(']').toString();
  }

  static String periods(Type t, Random r, boolean json) {
    String q = json ? "\"" : "";
    LocalDate from = LocalDate.of(2012, 1, 1).plusDays(r.nextInt(2000));
    int n = 1 + r.nextInt(3);
    StringBuilder s = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      LocalDate to = from.plusDays(30 + r.nextInt(900));
      String status = t.values().get(r.nextInt(t.values().size()));
      String k = json ? "\"" : "";
      s.append(i > 0 ? ", " : "").append("{").append(k).append("status").append(k).append(": ").append(q).append(status)
          .append(q).append(", ").append(k).append("from").append(k).append(": ").append(q).append(from).append(q);
      if (i < n - 1) {
        s.append(", ").append(k).append("to").append(k).append(": ").append(q).append(to).append(q);
      }
      s.append('}');
      from = to.plusDays(1);
    }
    return s.append(']').toString();
  }
}
