package org.permitcheck.tree;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.permitcheck.diag.Diagnostic;
import org.permitcheck.diag.SourceText;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML or JSON text into a {@link Node} tree that remembers where every value was written.
 * Duplicate keys, YAML aliases and non-standard YAML tags are refused; parser errors become located
 * diagnostics in plain words. Nothing of Jackson's own exception texts reaches the user.
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

  private static final Set<String> CORE_TAGS =
      Set.of("str", "int", "float", "bool", "null", "map", "seq", "timestamp");

  private final JsonFactory factory;
  private final boolean yaml;
  private final Limits limits;

  private TreeReader(JsonFactory factory, boolean yaml, Limits limits) {
    this.factory = factory;
    this.yaml = yaml;
    this.limits = limits;
  }

  public static TreeReader yaml(Limits limits) {
    LoaderOptions options = new LoaderOptions();
    options.setMaxAliasesForCollections(10);
    options.setNestingDepthLimit(limits.maxDepth() + 2);
    options.setCodePointLimit(limits.maxBytes());
    options.setAllowRecursiveKeys(false);
    YAMLFactory factory =
        YAMLFactory.builder().loaderOptions(options).streamReadConstraints(constraints(limits)).build();
    return new TreeReader(factory, true, limits);
  }

  public static TreeReader json(Limits limits) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(constraints(limits))
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    return new TreeReader(factory, false, limits);
  }

  private static final java.util.Map<Limits, TreeReader> YAML_READERS = new java.util.concurrent.ConcurrentHashMap<>();
  private static final java.util.Map<Limits, TreeReader> JSON_READERS = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Chooses YAML or JSON by the file name ({@code .json}, {@code .ndjson}, {@code .jsonl} are JSON).
   * Readers are immutable and thread-safe, so one per kind and limits is shared.
   */
  public static TreeReader forName(String name, Limits limits) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    boolean json = lower.endsWith(".json") || lower.endsWith(".ndjson") || lower.endsWith(".jsonl");
    return json ? JSON_READERS.computeIfAbsent(limits, TreeReader::json)
        : YAML_READERS.computeIfAbsent(limits, TreeReader::yaml);
  }

  private static StreamReadConstraints constraints(Limits limits) {
    return StreamReadConstraints.builder()
        .maxNestingDepth(limits.maxDepth())
        .maxStringLength(limits.maxStringLength())
        .maxNumberLength(limits.maxNumberLength())
        .maxDocumentLength(limits.maxBytes())
        .build();
  }

  public boolean isYaml() {
    return yaml;
  }

  /** Reads exactly one document; a second document in the same text is an error. */
  public Result read(SourceText source) {
    List<Result> results = new ArrayList<>();
    readAll(source, results::add, 2);
    if (results.isEmpty()) {
      return new Result(Optional.empty(), List.of());
    }
    Result first = results.get(0);
    if (results.size() > 1 && first.ok()) {
      Node second = results.get(1).root().orElse(null);
      Pos at = second == null ? Pos.NONE : second.pos();
      Diagnostic d =
          error(source, at, "more than one document in this file")
              .withHint("one case per file; for many cases use a .ndjson file or a YAML stream on stdin");
      return new Result(first.root(), List.of(d));
    }
    return first;
  }

  /** Reads every document of a YAML stream (or JSON values one after another), up to {@code max}. */
  public void readAll(SourceText source, Consumer<Result> sink, int max) {
    if (source.text().length() > limits.maxBytes()) {
      sink.accept(
          new Result(
              Optional.empty(),
              List.of(
                  error(source, new Pos(1, 1), "file is larger than the limit of " + limits.maxBytes() + " bytes")
                      .withHint("split it, or use NDJSON with one case per line"))));
      return;
    }
    try (JsonParser parser = factory.createParser(source.text())) {
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
    } catch (StreamConstraintsException e) {
      sink.accept(new Result(Optional.empty(), List.of(limitError(source, e))));
    } catch (MarkedYAMLException e) {
      sink.accept(new Result(Optional.empty(), List.of(yamlError(source, e))));
    } catch (JsonParseException e) {
      sink.accept(new Result(Optional.empty(), List.of(jsonError(source, e))));
    } catch (JsonProcessingException e) {
      sink.accept(new Result(Optional.empty(), List.of(jsonError(source, e))));
    } catch (IOException | RuntimeException e) {
      // SnakeYAML signals some limits (aliases, code points, depth) with its own unchecked exceptions
      sink.accept(new Result(Optional.empty(), List.of(otherError(source, e))));
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
          return map(pos, depth + 1);
        case START_ARRAY:
          return list(pos, depth + 1);
        case VALUE_STRING:
          return new ScalarNode(ScalarNode.Type.STRING, parser.getText(), pos, quoted(parser.currentTokenLocation()));
        case VALUE_NUMBER_INT:
          return new ScalarNode(ScalarNode.Type.INTEGER, parser.getText(), pos, false);
        case VALUE_NUMBER_FLOAT:
          return new ScalarNode(ScalarNode.Type.DECIMAL, parser.getText(), pos, false);
        case VALUE_TRUE:
        case VALUE_FALSE:
          return new ScalarNode(ScalarNode.Type.BOOLEAN, parser.getText(), pos, false);
        case VALUE_NULL:
          return new ScalarNode(ScalarNode.Type.NULL, "", pos, false);
        default:
          diagnostics.add(error(source, pos, "unsupported value here"));
          return new ScalarNode(ScalarNode.Type.NULL, "", pos, false);
      }
    }

    private void checkYamlExtras(Pos pos) throws IOException {
      if (!(parser instanceof YAMLParser)) {
        return;
      }
      YAMLParser y = (YAMLParser) parser;
      if (y.isCurrentAlias()) {
        diagnostics.add(
            error(source, pos, "YAML alias '*" + y.getText() + "' is not supported")
                .withHint("write the value out in full instead of referring to an anchor"));
      }
      String tag = y.getTypeId();
      if (tag != null) {
        String core = tag.startsWith("tag:yaml.org,2002:") ? tag.substring(18) : null;
        if (core == null || !CORE_TAGS.contains(core)) {
          diagnostics.add(
              error(source, pos, "YAML tag '" + shortTag(tag) + "' is not allowed")
                  .withHint("remove the tag: values are read as plain text, numbers, dates and lists"));
        }
      }
    }

    private Node map(Pos pos, int depth) throws IOException {
      java.util.LinkedHashMap<String, MapNode.Entry> entries = new java.util.LinkedHashMap<>();
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_OBJECT) {
        String key = parser.currentName();
        Pos keyPos = pos(parser.currentTokenLocation());
        Node value = value(parser.nextToken(), depth);
        MapNode.Entry first = entries.putIfAbsent(key, new MapNode.Entry(key, keyPos, value));
        if (first != null) {
          diagnostics.add(
              error(source, keyPos, "duplicate key '" + key + "' (first written at line " + first.keyPos().line() + ")")
                  .withHint("keep only one of them"));
        }
        if (token == null) {
          break;
        }
      }
      return new MapNode(entries, pos);
    }

    private Node list(Pos pos, int depth) throws IOException {
      List<Node> items = new ArrayList<>();
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
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

  static Diagnostic error(SourceText source, Pos pos, String message) {
    return new Diagnostic(
        org.permitcheck.diag.Severity.ERROR,
        source.name(),
        pos.line(),
        pos.column(),
        message,
        pos.line() > 0 ? source.line(pos.line()) : "",
        List.of());
  }

  private Diagnostic yamlError(SourceText source, MarkedYAMLException e) {
    var mark = e.getProblemMark();
    Pos pos = mark == null ? Pos.NONE : new Pos(mark.getLine() + source.firstLine(), mark.getColumn() + 1);
    String problem = e.getProblem() == null ? "" : e.getProblem();
    return error(source, pos, yamlProblem(problem)).withHint(yamlHint(problem));
  }

  static String yamlProblem(String problem) {
    if (problem.contains("\\t(TAB)") || problem.contains("TAB")) {
      return "YAML syntax error: a tab character cannot be used for indentation";
    }
    if (problem.startsWith("mapping values are not allowed")) {
      return "YAML syntax error: unexpected ':' here";
    }
    if (problem.startsWith("could not find expected ':'")) {
      return "YAML syntax error: a key is missing its ':'";
    }
    if (problem.startsWith("found undefined alias")) {
      return "YAML syntax error: alias to an anchor that does not exist";
    }
    if (problem.startsWith("found duplicate anchor")) {
      return "YAML syntax error: the same anchor is defined twice";
    }
    if (problem.startsWith("expected <block end>") || problem.contains("block mapping")) {
      return "YAML syntax error: this line is not indented like the lines around it";
    }
    if (problem.startsWith("found unexpected end of stream")) {
      return "YAML syntax error: the file ends inside a quoted text";
    }
    if (problem.startsWith("found character")) {
      String what = problem.replaceAll("found character '(.*?)' that cannot start any token.*", "$1");
      return "YAML syntax error: a value cannot start with '" + what + "'";
    }
    String clean = problem.replaceAll("\\s+", " ").trim();
    return clean.isEmpty() ? "YAML syntax error" : "YAML syntax error: " + clean;
  }

  static String yamlHint(String problem) {
    if (problem.contains("TAB")) {
      return "indent with spaces only";
    }
    if (problem.startsWith("mapping values are not allowed")) {
      return "check the indentation of this line, or put text that contains ': ' in quotes";
    }
    if (problem.startsWith("found character")) {
      return "put the value in quotes";
    }
    if (problem.startsWith("expected <block end>") || problem.contains("block mapping")) {
      return "align this key with the keys above it, using spaces";
    }
    return "";
  }

  private static final Pattern UNEXPECTED = Pattern.compile("Unexpected character \\('(.{1,2})' \\(code");

  private Diagnostic jsonError(SourceText source, JsonProcessingException e) {
    JsonLocation loc = e.getLocation();
    Pos pos =
        loc == null ? Pos.NONE : new Pos(loc.getLineNr() + source.firstLine() - 1, Math.max(1, loc.getColumnNr()));
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    String message;
    String hint = "";
    Matcher m = UNEXPECTED.matcher(original);
    if (original.startsWith("Unexpected end-of-input")) {
      message = "JSON syntax error: the text ends in the middle of a value";
      hint = "a closing bracket, brace or quote is missing";
    } else if (m.find()) {
      message = "JSON syntax error: unexpected character '" + m.group(1) + "'";
      hint = "check for a missing comma, colon or quote just before it";
    } else if (original.startsWith("Duplicate field")) {
      message = "duplicate key in a JSON object";
    } else if (original.contains("Unrecognized token")) {
      message = "JSON syntax error: a word that is not a JSON value";
      hint = "texts must be in double quotes; use true, false or null for those values";
    } else if (original.contains("Invalid UTF-8")) {
      message = "the file is not valid UTF-8 text";
      hint = "save it as UTF-8";
    } else {
      message = "JSON syntax error";
    }
    return error(source, pos, message).withHint(hint);
  }

  private Diagnostic limitError(SourceText source, StreamConstraintsException e) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    JsonLocation loc = e.getLocation();
    Pos pos = loc == null ? Pos.NONE : new Pos(loc.getLineNr() + source.firstLine() - 1, loc.getColumnNr());
    String message;
    if (original.contains("Document nesting depth")) {
      message = "values are nested more than " + limits.maxDepth() + " levels deep";
    } else if (original.contains("String value length")) {
      message = "a text is longer than the limit of " + limits.maxStringLength() + " characters";
    } else if (original.contains("Number value length")) {
      message = "a number has more than " + limits.maxNumberLength() + " digits";
    } else if (original.contains("Document length")) {
      message = "file is larger than the limit of " + limits.maxBytes() + " bytes";
    } else {
      message = "the input exceeds a size limit";
    }
    return error(source, pos, message).withHint("see 'Limits' in the README");
  }

  private Diagnostic otherError(SourceText source, Exception e) {
    String text = String.valueOf(e.getMessage());
    Throwable cause = e;
    while (cause != null) {
      if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException) {
        var marked = (org.yaml.snakeyaml.error.MarkedYAMLException) cause;
        var mark = marked.getProblemMark();
        Pos pos = mark == null ? Pos.NONE : new Pos(mark.getLine() + source.firstLine(), mark.getColumn() + 1);
        String problem = marked.getProblem() == null ? "" : marked.getProblem();
        return error(source, pos, yamlProblem(problem)).withHint(yamlHint(problem));
      }
      cause = cause.getCause();
    }
    if (text.contains("aliases")) {
      return error(source, new Pos(1, 1), "too many YAML aliases in this file")
          .withHint("YAML aliases are not supported; write values out in full");
    }
    if (text.contains("code point") || text.contains("exceeds the limit")) {
      return error(source, new Pos(1, 1), "file is larger than the limit of " + limits.maxBytes() + " bytes");
    }
    if (text.contains("Nesting Depth")) {
      return error(source, new Pos(1, 1), "values are nested more than " + limits.maxDepth() + " levels deep");
    }
    return error(source, new Pos(1, 1), yaml ? "the file cannot be read as YAML" : "the file cannot be read as JSON");
  }
}
