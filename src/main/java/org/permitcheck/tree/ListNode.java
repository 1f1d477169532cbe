package org.permitcheck.tree;

import java.util.List;

/** A YAML sequence or JSON array. */
public record ListNode(List<Node> items, Pos pos) implements Node {
  public ListNode {
    items = List.copyOf(items);
  }

  @Override
  public String kind() {
    return "a list";
  }
}
