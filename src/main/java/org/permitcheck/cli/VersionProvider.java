package org.permitcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.permitcheck.diag.Checked;
import org.permitcheck.report.Messages;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;
import picocli.CommandLine.IVersionProvider;

/** Prints the program version and the version of the bundled ruleset. */
final class VersionProvider implements IVersionProvider {
  private final Messages m;

  VersionProvider() {
    this(new Messages("en"));
  }

  VersionProvider(Messages m) {
    this.m = m;
  }

  @Override
  public String[] getVersion() {
    Checked<Ruleset> rules = RulesSource.bundledJson().orElseGet(() -> RulesLoader.load(RulesSource.bundled()));
    String ruleset = rules.value()
        .map(r -> m.get("version.ruleset", r.name(), r.version(), m.date(r.reviewed())))
        .orElse(m.get("version.rules_errors"));
    return new String[] {"permitcheck " + programVersion(), ruleset};
  }

  static String programVersion() {
    try (InputStream in = VersionProvider.class.getResourceAsStream("/org/permitcheck/version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
