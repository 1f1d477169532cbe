package org.permitcheck.interview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.permitcheck.report.Messages;

/**
 * What the interview takes as a reply rather than an answer: yes and no in every language, whatever
 * the interview's (an adviser in Brussels or Lyon types "oui" out of habit in an English interview; no
 * word means yes in one language and no in another), and the keywords each question takes ({@link
 * Asker}). The question to save the case takes them too, so that none of them becomes a file name.
 */
public final class Replies {
  /** The keywords {@link Asker} acts on. */
  public static final List<String> KEYWORDS = List.of("skip", "?", "help", "why", "back", "quit");

  private static final List<String> YES = words("interview.words.yes");
  private static final List<String> NO = words("interview.words.no");

  private Replies() {}

  /** Whether {@code word}, stripped and in lower case, means yes in one of the languages. */
  public static boolean yes(String word) {
    return YES.contains(word);
  }

  /** Whether {@code word}, stripped and in lower case, means no in one of the languages. */
  public static boolean no(String word) {
    return NO.contains(word);
  }

  private static List<String> words(String key) {
    List<String> out = new ArrayList<>();
    for (String language : Messages.LANGUAGES) {
      for (String w : new Messages(language).get(key).split(",")) {
        out.add(w.strip().toLowerCase(Locale.ROOT));
      }
    }
    return List.copyOf(out);
  }
}
