package org.permitcheck.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.permitcheck.expr.Symbols;
import org.permitcheck.expr.Type;

/** A case's maps: read-only, in order, copied from a caller's map, shared between cases. */
class FrozenMapTest {
  static Case caseWith(Map<String, Object> facts) {
    return new Case("c", "s", Optional.empty(), Optional.empty(), Optional.empty(), facts, Map.of());
  }

  @Test
  void keepsTheOrderAndRefusesEveryChange() {
    Map<String, Object> given = new LinkedHashMap<>();
    given.put("b", 1L);
    given.put("a", true);
    Map<String, Object> facts = caseWith(given).facts();
    assertThat(facts.keySet()).containsExactly("b", "a");
    assertThat(facts).containsEntry("a", true).hasSize(2).isEqualTo(Map.of("a", true, "b", 1L));
    assertThat(facts.get("c")).isNull();
    assertThatThrownBy(() -> facts.put("c", 1L)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> facts.remove("a")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> facts.entrySet().iterator().next().setValue(2L))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> facts.keySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> facts.values().removeIf(v -> true)).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void copiesACallersMapSoThatLaterChangesDoNotReachTheCase() {
    Map<String, Object> given = new LinkedHashMap<>();
    given.put("a", true);
    Case c = caseWith(given);
    given.put("b", 2L);
    given.remove("a");
    assertThat(c.facts()).containsOnlyKeys("a");
  }

  @Test
  void sharesAnotherCasesMapsInsteadOfCopying() {
    Case c = caseWith(Map.of("a", true));
    Case again = new Case("d", "t", c.country(), c.asOf(), c.applicationDate(), c.facts(), c.expect());
    assertThat(again.facts()).isSameAs(c.facts());
    assertThat(again.expect()).isSameAs(c.expect());
    assertThat(c.with(Map.of("b", 1L)).facts()).containsOnlyKeys("a", "b");
    assertThat(c.facts()).containsOnlyKeys("a");
  }

  @Test
  void givenBySlotsAnswersLikeAMapOfTheNamesInTheOrderGiven() {
    Symbols symbols = new Symbols.Builder().fact("a", Type.BOOLEAN).fact("b", Type.INTEGER).fact("c", Type.TEXT)
        .build();
    Object[] bySlot = {true, null, "x"};
    Map<String, Object> facts = FrozenMap.bySlots(bySlot, symbols, new int[] {2, 0, 0}, 2);
    assertThat(facts.get("c")).isEqualTo("x");
    assertThat(facts.get("b")).isNull();
    assertThat(facts.get("nowhere")).isNull();
    assertThat(facts.containsKey("a")).isTrue();
    assertThat(facts.containsKey("b")).isFalse();
    assertThat(facts).hasSize(2);
    assertThat(facts.keySet()).containsExactly("c", "a");
    assertThat(facts).isEqualTo(Map.of("a", true, "c", "x"));
    assertThat(facts.get("a")).isEqualTo(true);
    assertThatThrownBy(() -> facts.put("b", 1L)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(caseWith(facts).factsBySlot(symbols)).isSameAs(bySlot);
    assertThat(caseWith(facts).factsBySlot(new Symbols.Builder().build())).isNull();
    assertThat(caseWith(Map.of("a", true)).factsBySlot(symbols)).isNull();
  }
}
