package org.permitcheck.diag;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean" suggestions: the closest candidate within edit distance 2. */
public final class Suggest {
  private Suggest() {}

  public static Optional<String> closest(String wrong, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String w = wrong.toLowerCase(Locale.ROOT);
    for (String candidate : candidates) {
      int d = distance(w, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance || (d == bestDistance && best != null && candidate.compareTo(best) < 0)) {
        best = candidate;
        bestDistance = d;
      }
    }
    int limit = wrong.length() <= 3 ? 1 : 2;
    return bestDistance <= limit ? Optional.ofNullable(best) : Optional.empty();
  }

  /** The hint text for a misspelt name, or "" when nothing is close. */
  public static String didYouMean(String wrong, Collection<String> candidates) {
    Phrase hint = hint(wrong, candidates);
    return hint == null ? "" : hint.english();
  }

  /** The hint for a misspelt name, said in any language, or null when nothing is close. */
  public static Phrase hint(String wrong, Collection<String> candidates) {
    Optional<String> best = closest(wrong, candidates);
    return best.isPresent() ? Phrase.of("hint.did_you_mean", best.get()) : null;
  }

  /** Optimal string alignment distance (Levenshtein with transpositions). */
  static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 3) {
      return 99;
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
