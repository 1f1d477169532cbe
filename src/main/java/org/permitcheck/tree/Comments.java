package org.permitcheck.tree;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.comments.CommentType;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The comments of a YAML file, by the path of the entry they belong to, so that a program that writes
 * the file again can put them back where the person wrote them. A path is a list of keys and item
 * indexes ("facts", "children", "0", "birth_date"); the empty path holds the lines above the first key.
 * Each entry has the lines above it ({@link #before}: comments, and blank lines as empty strings), the
 * comments at the end of its line ({@link #after}; a second one goes on a line of its own) and the lines
 * at the end of its block ({@link #end}). Texts are kept as written, without their {@code #}.
 */
public final class Comments {
  public static final Comments NONE = new Comments();

  private final Map<List<String>, List<String>> before = new LinkedHashMap<>();
  private final Map<List<String>, List<String>> after = new LinkedHashMap<>();
  private final Map<List<String>, List<String>> end = new LinkedHashMap<>();
  private final java.util.Set<List<String>> order = new java.util.LinkedHashSet<>();

  private Comments() {}

  /**
   * The comments of {@code text} under the mapping at {@code under} (empty: the whole document). A
   * text without any {@code #} has none; so has a text that is not one YAML document, or JSON. The
   * text must have been read without error by {@link TreeReader}, which bounds its size and refuses
   * aliases.
   */
  public static Comments read(String text, List<String> under) {
    if (text.indexOf('#') < 0) {
      return NONE;
    }
    LoaderOptions options = new LoaderOptions();
    options.setProcessComments(true);
    options.setMaxAliasesForCollections(10);
    options.setCodePointLimit(Math.max(text.length(), 1));
    Node root;
    try {
      root = new Yaml(options).compose(new StringReader(text));
    } catch (RuntimeException e) { // not for us to report: the file was read before, by TreeReader
      return NONE;
    }
    for (String key : under) {
      root = root instanceof MappingNode ? value((MappingNode) root, key) : null;
    }
    if (!(root instanceof MappingNode)) {
      return NONE;
    }
    Comments c = new Comments();
    c.collect(root, List.of(), true);
    return c;
  }

  private static Node value(MappingNode map, String key) {
    for (NodeTuple t : map.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode && ((ScalarNode) t.getKeyNode()).getValue().equals(key)) {
        return t.getValueNode();
      }
    }
    return null;
  }

  private void collect(Node node, List<String> path, boolean top) {
    if (node instanceof MappingNode) {
      boolean first = top;
      for (NodeTuple t : ((MappingNode) node).getValue()) {
        Node key = t.getKeyNode();
        if (!(key instanceof ScalarNode)) {
          continue; // case files have text keys only
        }
        List<String> at = append(path, ((ScalarNode) key).getValue());
        add(before, first ? List.of() : at, key.getBlockComments());
        first = false;
        add(after, at, key.getInLineComments());
        Node value = t.getValueNode();
        add(after, at, value.getBlockComments()); // SnakeYAML keeps a comment after "key:" here at times
        add(after, at, value.getInLineComments());
        collect(value, at, false);
      }
    } else if (node instanceof SequenceNode) {
      List<Node> items = ((SequenceNode) node).getValue();
      for (int i = 0; i < items.size(); i++) {
        Node item = items.get(i);
        List<String> at = append(path, String.valueOf(i));
        if (item instanceof MappingNode) {
          collect(item, at, false);
        } else {
          add(after, at, item.getInLineComments());
        }
      }
    }
    add(end, path, node.getEndComments());
  }

  private static List<String> append(List<String> path, String key) {
    List<String> at = new ArrayList<>(path);
    at.add(key);
    return List.copyOf(at);
  }

  private void add(Map<List<String>, List<String>> to, List<String> path, List<CommentLine> lines) {
    if (lines == null || lines.isEmpty()) {
      return;
    }
    order.add(path);
    List<String> texts = to.computeIfAbsent(path, p -> new ArrayList<>());
    for (CommentLine line : lines) {
      texts.add(line.getCommentType() == CommentType.BLANK_LINE ? "" : line.getValue());
    }
  }

  public boolean isEmpty() {
    return order.isEmpty();
  }

  /** The lines above the entry at {@code path}: comment texts, and "" for a blank line. */
  public List<String> before(List<String> path) {
    return before.getOrDefault(path, List.of());
  }

  /** The comments written after the entry's value on its line: the first there, any others below. */
  public List<String> after(List<String> path) {
    return after.getOrDefault(path, List.of());
  }

  /** The lines at the end of the entry's block (of the document, for the empty path). */
  public List<String> end(List<String> path) {
    return end.getOrDefault(path, List.of());
  }

  /** Every path that has comments, in the order of the file. */
  public List<List<String>> paths() {
    return List.copyOf(order);
  }
}
