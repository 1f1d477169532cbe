package org.permitcheck.diag;

/** How bad a diagnostic is: errors stop a file from being used, warnings and notices do not. */
public enum Severity {
  ERROR("error"),
  WARNING("warning"),
  NOTICE("notice");

  private final String label;

  Severity(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
