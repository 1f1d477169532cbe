package org.permitcheck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.permitcheck.diag.Checked;
import org.permitcheck.rules.Ruleset;
import org.permitcheck.rules.RulesLoader;
import picocli.CommandLine.IVersionProvider;

/** Prints the program version and the version of the bundled ruleset. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    Checked<Ruleset> rules = RulesSource.bundledJson().orElseGet(() -> RulesLoader.load(RulesSource.bundled()));
    String ruleset = rules.value()
        .map(r -> "ruleset " + r.name() + " " + r.version() + " (reviewed " + r.reviewed() + ", bundled)")
        .orElse("bundled ruleset has errors: run 'permitcheck check'");
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
