package org.courtyard.estate;

/**
 * Records of one kind, in one module, that refer to a room, building or estate: for example 3 bills
 * in billing. {@code text} is how a person reads it ("3 bills", "1 occupancy").
 */
public final class Referrer {

  /** The module keeping the records, e.g. {@code billing}. */
  public final String module;

  /** The kind of record, plural and lower case, stable for clients: e.g. {@code bills}. */
  public final String kind;

  public final long count;

  public final String text;

  public Referrer(String module, String kind, long count, String text) {
    this.module = module;
    this.kind = kind;
    this.count = count;
    this.text = text;
  }

  /** {@code count} records of a kind named {@code one} or {@code many}, e.g. occupancy(ies). */
  public static Referrer of(String module, long count, String one, String many) {
    return new Referrer(module, many, count, count + " " + (count == 1 ? one : many));
  }

  @Override
  public String toString() {
    return module + ": " + text;
  }
}
