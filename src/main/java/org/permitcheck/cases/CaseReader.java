package org.permitcheck.cases;

import java.io.File;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.diag.Phrase;
import org.permitcheck.diag.Severity;
import org.permitcheck.diag.SourceText;
import org.permitcheck.diag.Suggest;
import org.permitcheck.rules.Fact;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.tree.Limits;
import org.permitcheck.tree.ListNode;
import org.permitcheck.tree.MapNode;
import org.permitcheck.tree.Node;
import org.permitcheck.tree.NodeReader;
import org.permitcheck.tree.Pos;
import org.permitcheck.tree.ScalarNode;
import org.permitcheck.tree.TreeReader;

/**
 * Reads case files (YAML or JSON) and types every fact against the ruleset's declarations. Reports
 * every problem of a case at once: unknown facts (with a suggestion), values of the wrong form, dates
 * in the future where a past date is required, unknown permits or verdicts in {@code expect}. "The
 * future" is judged at the date the case is known on: its as_of; without one, the command's date
 * (eval --as-of), else the default date (today, or test's --as-of). So whether a case with as_of is
 * valid does not depend on the day it is read, and evaluating it at another date (eval --as-of, diff)
 * does not make its facts invalid.
 */
public final class CaseReader {
  public static final List<String> KEYS =
      List.of("id", "country", "as_of", "application_date", "facts", "expect", "note", "$schema");
  public static final List<String> VERDICTS =
      List.of("eligible", "discretionary", "undetermined", "not_eligible", "not_in_force");

  private final Ruleset rules;
  private final LocalDate today;
  private final LocalDate override;
  /** The fast path for NDJSON lines, made on first use (a single case file does not need it). */
  private volatile JsonCaseReader json;
  /** YAML cases read so far, counted up to {@link #FAST_AFTER_FILES} (a race only delays the count). */
  private int yamlFiles;
  private static final int FAST_AFTER_FILES = 16;

  /**
   * @param today the date a case without as_of is known on
   */
  public CaseReader(Ruleset rules, LocalDate today) {
    this(rules, today, null);
  }

  /**
   * @param today the date a case without as_of is known on, when the command sets no date
   * @param override the evaluation date the command sets (eval --as-of), or null
   */
  public CaseReader(Ruleset rules, LocalDate today, LocalDate override) {
    this.rules = rules;
    this.today = today;
    this.override = override;
  }

  /**
   * The date a case is known on, against which a date that must lie in the past is judged: its
   * {@code asOf}, else the command's {@code override}, else {@code today} (each may be null but the last).
   */
  static LocalDate knownOn(LocalDate asOf, LocalDate override, LocalDate today) {
    return asOf != null ? asOf : override != null ? override : today;
  }

  /** Reads one case from a whole file; YAML or JSON is chosen by the file name. */
  public Checked<Case> read(SourceText source) {
    TreeReader.Result parsed = TreeReader.forName(source.name(), Limits.CASE).read(source);
    if (!parsed.ok()) {
      return Checked.failed(refusal(source, parsed));
    }
    return read(source, parsed.root().get(), defaultId(source.name()));
  }

  /** Why a case file that could not be parsed is refused: its diagnostics, or that it is empty. */
  public static List<Diagnostic> refusal(SourceText source, TreeReader.Result parsed) {
    List<Diagnostic> d = new ArrayList<>(parsed.diagnostics());
    if (d.stream().noneMatch(Diagnostic::isError)) {
      d.add(Diagnostic.error(source.name(), source.firstLine(), 0, Phrase.of("case.empty"))
          .withHint(Phrase.of("hint.case_facts")));
    }
    return d;
  }

  /**
   * Reads one case written as one line of JSON in UTF-8 (a line of NDJSON). A valid case is read
   * straight from the token stream; any other is read again as a positioned tree, so that each
   * problem is reported with its line and column. The default id is {@code name:line}. Bytes that
   * are not UTF-8 are refused (the fast path takes none, so that only a line it refuses is checked).
   */
  public Checked<Case> readLine(byte[] utf8, String name, int line) {
    String id = lineId(name, line);
    Case c = json().read(utf8, 0, utf8.length, name, id);
    if (c != null) {
      return Checked.of(c, List.of());
    }
    Optional<Diagnostic> notUtf8 = SourceText.notUtf8(name, utf8, line, "line");
    if (notUtf8.isPresent()) {
      return Checked.failed(List.of(notUtf8.get()));
    }
    // without a byte-order mark, as the fast path skips it too
    return readDocument(SourceText.ofUtf8(name, utf8, line), true, id);
  }

