package org.permitcheck.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.permitcheck.diag.Suggest;
import org.permitcheck.expr.CompiledExpr;
import org.permitcheck.expr.ExprCompiler;
import org.permitcheck.expr.Symbols;
import org.permitcheck.expr.Type;
import org.permitcheck.tree.ListNode;
import org.permitcheck.tree.MapNode;
import org.permitcheck.tree.Node;
import org.permitcheck.tree.NodeReader;
import org.permitcheck.tree.Pos;
import org.permitcheck.tree.ScalarNode;

/** Reads the {@code countries:} section: countries, their permits and each permit's criteria tree. */
final class PermitReader {
  static final List<String> COUNTRY_KEYS = List.of("name", "advice", "permits");
  static final List<String> PERMIT_KEYS =
      List.of("id", "kind", "title", "legal_basis", "source", "in_force", "window", "grants", "apply",
          "documents", "appeal", "notes", "discretionary", "criteria");
  static final List<String> KINDS = List.of("permit", "toleration", "option", "procedure");
  static final List<String> CRITERION_KEYS =
      List.of("id", "text", "when", "all", "any", "not", "discretionary", "in_force", "note");
  static final List<String> SOURCE_KEYS = List.of("seed", "url");
  static final List<String> RANGE_KEYS = List.of("from", "until");
  static final List<String> DISCRETION_KEYS = List.of("text", "when");
  static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.\\-]*");

  private final NodeReader reader;
  private final TextReader texts;
  private final Symbols symbols;
  private final Set<String> reads = new LinkedHashSet<>();
  private final Map<String, Pos> permitIds = new HashMap<>();
  /**
   * For each fact and derived fact, the facts asked only in some countries that it reads (itself, or
   * through derived facts); empty when the file's facts were checked before (the bundled form).
   */
  private final Map<String, List<Fact>> restricted;
  /** The country of the permit being read. */
  private String country = "";

  PermitReader(NodeReader reader, TextReader texts, Symbols symbols) {
    this(reader, texts, symbols, Map.of());
  }

  PermitReader(NodeReader reader, TextReader texts, Symbols symbols, Map<String, List<Fact>> restricted) {
    this.reader = reader;
    this.texts = texts;
    this.symbols = symbols;
    this.restricted = restricted;
  }

  /** The facts and derived facts read by every criterion, for the "unused fact" warning. */
  Set<String> reads() {
    return reads;
  }

  List<Country> countries(MapNode section) {
    List<Country> out = new ArrayList<>();
    for (MapNode.Entry e : section.entries()) {
      Optional<Header> h = header(e);
      if (h.isPresent()) {
        out.add(new Country(h.get().code(), h.get().name(), h.get().advice(), permits(h.get().code(), h.get().permits())));
      }
    }
    return out;
  }

  /**
   * The countries of the bundled form, whose {@code permits} list only the permit ids: the permits of a
   * country are read by {@code permitsOf} when first needed.
   */
  List<Country> countriesLater(MapNode section, Function<String, List<Permit>> permitsOf) {
    List<Country> out = new ArrayList<>();
    for (MapNode.Entry e : section.entries()) {
      Optional<Header> h = header(e);
      if (h.isPresent()) {
        String code = h.get().code();
        List<String> ids = new ArrayList<>();
        for (Node id : h.get().permits()) {
          reader.string(id, "a permit id of country '" + code + "'").ifPresent(ids::add);
        }
        out.add(Country.later(code, h.get().name(), h.get().advice(), ids, () -> permitsOf.apply(code)));
      }
    }
    return out;
  }

  /** The permits of a country, from the items of its {@code permits} list. */
  List<Permit> permits(String country, List<Node> items) {
    List<Permit> permits = new ArrayList<>();
    for (Node item : items) {
      permit(country, item).ifPresent(permits::add);
    }
    return permits;
  }

  /** A country's code, name and advice, and the items of its {@code permits} list. */
  private record Header(String code, Text name, List<Text> advice, List<Node> permits) {}

  private Optional<Header> header(MapNode.Entry e) {
    String code = e.key();
    if (!COUNTRY.matcher(code).matches()) {
      reader.error(e.keyPos(), "country code '" + code + "' must be two capital letters", "e.g. DE, BE, FR, NL");
      return Optional.empty();
    }
    String what = "country '" + code + "'";
    Optional<MapNode> m = reader.map(e.value(), what);
    if (m.isEmpty()) {
      return Optional.empty();
    }
    reader.onlyKeys(m.get(), COUNTRY_KEYS, what);
    List<String> langs = RulesLoader.requiredFor(code);
    Text name = texts.required(m.get(), "name", what, "name of " + what, langs);
    List<Text> advice = texts.list(m.get(), "advice", "'advice' of " + what, "advice of " + what, langs);
    Optional<Node> permits = reader.required(m.get(), "permits", what);
    return Optional.of(new Header(code, name, advice,
        permits.isPresent() ? reader.items(permits.get(), "'permits' of " + what) : List.of()));
  }

  private Optional<Permit> permit(String country, Node node) {
    this.country = country;
    Optional<MapNode> opt = reader.map(node, "a permit of country '" + country + "'");
    if (opt.isEmpty()) {
      return Optional.empty();
    }
    MapNode m = opt.get();
    String id = reader.requiredString(m, "id", "a permit of country '" + country + "'", "'id'").orElse("?");
    String what = "permit '" + id + "'";
    reader.onlyKeys(m, PERMIT_KEYS, what);
    if (!id.equals("?")) {
      Node idNode = m.get("id").get();
      if (!ID.matcher(id).matches()) {
        reader.error(idNode.pos(), "permit id '" + id + "' may only contain letters, digits, '.', '_' and '-'",
            "e.g. DE-25b or BE-9bis-1.1");
      }
      Pos first = permitIds.putIfAbsent(id, idNode.pos());
      if (first != null) {
        reader.error(idNode.pos(), "duplicate permit id '" + id + "' (first at line " + first.line() + ")",
            "give each permit its own id");
      }
    }
    List<String> langs = RulesLoader.requiredFor(country);
    String kind = reader.string(m, "kind", "'kind' of " + what).orElse("permit");
    if (!KINDS.contains(kind)) {
      reader.error(m.get("kind").get().pos(), "unknown kind '" + kind + "' in " + what, "kinds: " + String.join(", ", KINDS));
    }
    Text title = texts.required(m, "title", what, "title of " + what, langs);
    Text legalBasis = legalBasis(m, what, langs);
    Optional<Node> sourceNode = reader.required(m, "source", what);
    Source source = sourceNode.isPresent() ? source(sourceNode.get(), what) : new Source("", "");
    DateRange inForce = range(m, "in_force", "'in_force' of " + what);
    DateRange window = range(m, "window", "'window' of " + what);
    Text grants = texts.optional(m, "grants", "'grants' of " + what, langs);
    Text apply = texts.optional(m, "apply", "'apply' of " + what, langs);
    List<Text> documents = texts.list(m, "documents", "'documents' of " + what, "a document of " + what, langs);
    Text appeal = texts.optional(m, "appeal", "'appeal' of " + what, langs);
    Text notes = texts.optional(m, "notes", "'notes' of " + what, langs);
    Text discretionary = texts.optional(m, "discretionary", "'discretionary' of " + what, langs);
    Optional<Node> criteriaNode = reader.required(m, "criteria", what);
    Optional<Criterion> criteria =
        criteriaNode.isPresent() ? criterion(criteriaNode.get(), what, langs, 0, new HashMap<>()) : Optional.empty();
    if (criteria.isEmpty()) {
      return Optional.empty();
    }
    Criterion c = criteria.get();
    boolean allGroup = c instanceof Criterion.Group && ((Criterion.Group) c).op() == Criterion.Op.ALL;
    if (!allGroup && (c.id().isEmpty() || c.text().isEmpty())) {
      reader.error(criteriaNode.get().pos(), "the criteria of " + what
          + " must be an 'all:' list, or one criterion with an 'id' and a 'text'",
          "e.g. criteria: {all: [{id: age, text: {en: ..., fr: ...}, when: \"age >= 18\"}]}");
    }
    return Optional.of(new Permit(id, country, kind, title, legalBasis, source, inForce, window, grants,
        apply, documents, appeal, notes, discretionary, c));
  }

  private Source source(Node node, String what) {
    Optional<MapNode> m = reader.map(node, "'source' of " + what);
    if (m.isEmpty()) {
      return new Source("", "");
    }
    reader.onlyKeys(m.get(), SOURCE_KEYS, "'source' of " + what);
    String seed = notEmpty(m.get(), "seed", "'source' of " + what, "'seed' of " + what,
        "name the seed file the permit is taken from");
    String url = reader.string(m.get(), "url", "'url'").orElse("");
    return new Source(seed, url);
  }

  /** How to name a criterion without an id: by its condition, if it has one. */
  private static String unnamed(MapNode m, String permit) {
    Optional<Node> when = m.get("when");
    return when.isPresent() && when.get() instanceof ScalarNode
        ? "the criterion \"" + ((ScalarNode) when.get()).text() + "\" of " + permit : "a criterion of " + permit;
  }

  /** The text under a required key, which may not be empty (as every text of the rules). */
  /**
   * The citation: one string, the same in every language ("§ 25b AufenthG"), or a text per language
   * where its words differ (a Belgian law has an official Dutch and French title).
   */
  private Text legalBasis(MapNode m, String what, List<String> langs) {
    Optional<Node> n = m.get("legal_basis");
    if (n.isPresent() && n.get() instanceof MapNode) {
      return texts.read(n.get(), "'legal_basis' of " + what, langs);
    }
    return Text.same(notEmpty(m, "legal_basis", what, "'legal_basis' of " + what,
        "cite the provision the permit rests on, e.g. \"§ 25b AufenthG\""));
  }

  private String notEmpty(MapNode m, String key, String where, String what, String hint) {
    Optional<String> text = reader.requiredString(m, key, where, what);
    if (text.isPresent() && text.get().isBlank()) {
      reader.error(m.get(key).get().pos(), what + " is empty", hint);
    }
    return text.orElse("");
  }

  /** The date range under an optional key; always, when the key is absent. */
  private DateRange range(MapNode m, String key, String what) {
    Optional<Node> n = m.get(key);
    return n.isPresent() ? range(n.get(), what) : DateRange.ALWAYS;
  }

  private DateRange range(Node node, String what) {
    Optional<MapNode> m = reader.map(node, what);
    if (m.isEmpty()) {
      return DateRange.ALWAYS;
    }
    reader.onlyKeys(m.get(), RANGE_KEYS, what);
    Optional<LocalDate> from = reader.date(m.get(), "from", "'from' of " + what);
    Optional<LocalDate> until = reader.date(m.get(), "until", "'until' of " + what);
    if (from.isPresent() && until.isPresent() && until.get().isBefore(from.get())) {
      reader.error(m.get().pos(), what + " ends (" + until.get() + ") before it starts (" + from.get() + ")",
          "'from' is the first day it applies and 'until' the last: swap them, or correct the mistyped one");
    }
    if (!m.get().has("from") && !m.get().has("until")
        && m.get().entries().stream().noneMatch(e -> Suggest.closest(e.key(), RANGE_KEYS).isPresent())) {
      // (a misspelt 'from' or 'until' is reported as such)
      reader.error(m.get().pos(), what + " gives neither 'from' nor 'until'", "remove it, or give a date");
    }
    return new DateRange(from, until);
  }

  /**
   * Reads a criterion: a plain string is a leaf condition; a mapping has exactly one of when, all,
   * any, not. Criteria directly under the permit's root group must have an id and a text.
   */
  private Optional<Criterion> criterion(Node node, String permit, List<String> langs, int depth,
      Map<String, Pos> ids) {
    if (node instanceof ScalarNode && ((ScalarNode) node).type() == ScalarNode.Type.STRING) {
      if (depth == 1) {
        reader.error(node.pos(), "a top-level criterion of " + permit + " must have an 'id' and a 'text'",
            "write it as {id: ..., text: {en: ..., fr: ...}, when: \"...\"}");
      }
      return leaf((ScalarNode) node, permit, "", Text.EMPTY, Discretion.NONE, DateRange.ALWAYS, Text.EMPTY);
    }
    Optional<MapNode> opt = reader.map(node, "a criterion of " + permit);
    if (opt.isEmpty()) {
      return Optional.empty();
    }
    MapNode m = opt.get();
    reader.onlyKeys(m, CRITERION_KEYS, "a criterion of " + permit);
    String id = reader.string(m, "id", "'id' of a criterion").orElse("");
    if (!id.isEmpty()) {
      Pos first = ids.putIfAbsent(id, m.get("id").get().pos());
      if (first != null) {
        reader.error(m.get("id").get().pos(), "duplicate criterion id '" + id + "' in " + permit
            + " (first at line " + first.line() + ")",
            "give each criterion of a permit its own id");
      }
    }
    String where = id.isEmpty() ? permit : "criterion '" + id + "' of " + permit;
    Text text = texts.optional(m, "text", "text of " + where, langs);
    if (depth == 1 && (id.isEmpty() || text.isEmpty())) {
      reader.error(m.pos(), "a top-level criterion of " + permit + " must have an 'id' and a 'text'",
          "the text is what the user reads in the explanation");
    }
    Optional<Node> discretionNode = m.get("discretionary");
    Discretion discretionary = discretionNode.isPresent() ? discretion(discretionNode.get(), where, langs) : Discretion.NONE;
    DateRange inForce = range(m, "in_force", "'in_force' of " + (id.isEmpty() ? unnamed(m, permit) : where));
    Text note = texts.optional(m, "note", "note of " + where, langs);
    List<String> forms = new ArrayList<>();
    for (String k : List.of("when", "all", "any", "not")) {
      if (m.has(k)) {
        forms.add(k);
      }
    }
    if (forms.size() != 1) {
      reader.error(m.pos(), forms.isEmpty() ? where + " has no condition"
          : where + " has both '" + forms.get(0) + "' and '" + forms.get(1) + "'",
          "a criterion has exactly one of: when, all, any, not");
      return Optional.empty();
    }
    Node body = m.get(forms.get(0)).get();
    if (forms.get(0).equals("when")) {
      if (!(body instanceof ScalarNode) || ((ScalarNode) body).type() != ScalarNode.Type.STRING) {
        reader.error(body.pos(), "'when' of " + where + " must be an expression in quotes, found " + body.kind(),
            "e.g. when: \"age >= 18\"");
        return Optional.empty();
      }
      return leaf((ScalarNode) body, where, id, text, discretionary, inForce, note);
    }
    if (forms.get(0).equals("not")) {
      Optional<Criterion> child = criterion(body, permit, langs, depth + 1, ids);
      return child.isPresent()
          ? Optional.of(new Criterion.Group(Criterion.Op.NOT, id, text, List.of(child.get()), discretionary, inForce, note))
          : Optional.empty();
    }
    Optional<ListNode> items = reader.list(body, "'" + forms.get(0) + "' of " + where);
    if (items.isEmpty()) {
      return Optional.empty();
    }
    if (items.get().items().isEmpty()) {
      reader.error(body.pos(), "'" + forms.get(0) + "' of " + where + " is empty", "list at least one criterion");
      return Optional.empty();
    }
    List<Criterion> children = new ArrayList<>();
    boolean ok = true;
    for (Node item : items.get().items()) {
      Optional<Criterion> c = criterion(item, permit, langs, depth + 1, ids);
      if (c.isPresent()) {
        children.add(c.get());
      } else {
        ok = false;
      }
    }
    Criterion.Op op = forms.get(0).equals("all") ? Criterion.Op.ALL : Criterion.Op.ANY;
    return ok ? Optional.of(new Criterion.Group(op, id, text, children, discretionary, inForce, note)) : Optional.empty();
  }

  private Optional<Criterion> leaf(ScalarNode expr, String where, String id, Text text, Discretion discretionary,
      DateRange inForce, Text note) {
    Optional<CompiledExpr> c = condition(expr, where);
    return c.isPresent() ? Optional.of(new Criterion.Leaf(id, text, c.get(), discretionary, inForce, note)) : Optional.empty();
  }

  private Optional<CompiledExpr> condition(ScalarNode expr, String where) {
    ExprCompiler.Result r = ExprCompiler.compile(expr.text(), symbols, Type.BOOLEAN);
    DerivedReader.report(reader, expr, r.errors(), where);
    if (r.expr().isPresent()) {
      reads.addAll(r.expr().get().reads());
      askedElsewhere(expr, r.expr().get(), where);
    }
    return r.expr();
  }

  /**
   * Reports each fact of another country that a condition reads: the interview never asks it for this
   * permit's country, so the permit could never be decided.
   */
  private void askedElsewhere(ScalarNode expr, CompiledExpr compiled, String where) {
    for (String name : compiled.reads()) {
      for (Fact f : restricted.getOrDefault(name, List.of())) {
        if (f.appliesTo(country)) {
          continue;
        }
        Matcher m = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(name) + "(?![A-Za-z0-9_])")
            .matcher(expr.text());
        Pos pos = ExprLocator.locate(reader.source(), expr, m.find() ? m.start() : 0);
        String through = f.name().equals(name) ? "" : " (through derived fact '" + name + "')";
        reader.error(pos, "fact '" + f.name() + "'" + through + " is asked only in " + String.join(", ", f.countries())
            + ", but " + where + " (" + country + ") reads it: the interview would never ask it there",
            "add " + country + " to the 'countries' of fact '" + f.name() + "', or use a fact asked in " + country);
      }
    }
  }

  /**
   * {@code discretionary: {en: ..., fr: ...}} (always waivable) or {@code discretionary: {text: {...},
   * when: "condition"}} (waivable when the condition holds).
   */
  private Discretion discretion(Node node, String where, List<String> langs) {
    String what = "'discretionary' of " + where;
    if (node instanceof MapNode && (((MapNode) node).has("text") || ((MapNode) node).has("when"))) {
      MapNode m = (MapNode) node;
      reader.onlyKeys(m, DISCRETION_KEYS, what);
      Text text = texts.required(m, "text", what, "text of " + what, langs);
      Optional<CompiledExpr> when = Optional.empty();
      Optional<Node> w = m.get("when");
      if (w.isPresent()) {
        if (w.get() instanceof ScalarNode && ((ScalarNode) w.get()).type() == ScalarNode.Type.STRING) {
          when = condition((ScalarNode) w.get(), what);
        } else {
          reader.error(w.get().pos(), "'when' of " + what + " must be an expression in quotes",
              "e.g. when: \"de_60b_months > 0\"");
        }
      }
      return new Discretion(text, when);
    }
    return new Discretion(texts.read(node, what, langs), Optional.empty());
  }
}
