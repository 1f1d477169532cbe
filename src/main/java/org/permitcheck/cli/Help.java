package org.permitcheck.cli;

import java.util.Locale;
import java.util.ResourceBundle;
import picocli.CommandLine;

/**
 * Puts --help in the user's language. English is written in the annotations; the other languages come
 * from {@code help_fr/de/nl.properties}, whose keys are the options' descriptionKeys and the commands'
 * qualified names ({@code permitcheck.eval.usage.description}).
 */
final class Help {
  static final String BUNDLE = "org.permitcheck.cli.help";

  private Help() {}

  static void translate(CommandLine cl, String language) {
    if (!language.equals("en")) {
      cl.setResourceBundle(bundle(language));
    }
  }

  static ResourceBundle bundle(String language) {
    return ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag(language),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }
}
