package org.permitcheck.rules;

/** Where a permit's content comes from: the seed file and, when known, a public URL. */
public record Source(String seed, String url) {}
