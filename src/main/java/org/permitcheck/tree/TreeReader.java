package org.permitcheck.tree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.diag.Phrase;
import org.permitcheck.diag.SourceText;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML or JSON text into a {@link Node} tree that remembers where every value was written.
 * Duplicate keys are reported; YAML aliases, non-standard YAML tags and anything beyond the {@link
 * Limits} stop the reading at once, so that a hostile file is refused quickly in bounded memory.
 * Parser errors become located diagnostics in plain words: nothing of Jackson's or SnakeYAML's own
 * exception texts reaches the user (see {@link ParseErrors}).
 */
public final class TreeReader {
  /** One parsed document, or the diagnostics that explain why there is none. */
  public record Result(Optional<Node> root, List<Diagnostic> diagnostics) {
    public Result {
      diagnostics = List.copyOf(diagnostics);
    }

    public boolean ok() {
      return root.isPresent() && diagnostics.stream().noneMatch(Diagnostic::isError);
    }
  }

  /**
   * The plain words that YAML 1.1 reads as true, false or null in some spelling (compared without case,
   * all at most 5 letters): a text that is one of them must be quoted to stay text.
   */
  public static final List<String> NOT_TEXT_WORDS = List.of("y", "n", "yes", "no", "on", "off", "true", "false", "null");

  private static final Set<String> CORE_TAGS =
      Set.of("str", "int", "float", "bool", "null", "map", "seq", "timestamp");

  /** Jackson's factory, built when first needed: most texts are read without it. */
  private volatile JsonFactory factory;
  private final boolean yaml;
  private final Limits limits;

  private TreeReader(boolean yaml, Limits limits) {
    this.yaml = yaml;
    this.limits = limits;
  }

  public static TreeReader yaml(Limits limits) {
    return new TreeReader(true, limits);
  }

  public static TreeReader json(Limits limits) {
    return new TreeReader(false, limits);
  }

  /** The factory (two threads may each build one on a first race; either serves). */
  private JsonFactory factory() {
    JsonFactory f = factory;
    if (f == null) {
      factory = f = yaml ? yamlFactory(limits) : jsonFactory(limits);
    }
    return f;
  }

