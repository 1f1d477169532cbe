package org.permitcheck.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.diag.SourceText;
import org.permitcheck.expr.Symbols;
import org.permitcheck.tree.Limits;
import org.permitcheck.tree.ListNode;
import org.permitcheck.tree.MapNode;
import org.permitcheck.tree.Node;
import org.permitcheck.tree.NodeReader;
import org.permitcheck.tree.TreeReader;
import org.permitcheck.tree.TreeWriter;

/**
 * The form in which the program bundles its ruleset, made at build time from a rules file without
 * errors: JSON (no YAML parser at start-up), split so that a command reads only what it needs. The
 * core is the rules file with each country's {@code permits} reduced to the permit ids; the permits
 * of each country are a JSON list of their own, read when first needed (a case of one country reads
 * only that country's permits).
 */
public final class RulesBundle {
  /** The key of the core in {@link #split}'s result; the other keys are country codes. */
  public static final String CORE = "";

  private RulesBundle() {}

  /** The core and each country's permits, as JSON texts: {@link #CORE} first, then by country code. */
  public static Map<String, String> split(MapNode rules) {
    Map<String, String> out = new LinkedHashMap<>();
    List<MapNode.Entry> core = new ArrayList<>();
    Map<String, Node> permits = new LinkedHashMap<>();
    for (MapNode.Entry e : rules.entries()) {
      if (!e.key().equals("countries")) {
        core.add(e);
        continue;
      }
      List<MapNode.Entry> countries = new ArrayList<>();
      for (MapNode.Entry c : ((MapNode) e.value()).entries()) {
        List<MapNode.Entry> country = new ArrayList<>();
        for (MapNode.Entry k : ((MapNode) c.value()).entries()) {
          if (k.key().equals("permits")) {
            permits.put(c.key(), k.value());
            k = new MapNode.Entry(k.key(), k.keyPos(), ids((ListNode) k.value()));
          }
          country.add(k);
        }
        countries.add(new MapNode.Entry(c.key(), c.keyPos(), new MapNode(country, c.value().pos())));
      }
      core.add(new MapNode.Entry(e.key(), e.keyPos(), new MapNode(countries, e.value().pos())));
    }
    out.put(CORE, TreeWriter.json(new MapNode(core, rules.pos())));
    permits.forEach((code, list) -> out.put(code, TreeWriter.json(list)));
    return out;
  }

  private static ListNode ids(ListNode permits) {
    List<Node> ids = new ArrayList<>();
    for (Node p : permits.items()) {
      ids.add(((MapNode) p).get("id").orElseThrow());
    }
    return new ListNode(ids, permits.pos());
  }

  /**
   * Loads the bundled ruleset: {@code core} is its core, {@code permitsOf} gives the JSON text of a
   * country's permits. {@code sha256} is that of the original rules text.
   */
  public static Checked<Ruleset> load(SourceText core, Function<String, SourceText> permitsOf, String sha256) {
    return RulesLoader.load(core, TreeReader.json(Limits.RULES), sha256, Optional.of(permitsOf));
  }

  /**
   * Reads the permits of one country. They were checked when the bundle was built, so a problem here
   * means a broken build, not a mistake of the user's.
   */
  static List<Permit> permits(SourceText source, String country, List<String> languages, Symbols symbols) {
    TreeReader.Result parsed = TreeReader.json(Limits.RULES).read(source);
    NodeReader reader = new NodeReader(source);
    List<Permit> permits = List.of();
    if (parsed.root().isPresent()) {
      permits = new PermitReader(reader, new TextReader(reader, new LinkedHashSet<>(languages)), symbols)
          .permits(country, reader.items(parsed.root().get(), "the permits of " + country));
    }
    List<Diagnostic> problems = new ArrayList<>(parsed.diagnostics());
    problems.addAll(reader.diagnostics());
    problems.removeIf(d -> !d.isError());
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the bundled permits of " + country + " do not load: " + problems.get(0).render());
    }
    return permits;
  }
}
