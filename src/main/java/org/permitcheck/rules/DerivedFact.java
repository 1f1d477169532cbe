package org.permitcheck.rules;

import org.permitcheck.expr.CompiledExpr;

/** A fact computed from others, e.g. {@code age: "years_between(date_of_birth, as_of)"}. */
public record DerivedFact(String name, CompiledExpr expr, Text text) {}
