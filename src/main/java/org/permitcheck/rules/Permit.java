package org.permitcheck.rules;

import java.util.List;

/**
 * A permit, regularisation pathway or option of one country, with its legal basis, its source, the
 * dates it applies and its criteria, and what the person should do: where to apply, documents,
 * appeals. {@code discretionary} non-empty means the authority decides even when every criterion is
 * met (e.g. every Belgian 9bis outcome).
 */
public record Permit(
    String id,
    String country,
    String kind,
    Text title,
    Text legalBasis,
    Source source,
    DateRange inForce,
    DateRange window,
    Text grants,
    Text apply,
    List<Text> documents,
    Text appeal,
    Text notes,
    Text discretionary,
    Criterion criteria) {

  public Permit {
    documents = List.copyOf(documents);
  }

  /** The top-level criteria: the children of the root group, or the root itself. */
  public List<Criterion> topLevel() {
    return rootIsTopLevel() ? List.of(criteria) : ((Criterion.Group) criteria).children();
  }

  /** Whether it is an option: a situation nobody applies for (forced return, staying without papers). */
  public boolean isOption() {
    return kind.equals("option");
  }

  /**
   * Whether an authority grants it on a request and decides later (a permit or a toleration), not an
   * option (a situation nobody applies for) or a procedure (an appeal, evaluated the day it is lodged).
   */
  public boolean grantedOnRequest() {
    return kind.equals("permit") || kind.equals("toleration");
  }

  /** Whether the root is the only top-level criterion: it is not an {@code all} group. */
  public boolean rootIsTopLevel() {
    return !(criteria instanceof Criterion.Group && ((Criterion.Group) criteria).op() == Criterion.Op.ALL);
  }
}
