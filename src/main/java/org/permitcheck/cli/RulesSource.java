package org.permitcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.permitcheck.batch.FileText;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.SourceText;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;
import org.permitcheck.tree.Limits;

/** Finds and loads the ruleset: --rules, else ./rules.yaml, else the one bundled in the program. */
final class RulesSource {
  static final String BUNDLED = "/org/permitcheck/rules.yaml";
  static final String BUNDLED_JSON = "/org/permitcheck/rules.json";
  static final String BUNDLED_NAME = "rules.yaml (bundled)";

  private RulesSource() {}

  /**
   * Loads the ruleset; an unreadable file is reported like any other rules error. The bundled
   * ruleset is read from its build-time JSON form when present (fast start-up).
   */
  static Checked<Ruleset> load(Context ctx, String option) {
    return load(ctx, option, new Debug(ctx.err(), Debug.Level.off));
  }

  /** Loads the ruleset, saying with --debug which file it was and how long it took. */
  static Checked<Ruleset> load(Context ctx, String option, Debug debug) {
    long start = System.nanoTime();
    if (option == null && (!Files.isRegularFile(ctx.resolve("rules.yaml")) || sameAsBundled(ctx))) {
      Optional<Checked<Ruleset>> fast = bundledJson();
      if (fast.isPresent()) {
        fast.get().value().ifPresent(r -> debug.rules(r, "the bundled ruleset", System.nanoTime() - start));
        return fast.get();
      }
    }
    return loadYaml(ctx, option, debug);
  }

  /**
   * Whether ./rules.yaml is exactly the bundled ruleset (as in a checkout of permitcheck): then its
   * build-time JSON form is used, which starts faster and gives the same results.
   */
  private static boolean sameAsBundled(Context ctx) {
    try (InputStream sha = RulesSource.class.getResourceAsStream(BUNDLED_JSON + ".sha256")) {
      if (sha == null) {
        return false;
      }
      String bundled = new String(sha.readAllBytes(), StandardCharsets.UTF_8).strip();
      Path local = ctx.resolve("rules.yaml");
      if (Files.size(local) > Limits.RULES.maxBytes()) {
        return false;
      }
      return RulesLoader.sha256(Files.readString(local, StandardCharsets.UTF_8)).equals(bundled);
    } catch (IOException | java.io.UncheckedIOException e) {
      return false;
    }
  }

  /** Loads from the YAML text, so that every diagnostic points into rules.yaml (for check). */
  static Checked<Ruleset> loadYaml(Context ctx, String option, Debug debug) {
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

  static Optional<Checked<Ruleset>> bundledJson() {
    try (InputStream json = RulesSource.class.getResourceAsStream(BUNDLED_JSON);
        InputStream sha = RulesSource.class.getResourceAsStream(BUNDLED_JSON + ".sha256")) {
      if (json == null || sha == null) {
        return Optional.empty();
      }
      String text = new String(json.readAllBytes(), StandardCharsets.UTF_8);
      String hash = new String(sha.readAllBytes(), StandardCharsets.UTF_8).strip();
      return Optional.of(RulesLoader.loadJson(new SourceText(BUNDLED_NAME, text), hash));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
    FileText.Result r = FileText.read(path, shown, Limits.RULES.maxBytes());
    return r.text().map(t -> Checked.of(t, List.of())).orElseGet(() -> Checked.failed(List.of(r.error().get())));
  }

  static SourceText bundled() {
    try (InputStream in = RulesSource.class.getResourceAsStream(BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException("the bundled rules.yaml is missing from the program");
      }
      return new SourceText(BUNDLED_NAME, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
