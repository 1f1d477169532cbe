package org.permitcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.SourceText;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;
import org.permitcheck.tree.Limits;

/** Finds and loads the ruleset: --rules, else ./rules.yaml, else the one bundled in the program. */
final class RulesSource {
  static final String BUNDLED = "/org/permitcheck/rules.yaml";

  private RulesSource() {}

  /** Loads the ruleset; an unreadable file is reported like any other rules error. */
  static Checked<Ruleset> load(Context ctx, String option) {
    return load(ctx, option, new Debug(ctx.err(), Debug.Level.off));
  }

  /** Loads the ruleset, saying with --debug which file it was and how long it took. */
  static Checked<Ruleset> load(Context ctx, String option, Debug debug) {
    long start = System.nanoTime();
    Checked<SourceText> text = text(ctx, option);
    Checked<Ruleset> rules =
        text.value().map(RulesLoader::load).orElseGet(() -> Checked.failed(text.diagnostics()));
    rules.value().ifPresent(r -> debug.rules(r, where(ctx, option), System.nanoTime() - start));
    return rules;
  }

  /** Where the ruleset comes from, for --debug: a full path, or "the bundled ruleset". */
  static String where(Context ctx, String option) {
    Path path = ctx.resolve(option != null ? option : "rules.yaml");
    if (option == null && !Files.isRegularFile(path)) {
      return "the bundled ruleset";
    }
    return path.toAbsolutePath().normalize().toString();
  }

  static Checked<SourceText> text(Context ctx, String option) {
    Path path;
    String shown;
    if (option != null) {
      path = ctx.resolve(option);
      shown = option;
    } else {
      path = ctx.resolve("rules.yaml");
      shown = "rules.yaml";
      if (!Files.isRegularFile(path)) {
        return Checked.of(bundled(), List.of());
      }
    }
    Inputs.Result r = Inputs.read(path, shown, Limits.RULES.maxBytes());
    return r.text().map(t -> Checked.of(t, List.of())).orElseGet(() -> Checked.failed(List.of(r.error().get())));
  }

  static SourceText bundled() {
    try (InputStream in = RulesSource.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("the bundled rules.yaml is missing from the program");
      }
      return new SourceText("rules.yaml (bundled)", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