  /**
   * Reads one case from a whole file, given both as text and as the UTF-8 bytes the text was decoded
   * from. A valid case in a JSON file is read straight from the bytes, as a line of NDJSON is; any other
   * file as {@link #read(SourceText)} reads it, which explains every problem.
   */
  public Checked<Case> read(SourceText source, byte[] utf8) {
    if (TreeReader.isJson(source.name())) {
      Case c = json().read(utf8, 0, utf8.length, source.name(), defaultId(source.name()));
      if (c != null) {
        return Checked.of(c, List.of());
      }
    } else {
      Case c = fastYaml(source, defaultId(source.name()));
      if (c != null) {
        return Checked.of(c, List.of());
      }
    }
    return read(source);
  }

  /**
   * A YAML case in the plain form, written out as JSON and read on the fast path of NDJSON: the same
   * tree, hence the same case, without building the tree and typing it node by node. Null when the
   * fast path does not take it, and for the first few YAML cases a reader reads: a single case would
   * pay more for making the fast path's tables than it saves.
   */
  private Case fastYaml(SourceText source, String defaultId) {
    if (yamlFiles < FAST_AFTER_FILES) {
      yamlFiles++;
      return null;
    }
    byte[] json = TreeReader.plainYamlAsJson(source.text(), Limits.CASE);
    return json == null ? null : json().read(json, 0, json.length, source.name(), defaultId);
  }

  private JsonCaseReader json() {
    JsonCaseReader fast = json;
    if (fast == null) {
      fast = new JsonCaseReader(rules, today, override);
      json = fast;
    }
    return fast;
  }

  /**
   * Reads one case from one document of a stream: a line of NDJSON ({@code json}) or a document of a
   * YAML stream, whose text starts at the source's first line.
   */
  public Checked<Case> readDocument(SourceText source, boolean json, String defaultId) {
    if (!json) {
      Case c = fastYaml(source, defaultId);
      if (c != null) {
        return Checked.of(c, List.of());
      }
    }
    TreeReader.Result parsed = TreeReader.forName(json ? "x.json" : "x.yaml", Limits.CASE).read(source);
    if (!parsed.ok()) {
      return Checked.failed(refusal(source, parsed)); // never refused without saying why
    }
    return read(source, parsed.root().get(), defaultId);
  }

  /**
   * Reads one case from an already parsed document (a line of NDJSON, a document of a stream). A case
   * with errors keeps what could be read of it (without the values in error), so that its error record
   * can name it by its own {@code id}; {@link Checked#hasErrors} tells it apart.
   */
  public Checked<Case> read(SourceText source, Node root, String defaultId) {
    NodeReader reader = new NodeReader(source, true);
    if (!(root instanceof MapNode)) {
      // the phrases of a diagnostic are made only when there is one: a valid case loads none of their code
      reader.map(root, Phrase.of("what.case"));
      return Checked.failed(reader.diagnostics());
    }
    Optional<Case> c = read(reader, (MapNode) root, defaultId);
    List<Diagnostic> sorted = Diagnostic.sorted(reader.diagnostics());
    return new Checked<>(c, sorted);
  }

