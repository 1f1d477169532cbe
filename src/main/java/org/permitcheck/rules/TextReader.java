package org.permitcheck.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.permitcheck.tree.MapNode;
import org.permitcheck.tree.Node;
import org.permitcheck.tree.NodeReader;

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
          + node.kind(), "");
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
      reader.string(e.value(), what + " (" + e.key() + ")").ifPresent(s -> {
        if (s.isBlank()) {
          reader.error(e.value().pos(), what + " (" + e.key() + ") is empty", "write the text or remove the key");
        } else {
          texts.put(e.key(), s);
        }
      });
    }
    for (String lang : required) {
      if (!map.has(lang)) {
        reader.error(map.pos(), what + " has no '" + lang + "' text", "add " + lang + ": \"...\"");
      }
    }
    return new Text(texts);
  }

  Text optional(MapNode parent, String key, String what, List<String> required) {
    return parent.get(key).map(n -> read(n, what, required)).orElse(Text.EMPTY);
  }
}
