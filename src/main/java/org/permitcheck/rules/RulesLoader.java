package org.permitcheck.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.diag.SourceText;
import org.permitcheck.expr.Symbols;
import org.permitcheck.tree.Limits;
import org.permitcheck.tree.MapNode;
import org.permitcheck.tree.Node;
import org.permitcheck.tree.NodeReader;
import org.permitcheck.tree.Pos;
import org.permitcheck.tree.TreeReader;

/**
 * Reads a rules file into a validated, compiled {@link Ruleset}. Every problem of the file is
 * reported at once, each at its line and column; a file with any error yields no ruleset.
 */
public final class RulesLoader {
  static final List<String> ROOT_KEYS =
      List.of("ruleset", "version", "reviewed", "languages", "facts", "derived", "countries");
  static final List<String> REQUIRED_LANGUAGES = List.of("en", "fr");

  private RulesLoader() {}

  public static Checked<Ruleset> load(SourceText source) {
    return load(source, TreeReader.yaml(Limits.RULES), sha256(source.text()));
  }

  /**
   * Loads rules that were converted to JSON at build time (the bundled ruleset): no YAML parser is
   * needed at start-up. {@code sha256} is that of the original rules text.
   */
  public static Checked<Ruleset> loadJson(SourceText json, String sha256) {
    return load(json, TreeReader.json(Limits.RULES), sha256);
  }

  private static Checked<Ruleset> load(SourceText source, TreeReader treeReader, String sha256) {
    return load(source, treeReader, sha256, Optional.empty());
  }

  /**
   * Reads a rules document. With {@code permitsOf}, the document is the core of the bundled form
   * ({@link RulesBundle}): each country lists only its permit ids, and {@code permitsOf} gives the text
   * of a country's permits, which are read when first needed.
   */
  static Checked<Ruleset> load(SourceText source, TreeReader treeReader, String sha256,
      Optional<Function<String, SourceText>> permitsOf) {
    TreeReader.Result parsed = treeReader.read(source);
    if (parsed.root().isEmpty()) {
      List<Diagnostic> d = new ArrayList<>(parsed.diagnostics());
      if (d.isEmpty()) {
        d.add(Diagnostic.error(source.name(), 1, 0, "the rules file is empty")
            .withHint("a rules file starts with 'ruleset:', 'version:' and 'reviewed:'"));
      }
      return Checked.failed(d.stream().map(RulesLoader::forRulesFile).map(RulesLoader::stopsHere).toList());
    }
    // a tree with problems (a duplicate key, of which the first is kept; a second document) is still
    // checked, so that every other problem is reported at once
    NodeReader reader = new NodeReader(source);
    parsed.diagnostics().forEach(d -> reader.add(forRulesFile(d)));
    Optional<MapNode> root = reader.map(parsed.root().get(), "the rules file");
    Optional<Ruleset> ruleset = root.isPresent() ? read(reader, root.get(), sha256, permitsOf) : Optional.empty();
    List<Diagnostic> sorted = Diagnostic.sorted(reader.diagnostics());
    if (reader.hasErrors()) {
      return Checked.failed(sorted);
    }
    return new Checked<>(ruleset, sorted);
  }

  private static Optional<Ruleset> read(NodeReader reader, MapNode root, String sha256,
      Optional<Function<String, SourceText>> permitsOf) {
    reader.onlyKeys(root, ROOT_KEYS, "the rules file");
    String name = reader.requiredString(root, "ruleset", "the rules file", "'ruleset'").orElse("");
    String version = reader.requiredString(root, "version", "the rules file", "'version'").orElse("");
    LocalDate reviewed = reader.requiredDate(root, "reviewed", "the rules file", "'reviewed'").orElse(LocalDate.MIN);
    List<String> languages = languages(reader, root);
    Optional<MapNode> countriesNode = reader.map(root, "countries", "'countries'");
    Set<String> countryCodes = new LinkedHashSet<>();
    for (MapNode.Entry e : countriesNode.isPresent() ? countriesNode.get().entries() : List.<MapNode.Entry>of()) {
      countryCodes.add(e.key());
    }
    TextReader texts = new TextReader(reader, new LinkedHashSet<>(languages));

    Map<String, Fact> facts = new LinkedHashMap<>();
    Optional<MapNode> factsNode = reader.map(root, "facts", "'facts'");
    if (factsNode.isPresent()) {
      facts.putAll(new FactReader(reader, texts, countryCodes).facts(factsNode.get()));
    } else {
      reader.error(root.pos(), "the rules file declares no 'facts'", "add a 'facts:' section");
    }

    Symbols.Builder symbols = new Symbols.Builder();
    for (Fact f : facts.values()) {
      symbols.fact(f.name(), f.type());
    }
    for (MapNode.Entry e : factsNode.isPresent() ? factsNode.get().entries() : List.<MapNode.Entry>of()) {
      if (!facts.containsKey(e.key())) {
        symbols.broken(e.key());
      }
    }
    Map<String, DerivedFact> derived = new LinkedHashMap<>();
    Optional<MapNode> derivedNode = reader.map(root, "derived", "'derived'");
    if (derivedNode.isPresent()) {
      derived.putAll(new DerivedReader(reader, texts, facts.keySet()).read(derivedNode.get(), symbols));
    }
    Symbols scope = symbols.build();

    PermitReader permits = new PermitReader(reader, texts, scope, restricted(facts, derived));
    List<Country> countries = new ArrayList<>();
    Optional<MapNode> countriesAgain = reader.map(root, "countries", "'countries'");
    if (countriesAgain.isEmpty()) {
      reader.error(root.pos(), "the rules file declares no 'countries'", "add a 'countries:' section");
    } else if (permitsOf.isEmpty()) {
      countries.addAll(permits.countries(countriesAgain.get()));
    } else {
      countries.addAll(permits.countriesLater(countriesAgain.get(),
          code -> RulesBundle.permits(permitsOf.get().apply(code), code, languages, scope)));
    }

    if (reader.hasErrors()) {
      return Optional.empty();
    }
    if (permitsOf.isEmpty()) {
      warnUnused(reader, root, facts, derived, permits.reads());
    }
    return Optional.of(new Ruleset(name, version, reviewed, languages, facts, derived, countries, scope, sha256));
  }