  private Optional<Case> read(NodeReader reader, MapNode m, String defaultId) {
    for (MapNode.Entry e : m.entries()) {
      if (!KEYS.contains(e.key())) {
        reader.onlyKeys(m, KEYS, Phrase.of("what.case"));
        break;
      }
    }
    String id = reader.string(m, "id", "'id'").orElse(defaultId);
    Optional<String> country = reader.string(m, "country", "'country'");
    if (country.isPresent() && rules.country(country.get()).isEmpty()) {
      List<String> codes = rules.countries().stream().map(c -> c.code()).toList();
      reader.error(m.get("country").get().pos(), Phrase.of("case.unknown_country", country.get()), null,
          Phrase.of("hint.countries", codes));
      country = Optional.empty();
    }
    Optional<LocalDate> asOf = reader.date(m, "as_of", "'as_of'");
    Optional<LocalDate> applicationDate = reader.date(m, "application_date", "'application_date'");
    LinkedHashMap<String, Object> facts = new LinkedHashMap<>();
    Optional<MapNode> factsNode = reader.map(m, "facts", "'facts'");
    if (factsNode.isPresent()) {
      facts(reader, factsNode.get(), facts, knownOn(asOf.orElse(null), override, today));
    }
    LinkedHashMap<String, String> expect = new LinkedHashMap<>();
    Optional<MapNode> expectNode = reader.map(m, "expect", "'expect'");
    if (expectNode.isPresent()) {
      expect(reader, expectNode.get(), expect);
    }
    Optional<String> note = reader.string(m, "note", "'note'");
    return Optional.of(new Case(id, reader.source().name(), country, asOf, applicationDate,
        FrozenMap.owning(facts), FrozenMap.owning(expect), note));
  }

  private void facts(NodeReader reader, MapNode section, Map<String, Object> out, LocalDate known) {
    FactValues values = new FactValues(reader, known);
    for (MapNode.Entry e : section.entries()) {
      Optional<String> current = rules.currentName(e.key());
      if (current.isEmpty()) {
        reader.error(e.keyPos(), Phrase.of("case.unknown_fact", e.key()), null, unknownFactHint(e.key()));
        continue;
      }
      String name = current.get();
      if (!name.equals(e.key())) {
        if (section.has(name)) {
          reader.error(e.keyPos(), Phrase.of("case.renamed_twice", e.key(), name), null,
              Phrase.of("hint.keep_only", name));
          continue;
        }
        reader.report(Severity.NOTICE, e.keyPos(), Phrase.of("case.renamed", e.key(), name), null,
            Phrase.of("hint.rename"));
      }
      Fact fact = rules.facts().get(name);
      Optional<Object> v = values.read(fact, e.value(), name);
      if (v.isPresent()) {
        out.put(name, v.get());
      }
    }
  }

  private void expect(NodeReader reader, MapNode section, Map<String, String> out) {
    List<String> ids = rules.permitIds();
    for (MapNode.Entry e : section.entries()) {
      if (!ids.contains(e.key())) {
        // a warning, not an error: the case itself is fine, and eval and diff (say, against rules
        // that renamed the permit) still need it; test fails the expectation
        Phrase suggestion = Suggest.hint(e.key(), ids);
        reader.report(Severity.WARNING, e.keyPos(), Phrase.of("case.unknown_permit", e.key()), null,
            suggestion == null ? Phrase.of("hint.expect_failed") : Phrase.of("hint.expect_failed.suggestion", suggestion));
      }
      if (!(e.value() instanceof ScalarNode) || ((ScalarNode) e.value()).isNull()) {
        reader.string(e.value(), Phrase.of("what.verdict", e.key()));
        continue;
      }
      String v = ((ScalarNode) e.value()).text();
      if (!VERDICTS.contains(v)) {
        Phrase hint = Suggest.hint(v, VERDICTS);
        reader.error(e.value().pos(), Phrase.of("case.unknown_verdict", v, e.key()), null,
            hint != null ? hint : Phrase.of("hint.verdicts", VERDICTS));
      } else {
        out.put(e.key(), v);
      }
    }
  }

  /** What to do about a name that is not a fact: a derived fact's sources, a close name, or the list. */
  private Phrase unknownFactHint(String name) {
    if (rules.derived().containsKey(name)) {
      return Phrase.of("hint.derived", name);
    }
    Phrase close = Suggest.hint(name, rules.facts().keySet());
    return close != null ? close : Phrase.of("hint.facts_command");
  }

