package org.permitcheck.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The name table finds each of its names, and only those, from bytes or from text alike. */
class NamesTest {
  static int find(Names names, String name) {
    byte[] b = ("\"" + name + "\"").getBytes(StandardCharsets.UTF_8);
    return names.find(b, 1, b.length - 1);
  }

  @Test
  void findsEveryNameEvenWhereTheirHashesCollide() {
    // the same length and the same first, middle and last bytes: one hash for all of them
    List<String> list = new ArrayList<>();
    for (char c = 'a'; c <= 'z'; c++) {
      list.add("x" + c + "m" + c + "z");
    }
    list.add("");
    list.add("fr_medical_need_exceptional_gravity");
    Names names = new Names(list);

    for (int id = 0; id < list.size(); id++) {
      assertThat(find(names, list.get(id))).isEqualTo(id);
      assertThat(names.find(list.get(id))).isEqualTo(id);
      assertThat(names.name(id)).isEqualTo(list.get(id));
    }
    for (String unknown : List.of("xAmBz", "xamaz ", "xam", "fr_medical_need_exceptional_gravitx", "\u00e9")) {
      assertThat(find(names, unknown)).as(unknown).isEqualTo(-1);
      assertThat(names.find(unknown)).as(unknown).isEqualTo(-1);
    }
  }

  @Test
  void givesTheFirstOfEqualNames() {
    Names names = new Names(List.of("DE-25b", "NL-ben", "DE-25b"));

    assertThat(find(names, "DE-25b")).isZero();
    assertThat(names.find("DE-25b")).isZero();
  }

  @Test
  void learnsTheNameThatFirstFollowedAnotherAndKeepsIt() {
    Names names = new Names(List.of("id", "country", "facts"));
    assertThat(names.after(-1)).isEqualTo(-1);

    names.learn(-1, 0);
    names.learn(0, -1); // an unknown name is not learnt
    names.learn(0, 2);
    names.learn(0, 1); // a guess, once made, stays

    assertThat(names.after(-1)).isZero();
    assertThat(names.after(0)).isEqualTo(2);
  }

  @Test
  void guessesOnlyNamesThatAreWrittenAsTheyAre() {
    Names names = new Names(List.of("plain", "a\"quote", "caf\u00e9", "tab\there"));

    assertThat(names.plainLength(0)).isEqualTo(5);
    assertThat(names.plainLength(1)).isEqualTo(-1);
    assertThat(names.plainLength(2)).isEqualTo(-1); // not ASCII: it may be written with an escape
    assertThat(names.plainLength(3)).isEqualTo(-1);
  }
}
