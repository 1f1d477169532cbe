package org.permitcheck.tree;

/**
 * A YAML or JSON value with the position it was read from. Validators speak in nodes, so that every
 * diagnostic can point at the line and column of the offending value.
 */
public sealed interface Node permits MapNode, ListNode, ScalarNode {
  Pos pos();

  /** What kind of value this is, for messages: "a mapping", "a list", "text", "a number"... */
  String kind();
}