  /**
   * For each fact and derived fact, the facts asked only in some countries that it reads, itself or
   * through derived facts.
   */
  private static Map<String, List<Fact>> restricted(Map<String, Fact> facts, Map<String, DerivedFact> derived) {
    Map<String, List<Fact>> out = new LinkedHashMap<>();
    for (Fact f : facts.values()) {
      if (!f.countries().isEmpty()) {
        out.put(f.name(), List.of(f));
      }
    }
    for (String name : derived.keySet()) {
      // a list, not a set: hashing the Fact records would bootstrap method handles at every start
      List<Fact> found = new ArrayList<>();
      for (String n : readThrough(List.of(name), derived)) {
        Fact f = facts.get(n);
        if (f != null && !f.countries().isEmpty()) {
          found.add(f);
        }
      }
      if (!found.isEmpty()) {
        out.put(name, List.copyOf(found));
      }
    }
    return out;
  }

  /**
   * The names {@code names} read, themselves and through the derived facts among them, each once (a
   * cycle among derived facts is reported elsewhere and followed once here).
   */
  private static Set<String> readThrough(Collection<String> names, Map<String, DerivedFact> derived) {
    Set<String> out = new LinkedHashSet<>(names);
    Deque<String> todo = new ArrayDeque<>(names);
    while (!todo.isEmpty()) {
      DerivedFact d = derived.get(todo.pop());
      for (String read : d == null ? List.<String>of() : d.expr().reads()) {
        if (out.add(read)) {
          todo.push(read);
        }
      }
    }
    return out;
  }

  private static List<String> languages(NodeReader reader, MapNode root) {
    Optional<Node> node = reader.required(root, "languages", "the rules file");
    if (node.isEmpty()) {
      return REQUIRED_LANGUAGES;
    }
    List<String> languages = reader.distinctStrings(node.get(), "'languages'");
    for (String lang : REQUIRED_LANGUAGES) {
      if (!languages.contains(lang)) {
        reader.error(node.get().pos(), "'languages' must include '" + lang + "'", "every text is written in en and fr");
      }
    }
    return languages.isEmpty() ? REQUIRED_LANGUAGES : languages;
  }

  /**
   * Warns at each fact and derived fact that no criterion needs: neither a criterion nor a
   * discretionary condition reads it, directly or through the derived facts they read. Such a fact is
   * a question the interview can never need to ask.
   */
  private static void warnUnused(NodeReader reader, MapNode root, Map<String, Fact> facts,
      Map<String, DerivedFact> derived, Set<String> criteriaReads) {
    Set<String> used = readThrough(criteriaReads, derived);
    for (Fact f : facts.values()) {
      if (!used.contains(f.name())) {
        warnUnused(reader, root, "facts", "fact '" + f.name() + "'", f.name(), derived);
      }
    }
    for (DerivedFact d : derived.values()) {
      if (!used.contains(d.name())) {
        warnUnused(reader, root, "derived", "derived fact '" + d.name() + "'", d.name(), derived);
      }
    }
  }

  private static void warnUnused(NodeReader reader, MapNode root, String section, String what, String name,
      Map<String, DerivedFact> derived) {
    Pos pos = Pos.NONE;
    Optional<Node> declarations = root.get(section);
    if (declarations.isPresent() && declarations.get() instanceof MapNode) {
      pos = ((MapNode) declarations.get()).entry(name).map(MapNode.Entry::keyPos).orElse(Pos.NONE);
    }
    String hint = "remove it, or use it in a condition";
    for (DerivedFact d : derived.values()) {
      if (d.expr().reads().contains(name)) {
        hint = "only derived fact '" + d.name() + "', which no criterion uses, reads it: remove both, or use '"
            + d.name() + "' in a condition";
        break;
      }
    }
    reader.warning(pos, what + " is used by no criterion", hint);
  }

  /**
   * A problem of the file as a whole, with a hint for a rules file: the readers' own hints speak of
   * case files (one case per file, NDJSON for many).
   */
  public static Diagnostic forRulesFile(Diagnostic d) {
    if (d.message().startsWith("more than one document")) {
      return d.withOnlyHint("a rules file is one YAML document: remove the '---' line and what follows it,"
          + " or merge the two");
    }
    if (d.message().startsWith("the file is larger than the limit")) {
      return d.withOnlyHint("check that this is a rules file: a ruleset of every permit stays far below this size");
    }
    return d;
  }

  /**
   * A syntax error says that it is the only problem reported: the YAML reader stops at it, so the rest
   * of the file (its content and any other syntax error) is checked once it is fixed.
   */
  private static Diagnostic stopsHere(Diagnostic d) {
    return d.isError() && d.message().startsWith("YAML syntax error")
        ? d.withHint("the file is read no further than this error: the rest is checked once it is fixed")
        : d;
  }

  public static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** The languages required for texts of a country: en, fr, and the country's own (DE: de, NL: nl). */
  static List<String> requiredFor(String country) {
    switch (country) {
      case "DE":
        return List.of("en", "fr", "de");
      case "NL":
        return List.of("en", "fr", "nl");
      default:
        return REQUIRED_LANGUAGES;
    }
  }
}