  /**
   * Parses a value given on the command line ({@code --set fact=value}) or typed in an interview,
   * with the same rules as in a case file. The text is read as a YAML value, so lists can be given
   * in flow style: {@code [{status: duldung, from: 2019-01-01}]}. An empty text, null or ~ means unknown.
   */
  public Checked<Optional<Object>> parseValue(String factName, String text, String origin, LocalDate known) {
    SourceText source = new SourceText(origin, text);
    Optional<String> current = rules.currentName(factName);
    if (current.isEmpty()) {
      return Checked.failed(List.of(Diagnostic.error(origin, 0, 0, Phrase.of("case.unknown_fact", factName))
          .withHint(unknownFactHint(factName))));
    }
    if (text.isBlank()) {
      return Checked.of(Optional.empty(), List.of());
    }
    TreeReader.Result parsed = TreeReader.yaml(Limits.CASE).read(source);
    if (!parsed.ok()) {
      List<Diagnostic> d = new ArrayList<>(parsed.diagnostics());
      if (d.stream().noneMatch(Diagnostic::isError)) {
        String value = text.strip();
        d.add(Diagnostic.error(origin, 0, 0, Phrase.of("value.comment", value))
            .withHint(Phrase.of("hint.comment", factName, value)));
      }
      return Checked.failed(d);
    }
    NodeReader reader = new NodeReader(source, true);
    Node node = parsed.root().get();
    if (node instanceof ScalarNode && ((ScalarNode) node).type() != ScalarNode.Type.STRING
        && rules.facts().get(current.get()).type().kind() == org.permitcheck.expr.Type.Kind.TEXT) {
      node = new ScalarNode(ScalarNode.Type.STRING, text.strip(), Pos.NONE, false);
    }
    Optional<Object> v = new FactValues(reader, known).read(rules.facts().get(current.get()), node, current.get());
    if (reader.hasErrors()) {
      return Checked.failed(reader.diagnostics());
    }
    return Checked.of(v, reader.diagnostics()); // empty for null or ~: unknown, as in a case file
  }

  /**
   * A warning for a case evaluated at a date before its own dates that may not lie in the future (a
   * fact, or a field of a list's items): {@code --as-of}, or diff's dates, set before the case's own
   * {@code as_of} make the evaluation read such a fact as already known on that date, so that an age or
   * a period counted from it comes out negative. One warning a case, at the first such date in the file
   * and naming it, with the number of the others: a line each would bury the results of a batch
   * evaluated at an early date. Empty when there is none, which one comparison tells for a case whose
   * dates were all checked against that date already.
   *
   * @param document makes the case's document of {@code source} a tree, only when there is a warning,
   *     for the position of the date named (read again: the case itself keeps no positions); without a
   *     tree, or when it does not have the fact, the warning stands at {@code file:line}. (A function
   *     and its argument rather than a supplier, so that no object is made for a case without one.)
   */
  public <T> Optional<Diagnostic> dateAfter(Case c, LocalDate date, String file, int line, T source,
      Function<T, Optional<Node>> document) {
    if (!date.isBefore(knownOn(c.asOf().orElse(null), override, today))) {
      return Optional.empty(); // every such date was checked not to lie after the date the case is known on
    }
    List<LateDate> late = lateDates(c.facts(), date);
    if (late.isEmpty()) {
      return Optional.empty();
    }
    LateDate first = late.get(0);
    Pos at = document.apply(source).flatMap(root -> locate(root, first)).orElse(new Pos(line, 0));
    return Optional.of(evaluatedBefore(first, late.size() - 1, date, file, at));
  }

  /**
   * The error for a case when a value of {@code --set} is a date that may not lie after the date the
   * case is known on (its as_of, else --as-of, else today), and does: the values are typed once for
   * every case, and checked against each case's own date here, as the case's own facts are.
   */
  public Optional<Diagnostic> setAfterCaseDate(Case c, Map<String, Object> changes, String file, int line) {
    LocalDate known = knownOn(c.asOf().orElse(null), override, today);
    List<LateDate> late = lateDates(changes, known);
    if (late.isEmpty()) {
      return Optional.empty();
    }
    LateDate first = late.get(0);
    // at the case it does not fit; the value only in the long form: --redact keeps it out of error records
    return Optional.of(Diagnostic.of(Severity.ERROR, file, line, 0, "",
        Phrase.of("set.after_case_date", first.fact(), Phrase.of("fact.after_case_date.value", first.name(), first.value(), known)),
        Phrase.of("set.after_case_date", first.fact(), Phrase.of("fact.after_case_date", first.name())))
        .withHint(Phrase.of("hint.check_year")));
  }