  private static JsonFactory yamlFactory(Limits limits) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(10);
    options.setNestingDepthLimit(limits.maxDepth() + 2);
    options.setCodePointLimit(limits.maxBytes());
    options.setAllowRecursiveKeys(false);
    return YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints(limits)).build();
  }

  private static JsonFactory jsonFactory(Limits limits) {
    return JsonFactory.builder()
        .streamReadConstraints(constraints(limits))
        .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .build();
  }

  private static final java.util.Map<Limits, TreeReader> YAML_READERS = new java.util.concurrent.ConcurrentHashMap<>();
  private static final java.util.Map<Limits, TreeReader> JSON_READERS = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Chooses YAML or JSON by the file name ({@code .json}, {@code .ndjson}, {@code .jsonl} are JSON).
   * Readers are immutable and thread-safe, so one per kind and limits is shared.
   */
  public static TreeReader forName(String name, Limits limits) {
    return isJson(name) ? JSON_READERS.computeIfAbsent(limits, TreeReader::json)
        : YAML_READERS.computeIfAbsent(limits, TreeReader::yaml);
  }

  /** Whether a file of this name is read as JSON: {@code .json}, {@code .ndjson}, {@code .jsonl}. */
  public static boolean isJson(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return lower.endsWith(".json") || lower.endsWith(".ndjson") || lower.endsWith(".jsonl");
  }

  /**
   * Jackson's own bounds, one step beyond ours so that the builder, which knows positions, reports
   * first; they stay as a second line of defence.
   */
  private static StreamReadConstraints constraints(Limits limits) {
    return StreamReadConstraints.builder()
        .maxNestingDepth(limits.maxDepth() + 1)
        .maxStringLength(limits.maxStringLength() + 1)
        .maxNumberLength(limits.maxNumberLength() + 1)
        .maxNameLength(limits.maxStringLength() + 1)
        .maxDocumentLength(limits.maxBytes())
        .build();
  }

  public Limits limits() {
    return limits;
  }

  /**
   * A YAML text in the plain form case files are written in, as compact JSON in UTF-8: the tree {@link
   * #read} would give, written out (see {@link YamlSubset#json}); null for any other text.
   */
  public static byte[] plainYamlAsJson(String text, Limits limits) {
    return text.length() <= limits.maxBytes() ? YamlSubset.json(text, limits) : null;
  }

  /**
   * Reads exactly one document; a second document in the same text is an error. YAML in the plain form
   * case files are written in is read without SnakeYAML ({@link YamlSubset}), and well-formed JSON
   * without Jackson ({@link CompactJson}), into the same tree; Jackson reads the rest and reports
   * what is wrong.
   */
  public Result read(SourceText source) {
    if (source.text().length() <= limits.maxBytes()) {
      Node root = yaml ? YamlSubset.read(source.text(), source.firstLine(), limits)
          : CompactJson.read(source.text(), source.firstLine(), limits);
      if (root != null) {
        return new Result(Optional.of(root), List.of());
      }
    }
    List<Result> results = new ArrayList<>();
    readAll(source, results::add, 2);
    if (results.isEmpty()) {
      return new Result(Optional.empty(), List.of());
    }
    Result first = results.get(0);
    if (results.size() > 1 && first.ok()) {
      Node second = results.get(1).root().orElse(null);
      if (second == null) {
        // what follows the first value does not parse: that is the problem to report
        return new Result(Optional.empty(), results.get(1).diagnostics());
      }
      Pos at = second.pos();
      Diagnostic d =
          ParseErrors.error(source, at, Phrase.of("syntax.documents")).withHint(Phrase.of("hint.documents"));
      return new Result(first.root(), List.of(d));
    }
    return first;
  }

  /** Reads every document of a YAML stream (or JSON values one after another), up to {@code max}. */
  public void readAll(SourceText source, Consumer<Result> sink, int max) {
    ParseErrors errors = new ParseErrors(source, yaml, limits);
    if (source.text().length() > limits.maxBytes()) {
      sink.accept(failed(errors.tooLarge()));
      return;
    }
    try (JsonParser parser = factory().createParser(source.text())) {
      Builder builder = new Builder(source, parser);
      for (int count = 0; count < max; count++) {
        JsonToken token = parser.nextToken();
        if (token == null) {
          return;
        }
        builder.diagnostics.clear();
        Node root = builder.value(token, 0);
        sink.accept(new Result(Optional.of(root), builder.diagnostics));
      }
    } catch (Refusal r) {
      sink.accept(failed(r.diagnostic));
    } catch (IOException | RuntimeException e) {
      sink.accept(failed(errors.of(e)));
    } catch (StackOverflowError e) {
      // not expected within the depth limit; refused rather than crashing if a parser recurses deeper
      sink.accept(failed(errors.tooDeep(Pos.NONE)));
    }
  }

  private static Result failed(Diagnostic d) {
    return new Result(Optional.empty(), List.of(d));
  }

  /** Stops reading at the first value that is refused outright (an alias, a tag, a limit). */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Diagnostic diagnostic;

    Refusal(Diagnostic diagnostic) {
      super(diagnostic.message(), null, false, false);
      this.diagnostic = diagnostic;
    }
  }

  private final class Builder {
    final SourceText source;
    final JsonParser parser;
    final List<Diagnostic> diagnostics = new ArrayList<>();

    Builder(SourceText source, JsonParser parser) {
      this.source = source;
      this.parser = parser;
    }

    Node value(JsonToken token, int depth) throws IOException {
      Pos pos = pos(parser.currentTokenLocation());
      if (yaml) {
        checkYamlExtras(pos);
      }
      switch (token) {
        case START_OBJECT:
          return map(pos, enter(pos, depth));
        case START_ARRAY:
          return list(pos, enter(pos, depth));
        case VALUE_STRING:
          return new ScalarNode(ScalarNode.Type.STRING, text(pos), pos, quoted(parser.currentTokenLocation()));
        case VALUE_NUMBER_INT:
          return new ScalarNode(ScalarNode.Type.INTEGER, number(pos), pos, false);
        case VALUE_NUMBER_FLOAT:
          return new ScalarNode(ScalarNode.Type.DECIMAL, number(pos), pos, false);
        case VALUE_TRUE:
        case VALUE_FALSE:
          return new ScalarNode(ScalarNode.Type.BOOLEAN, parser.getText(), pos, false);
        case VALUE_NULL:
          return new ScalarNode(ScalarNode.Type.NULL, "", pos, false);
        default:
          diagnostics.add(ParseErrors.error(source, pos, Phrase.of("syntax.unsupported")));
          return new ScalarNode(ScalarNode.Type.NULL, "", pos, false);
      }
    }

    private int enter(Pos pos, int depth) {
      if (depth + 1 > limits.maxDepth()) {
        throw new Refusal(new ParseErrors(source, yaml, limits).tooDeep(pos));
      }
      return depth + 1;
    }

    private String text(Pos pos) throws IOException {
      String text = parser.getText();
      if (text.length() > limits.maxStringLength()) {
        throw new Refusal(new ParseErrors(source, yaml, limits).tooLong(pos));
      }
      return text;
    }

    private String number(Pos pos) throws IOException {
      String text = parser.getText();
      if (text.length() > limits.maxNumberLength()) {
        throw new Refusal(new ParseErrors(source, yaml, limits).tooManyDigits(pos));
      }
      return text;
    }

    private void checkYamlExtras(Pos pos) throws IOException {
      if (!(parser instanceof YAMLParser)) {
        return;
      }
      YAMLParser y = (YAMLParser) parser;
      if (y.isCurrentAlias()) {
        throw new Refusal(
            ParseErrors.error(source, pos, Phrase.of("syntax.yaml.alias", clip(y.getText())))
                .withHint(Phrase.of("hint.alias")));
      }
      String tag = y.getTypeId();
      if (tag != null) {
        String core = tag.startsWith("tag:yaml.org,2002:") ? tag.substring(18) : null;
        if (core == null || !CORE_TAGS.contains(core)) {
          throw new Refusal(
              ParseErrors.error(source, pos, Phrase.of("syntax.yaml.tag", clip(shortTag(tag))))
                  .withHint(Phrase.of("hint.tag")));
        }
      }
    }

    /**
     * Jackson does not report the tag of a key, so it is read from the text: a key's location starts
     * at its properties (an anchor, a tag), as SnakeYAML marks it.
     */
    private void checkKeyTag(Pos pos, JsonLocation location) {
      if (!yaml) {
        return;
      }
      String text = source.text();
      int i = (int) Math.max(0, Math.min(location.getCharOffset(), text.length()));
      for (int props = 0; props < 2 && i < text.length(); props++) {
        char c = text.charAt(i);
        if (c != '&' && c != '!') {
          return;
        }
        int end = i;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
          end++;
        }
        String tag = text.substring(i, end);
        if (c == '!' && !tag.equals("!!str")) {
          throw new Refusal(
              ParseErrors.error(source, pos, Phrase.of("syntax.yaml.tag", clip(tag)))
                  .withHint(Phrase.of("hint.tag")));
        }
        i = end;
        while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
          i++;
        }
      }
    }

    private Node map(Pos pos, int depth) throws IOException {
      java.util.LinkedHashMap<String, MapNode.Entry> entries = new java.util.LinkedHashMap<>();
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_OBJECT && token != null) {
        Pos keyPos = pos(parser.currentTokenLocation());
        checkKeyTag(keyPos, parser.currentTokenLocation());
        String key = parser.currentName();
        if (key.length() > limits.maxStringLength()) {
          throw new Refusal(new ParseErrors(source, yaml, limits).tooLong(keyPos));
        }
        Node value = value(parser.nextToken(), depth);
        MapNode.Entry first = entries.putIfAbsent(key, new MapNode.Entry(key, keyPos, value));
        if (first != null) {
          diagnostics.add(
              ParseErrors.error(source, keyPos, Phrase.of("syntax.duplicate_key", key, first.keyPos().line()))
                  .withHint(Phrase.of("hint.keep_one")));
        }
      }
      return new MapNode(entries, pos);
    }

    private Node list(Pos pos, int depth) throws IOException {
      List<Node> items = new ArrayList<>();
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
        items.add(value(token, depth));
      }
      return new ListNode(items, pos);
    }

    private Pos pos(JsonLocation location) {
      return new Pos(location.getLineNr() + source.firstLine() - 1, location.getColumnNr());
    }

    private boolean quoted(JsonLocation location) {
      if (!yaml) {
        return true;
      }
      long offset = location.getCharOffset();
      if (offset < 0 || offset >= source.text().length()) {
        return false;
      }
      char c = source.text().charAt((int) offset);
      return c == '"' || c == '\'';
    }
  }

  private static String shortTag(String tag) {
    return tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring(18) : "!" + tag;
  }

  private static String clip(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "…";
  }
}
