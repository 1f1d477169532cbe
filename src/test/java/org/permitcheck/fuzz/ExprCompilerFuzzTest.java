package org.permitcheck.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.permitcheck.expr.CompiledExpr;
import org.permitcheck.expr.Env;
import org.permitcheck.expr.ExprCompiler;
import org.permitcheck.expr.ExprError;
import org.permitcheck.expr.Symbols;
import org.permitcheck.expr.Type;

/**
 * Fuzzes the criteria-language compiler with the fixture ruleset's facts in scope: only a compiled
 * expression or errors with a range inside the text may come out, and a compiled expression must
 * evaluate, to a value of its type or unknown, with no facts, with ordinary and with extreme values.
 * Seeds: ExprCompilerFuzzTestInputs/; run longer with scripts/fuzz.
 */
class ExprCompilerFuzzTest {
  private static final Symbols SYMBOLS = Outcomes.FIXTURE_RULES.symbols();

  @FuzzTest(maxDuration = "2m")
  void compile(byte[] input) {
    String source = new String(input, StandardCharsets.UTF_8);
    check(source, ExprCompiler.compile(source, SYMBOLS, null));
    check(source, ExprCompiler.compile(source, SYMBOLS, Type.BOOLEAN));
  }

  private static void check(String source, ExprCompiler.Result r) {
    if (r.expr().isEmpty() == r.errors().isEmpty()) {
      throw new AssertionError("a compiled expression and errors, or neither: " + r.errors());
    }
    for (ExprError e : r.errors()) {
      if (e.start() < 0 || e.start() > e.end() || e.end() > source.length() || e.message().isBlank()) {
        throw new AssertionError("error outside the text: " + e);
      }
    }
    r.expr().ifPresent(ExprCompilerFuzzTest::evaluate);
  }

  private static void evaluate(CompiledExpr expr) {
    for (int variant = 0; variant < Values.VARIANTS; variant++) {
      Object[] facts = new Object[SYMBOLS.factCount()];
      for (int slot = 0; slot < facts.length; slot++) {
        facts[slot] = Values.sample(SYMBOLS.all().get(slot).type(), variant).orElse(null);
      }
      LocalDate asOf = variant == 2 ? LocalDate.MAX : Outcomes.TODAY;
      Object v = expr.eval(new Env(SYMBOLS, facts, asOf, asOf));
      if (v != null && !fits(v, expr.type())) {
        throw new AssertionError(expr.source() + " gave " + v.getClass().getSimpleName() + " for " + expr.type());
      }
    }
  }

  private static boolean fits(Object v, Type t) {
    switch (t.kind()) {
      case BOOLEAN:
        return v instanceof Boolean;
      case INTEGER:
        return v instanceof Long;
      case DECIMAL:
      case MONEY:
        return v instanceof BigDecimal || v instanceof Long;
      case DATE:
        return v instanceof LocalDate;
      default:
        return true;
    }
  }
}
