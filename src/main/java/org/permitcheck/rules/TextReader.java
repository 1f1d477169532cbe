package org.permitcheck.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.permitcheck.tree.MapNode;
import org.permitcheck.tree.Node;
import org.permitcheck.tree.NodeReader;
import org.permitcheck.tree.ScalarNode;

/** Reads {@code {en: ..., fr: ...}} texts and checks that the required languages are present. */
final class TextReader {
  private final NodeReader reader;
  private final Set<String> languages;

  TextReader(NodeReader reader, Set<String> languages) {
    this.reader = reader;
    this.languages = languages;
  }

  /**
   * Reads a text; {@code required} languages (e.g. en, fr, and de for a German permit) must be there.
   */
  Text read(Node node, String what, List<String> required) {
    if (!(node instanceof MapNode)) {
      reader.error(node.pos(), what + " must give the text per language, e.g. {en: \"...\", fr: \"...\"}, found "
          + (node instanceof ScalarNode && ((ScalarNode) node).text().isEmpty() ? "nothing"
              : NodeReader.kind(node).english()), "write the text in each language, each on its own key: en, fr, …");
      return Text.EMPTY;
    }
    MapNode map = (MapNode) node;
    Map<String, String> texts = new LinkedHashMap<>();
    for (MapNode.Entry e : map.entries()) {
      if (!languages.contains(e.key())) {
        reader.error(e.keyPos(), "language '" + e.key() + "' in " + what + " is not one of the ruleset's languages",
            "languages: " + String.join(", ", languages));
        continue;
      }
      Optional<String> s = reader.string(e.value(), what + " (" + e.key() + ")");
      if (s.isPresent() && s.get().isBlank()) {
        reader.error(e.value().pos(), what + " (" + e.key() + ") is empty", "write the text or remove the key");
      } else if (s.isPresent()) {
        texts.put(e.key(), s.get());
      }
    }
    for (String lang : required) {
      if (!map.has(lang)) {
        reader.error(map.pos(), what + " has no '" + lang + "' text", "add " + lang + ": \"...\"");
      }
    }
    return new Text(texts);
  }

  Text optional(MapNode parent, String key, String what, List<String> required) {
    Optional<Node> n = parent.get(key);
    return n.isPresent() ? read(n.get(), what, required) : Text.EMPTY;
  }

  /** The text under a required key; its absence is reported at {@code parent} (as {@code where}). */
  Text required(MapNode parent, String key, String where, String what, List<String> required) {
    Optional<Node> n = reader.required(parent, key, where);
    return n.isPresent() ? read(n.get(), what, required) : Text.EMPTY;
  }

  /** The texts of the list under an optional key, such as a permit's documents. */
  List<Text> list(MapNode parent, String key, String listWhat, String what, List<String> required) {
    List<Text> out = new ArrayList<>();
    for (Node item : reader.items(parent, key, listWhat)) {
      out.add(read(item, what, required));
    }
    return out;
  }
}
