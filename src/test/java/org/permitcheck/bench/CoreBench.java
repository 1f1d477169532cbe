package org.permitcheck.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.permitcheck.batch.Item;
import org.permitcheck.batch.Job;
import org.permitcheck.cases.Case;
import org.permitcheck.cases.CaseReader;
import org.permitcheck.diag.SourceText;
import org.permitcheck.engine.Evaluation;
import org.permitcheck.engine.Evaluator;
import org.permitcheck.engine.Scope;
import org.permitcheck.report.JsonRenderer;
import org.permitcheck.report.OutputOptions;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;
import org.permitcheck.tree.Limits;
import org.permitcheck.tree.TreeReader;

/**
 * A timed loop over the core, warm, in one thread: loading and compiling the rules, then each stage
 * of a batch (Jackson parse floor, our tree, typing the case, evaluating, timeline, rendering).
 * {@code CoreBench RULES CASES.ndjson [N]}. Prints medians of several rounds.
 */
public final class CoreBench {
  private CoreBench() {}

  public static void main(String[] args) throws Exception {
    String rulesText = Files.readString(Path.of(args[0]));
    List<String> lines = Files.readAllLines(Path.of(args[1]));
    int n = Math.min(lines.size(), args.length > 2 ? Integer.parseInt(args[2]) : 20_000);
    lines = lines.subList(0, n);

    double load = median(30, () -> RulesLoader.load(new SourceText("rules.yaml", rulesText)));
    Ruleset rules = RulesLoader.load(new SourceText("rules.yaml", rulesText)).value().get();
    String rulesJson = org.permitcheck.tree.TreeWriter.json(
        TreeReader.yaml(Limits.RULES).read(new SourceText("rules.yaml", rulesText)).root().get());
    double loadJson = median(30, () -> RulesLoader.loadJson(new SourceText("rules.json", rulesJson), rules.sha256()));
    System.out.printf("rules: %d permits, %d facts; load + check + compile, warm (median of 30): %.2f ms from YAML,"
        + " %.2f ms from the bundled JSON form%n", rules.permits().size(), rules.facts().size(), load * 1e3,
        loadJson * 1e3);

    LocalDate today = LocalDate.of(2026, 11, 22);
    CaseReader reader = new CaseReader(rules, today);
    Evaluator noTimeline = new Evaluator(rules, java.time.Period.ZERO);
    Evaluator withTimeline = new Evaluator(rules);
    JsonRenderer json = new JsonRenderer(rules, OutputOptions.DEFAULT, false, false);
    TreeReader parser = TreeReader.forName("x.json", Limits.CASE);
    ObjectMapper mapper = new ObjectMapper();
    List<Case> cases = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cases.add(Job.read(reader, new Item.Line("b", i + 1, lines.get(i).getBytes(StandardCharsets.UTF_8))).value().get());
    }
    List<String> input = lines;
    List<byte[]> bytes = lines.stream().map(l -> l.getBytes(StandardCharsets.UTF_8)).toList();
    long permits = cases.stream().mapToLong(c -> noTimeline.permitsFor(c, Scope.ALL).size()).sum();

    double floor = median(7, () -> bytes.forEach(b -> {
      try {
        mapper.readTree(b);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }));
    double tree = median(7, () -> input.forEach(l -> parser.read(new SourceText("b", l))));
    double typed = median(7, () -> {
      for (int i = 0; i < input.size(); i++) {
        SourceText source = new SourceText("b", input.get(i), i + 1);
        reader.read(source, parser.read(source).root().get(), "b:" + (i + 1));
      }
    });
    double fast = median(7, () -> {
      for (int i = 0; i < bytes.size(); i++) {
        Job.read(reader, new Item.Line("b", i + 1, bytes.get(i)));
      }
    });
    double eval = median(7, () -> cases.forEach(c -> noTimeline.evaluate(c, c.asOf().orElse(today), Scope.ALL)));
    double timeline = median(7, () -> cases.forEach(c -> withTimeline.evaluate(c, c.asOf().orElse(today), Scope.ALL)));
    double topLevel = median(7, () -> cases.forEach(c -> withTimeline.evaluate(c, c.asOf().orElse(today), Scope.ALL, true)));
    List<Evaluation> evaluations = cases.stream().map(c -> withTimeline.evaluate(c, c.asOf().orElse(today), Scope.ALL)).toList();
    double render = median(7, () -> evaluations.forEach(e -> json.render(e, List.of())));

    System.out.printf("%d cases, %d permit evaluations%n", n, permits);
    row("Jackson readTree (floor)", floor, n, floor);
    row("our positioned tree", tree, n, floor);
    row("tree + typed case", typed, n, floor);
    row("streamed typed case (NDJSON)", fast, n, floor);
    row("evaluate (no timeline)", eval, n, floor);
    row("evaluate with timeline", timeline, n, floor);
    row("evaluate, top level only", topLevel, n, floor);
    row("render compact JSON", render, n, floor);
    System.out.printf("one permit evaluation: %.2f µs (without timeline), %.2f µs (with)%n",
        eval / permits * 1e6, timeline / permits * 1e6);
    System.out.printf("timeline cost: %.2f× the plain evaluation%n", timeline / eval);
  }

  static void row(String what, double seconds, int n, double floor) {
    System.out.printf("  %-26s %8.0f cases/s  %6.2f µs/case  %5.2f× floor%n", what, n / seconds, seconds / n * 1e6,
        seconds / floor);
  }

  interface Body {
    void run() throws Exception;
  }

  static double median(int rounds, Body body) throws Exception {
    for (int i = 0; i < 3; i++) {
      body.run();
    }
    double[] t = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long s = System.nanoTime();
      body.run();
      t[i] = (System.nanoTime() - s) / 1e9;
    }
    Arrays.sort(t);
    return t[rounds / 2];
  }
}
