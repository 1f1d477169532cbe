package org.permitcheck.tree;

import java.util.Objects;

/**
 * A single value. {@code text} is the value as written (without quotes); {@code type} is what the
 * parser saw: quoted or plain text, a number, a boolean, or null.
 */
public record ScalarNode(Type type, String text, Pos pos, boolean quoted) implements Node {
  /** What the YAML or JSON parser made of the scalar. */
  public enum Type {
    STRING,
    INTEGER,
    DECIMAL,
    BOOLEAN,
    NULL
  }

  public ScalarNode {
    Objects.requireNonNull(type);
    Objects.requireNonNull(text);
  }

  @Override
  public String kind() {
    return switch (type) {
      case STRING -> "text";
      case INTEGER, DECIMAL -> "a number";
      case BOOLEAN -> "true/false";
      case NULL -> "nothing (null)";
    };
  }

  public boolean isNull() {
    return type == Type.NULL;
  }
}