  /** The dates among {@code facts} that may not lie in the future and lie after {@code date}. */
  private List<LateDate> lateDates(Map<String, Object> facts, LocalDate date) {
    List<LateDate> late = new ArrayList<>();
    for (Map.Entry<String, Object> e : facts.entrySet()) {
      Fact fact = rules.facts().get(e.getKey());
      if (fact == null) {
        continue;
      }
      if (fact.past() && e.getValue() instanceof LocalDate && ((LocalDate) e.getValue()).isAfter(date)) {
        late.add(new LateDate(e.getKey(), 0, null, (LocalDate) e.getValue()));
      }
      Map<String, Fact> fields = FactValues.recordFields(fact);
      if (fields.isEmpty() || !(e.getValue() instanceof List)) {
        continue;
      }
      int index = 0;
      for (Object item : (List<?>) e.getValue()) {
        index++;
        for (Map.Entry<?, ?> field : ((Map<?, ?>) item).entrySet()) {
          Fact f = fields.get(field.getKey());
          if (f != null && f.past() && field.getValue() instanceof LocalDate
              && ((LocalDate) field.getValue()).isAfter(date)) {
            late.add(new LateDate(e.getKey(), index, (String) field.getKey(), (LocalDate) field.getValue()));
          }
        }
      }
    }
    return late;
  }

  /** A date of a case later than the date it is evaluated at: a fact's, or a field's of a list's item. */
  private record LateDate(String fact, int index, String field, LocalDate value) {
    String name() {
      return index == 0 ? fact : fact + "[" + index + "]." + field;
    }
  }

  /**
   * Where a date stands in the case's document: the value of its fact under {@code facts}, written by
   * its name or a name it was renamed from, or of the field of the list's item.
   */
  private Optional<Pos> locate(Node root, LateDate date) {
    if (!(root instanceof MapNode)) {
      return Optional.empty();
    }
    Optional<Node> facts = ((MapNode) root).get("facts");
    if (facts.isEmpty() || !(facts.get() instanceof MapNode)) {
      return Optional.empty();
    }
    for (MapNode.Entry e : ((MapNode) facts.get()).entries()) {
      if (!rules.currentName(e.key()).orElse("").equals(date.fact())) {
        continue;
      }
      if (date.index() == 0) {
        return Optional.of(e.value().pos());
      }
      if (e.value() instanceof ListNode && ((ListNode) e.value()).items().size() >= date.index()
          && ((ListNode) e.value()).items().get(date.index() - 1) instanceof MapNode) {
        Optional<Node> field = ((MapNode) ((ListNode) e.value()).items().get(date.index() - 1)).get(date.field());
        return Optional.of(field.orElse(e.value()).pos());
      }
      return Optional.of(e.value().pos());
    }
    return Optional.empty();
  }

  private static Diagnostic evaluatedBefore(LateDate late, int others, LocalDate date, String file, Pos at) {
    // the same message, and so the same code, however many dates there are
    Phrase more = others == 0 ? Phrase.literal("")
        : Phrase.of(others == 1 ? "case.evaluated_before.others.one" : "case.evaluated_before.others.many", others);
    return Diagnostic.of(Severity.WARNING, file, at.line(), at.column(), "",
        Phrase.of("case.evaluated_before.value", late.name(), late.value(), date, more),
        Phrase.of("case.evaluated_before", late.name(), more)).withHint(Phrase.of("hint.evaluated_before"));
  }

  /** The default id of a case read from a line of a stream: {@code name:line}. */
  public static String lineId(String name, int line) {
    return name + ":" + line;
  }

  /**
   * The file name without its folders and extension. Folders end at '/', and at '\\' only where that
   * is the system's separator (Windows): on Linux it is a character of names like any other.
   */
  public static String defaultId(String fileName) {
    int folder = fileName.lastIndexOf('/');
    if (File.separatorChar != '/') {
      folder = Math.max(folder, fileName.lastIndexOf(File.separatorChar));
    }
    String name = fileName.substring(folder + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
