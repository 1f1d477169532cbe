package org.permitcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.zip.Adler32;
import java.util.zip.CRC32;
import org.permitcheck.batch.FileText;
import org.permitcheck.diag.Checked;
import org.permitcheck.diag.SourceText;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesBundle;
import org.permitcheck.rules.RulesLoader;
import org.permitcheck.tree.Limits;

/** Finds and loads the ruleset: --rules, else ./rules.yaml, else the one bundled in the program. */
final class RulesSource {
  static final String BUNDLED = "/org/permitcheck/rules.yaml";
  static final String BUNDLED_JSON = "/org/permitcheck/rules.json";
  /** What the bundled form was made from: the SHA-256 and the fingerprint of rules.yaml (BundleRules). */
  static final String INFO_FILE = "rules.bundle.properties";
  static final String BUNDLED_INFO = "/org/permitcheck/" + INFO_FILE;
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
    Optional<Loaded> early = option == null ? ctx.earlyRules().take() : Optional.empty();
    Loaded loaded = early.isPresent() ? early.get() : loadNow(ctx, option);
    if (loaded.rules().value().isPresent()) {
      debug.rules(loaded.rules().value().get(), loaded.where(), loaded.nanos());
    }
    return loaded.rules();
  }

  /** A loaded ruleset (or its errors), where it came from (for --debug) and how long reading it took. */
  record Loaded(Checked<Ruleset> rules, String where, long nanos) {}

  /** Loads the ruleset now: --rules, else ./rules.yaml, else the bundled one. */
  static Loaded loadNow(Context ctx, String option) {
    long start = System.nanoTime();
    Optional<Properties> info = option == null ? bundledInfo() : Optional.empty();
    Path local = ctx.resolve("rules.yaml");
    if (info.isPresent() && (!Files.isRegularFile(local) || sameAsBundled(local, info.get()))) {
      Optional<Checked<Ruleset>> fast = bundledJson(info.get());
      if (fast.isPresent()) {
        return new Loaded(fast.get(), "the bundled ruleset", System.nanoTime() - start);
      }
    }
    Checked<Ruleset> rules = loadYaml(ctx, option, new Debug(ctx.err(), Debug.Level.off));
    return new Loaded(rules, where(ctx, option), System.nanoTime() - start);
  }

  /**
   * Whether ./rules.yaml is the bundled ruleset (as in a checkout of permitcheck): then its build-time
   * form is used, which starts faster and gives the same results. Compared by {@link #fingerprint},
   * which costs far less at start-up than hashing or comparing every byte in a cold JVM.
   */
  private static boolean sameAsBundled(Path local, Properties info) {
    String expected = info.getProperty("fingerprint", "");
    try {
      return expected.startsWith(Files.size(local) + " ") && fingerprint(Files.readAllBytes(local)).equals(expected);
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  /**
   * The size, CRC-32 and Adler-32 of a rules text: two files with the same fingerprint are taken to be
   * the same. Both checksums are computed natively; a change that keeps the size and both checksums
   * is not going to happen by accident.
   */
  static String fingerprint(byte[] text) {
    CRC32 crc = new CRC32();
    crc.update(text);
    Adler32 adler = new Adler32();
    adler.update(text);
    return text.length + " " + Long.toHexString(crc.getValue()) + " " + Long.toHexString(adler.getValue());
  }

  private static Optional<Properties> bundledInfo() {
    try (InputStream in = RulesSource.class.getResourceAsStream(BUNDLED_INFO)) {
      if (in == null) {
        return Optional.empty();
      }
      Properties info = new Properties();
      info.load(in);
      return Optional.of(info);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
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

  /**
   * The bundled ruleset in its build-time form ({@link RulesBundle}); the permits of a country are read
   * when first needed. Empty when the program was built without it.
   */
  static Optional<Checked<Ruleset>> bundledJson() {
    return bundledInfo().flatMap(RulesSource::bundledJson);
  }

  private static Optional<Checked<Ruleset>> bundledJson(Properties info) {
    try (InputStream json = RulesSource.class.getResourceAsStream(BUNDLED_JSON)) {
      if (json == null) {
        return Optional.empty();
      }
      String text = new String(json.readAllBytes(), StandardCharsets.UTF_8);
      return Optional.of(RulesBundle.load(new SourceText(BUNDLED_NAME, text), RulesSource::bundledPermits,
          info.getProperty("sha256")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The file of a part of the bundled form: rules.json for the core, rules.DE.json for the permits of DE. */
  static String partName(String part) {
    return part.equals(RulesBundle.CORE) ? "rules.json" : "rules." + part + ".json";
  }

  private static SourceText bundledPermits(String country) {
    try (InputStream in = RulesSource.class.getResourceAsStream("/org/permitcheck/" + partName(country))) {
      if (in == null) {
        throw new IllegalStateException("the bundled permits of " + country + " are missing from the program");
      }
      return new SourceText(BUNDLED_NAME, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Checked<SourceText> text(Context ctx, String option) {
    Path path;
    String shown;
    if ("-".equals(option)) {
      // stdin holds the cases of eval and diff: rules come from a file, as a second stdin could not
      throw new UsageError("rules are read from a file, not from stdin ('-')",
          "save them to a file first, e.g. git show HEAD:rules.yaml > old-rules.yaml");
    }
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
    return r.text().map(t -> Checked.of(t, List.of())).orElseGet(() -> Checked.failed(List.of(RulesLoader.forRulesFile(r.error().get()))));
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
