package org.courtyard.parking.internal.gate;

import java.math.BigDecimal;

/**
 * What a lot's gate does with a plate it read, decided from facts the caller gathered in one
 * transaction: pure, so every rule is tested at its edges without a database.
 *
 * <p>At an entrance: no plate, or one read with less confidence than the lot asks for, goes to the
 * guard; a black-listed plate is refused; a white-listed one, or one with a monthly card valid
 * today, is let in; so is the plate of a visitor space's reservation whose slot has come (from half
 * an hour before), whatever the temporary spaces, its stay priced as a temporary one; anyone else
 * takes a temporary space while the lot has one free, and is refused when it has none. At an exit:
 * the same two reasons go to the guard, and so does a plate with no entry on record (when did it
 * come in?); a vehicle that came in on a card or the white list is let out; a temporary one is let
 * out when nothing is left to pay (its stay was free, or was paid ahead and it leaves within the
 * grace minutes or owes nothing more), and otherwise waits at the guard with what is left to pay,
 * as does one whose lot has no tariff to price it.
 */
public final class GateRules {

  /** What the gate does. */
  public enum Verdict {
    OPEN,
    REFUSE,
    GUARD;

    public String code() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The decision and its reason, a code the passage keeps ({@code card}, {@code full} …). */
  public record Decision(Verdict verdict, String reason, boolean temporary, BigDecimal fee) {

    static Decision open(String reason) {
      return new Decision(Verdict.OPEN, reason, false, null);
    }

    static Decision refuse(String reason) {
      return new Decision(Verdict.REFUSE, reason, false, null);
    }

    static Decision guard(String reason) {
      return new Decision(Verdict.GUARD, reason, false, null);
    }
  }

  /**
   * What is known of a plate at an entrance.
   *
   * @param plate the plate in its stored form, null when none was read
   * @param black whether a black-list entry holds for the plate here now
   * @param white whether a white-list entry holds
   * @param card whether a monthly card of the plate for this lot is valid today
   * @param reserved whether a reservation of a visitor space in this lot waits for the plate now
   * @param temporaryFree the lot's temporary spaces not taken by a vehicle inside
   */
  public record Entry(
      String plate,
      int confidence,
      int minConfidence,
      boolean black,
      boolean white,
      boolean card,
      boolean reserved,
      int temporaryFree) {}

  /**
   * What is known of a plate at an exit.
   *
   * @param entered how its entry was let in ({@code card}, {@code white-list}, {@code temporary}
   *     …), null when no entry of the plate is inside
   * @param fee what is left to pay for the stay by the lot's tariff (its cost less what was paid
   *     ahead, nothing within the grace minutes after a payment), null when the lot has none
   * @param paidAhead whether the stay was paid ahead, in part or whole
   * @param pending whether a payment of the stay is still waiting for billing to book it: the guard
   *     books it before taking any more money
   */
  public record Exit(
      String plate,
      int confidence,
      int minConfidence,
      String entered,
      BigDecimal fee,
      boolean paidAhead,
      boolean pending) {}

  private GateRules() {}

  public static Decision entry(Entry e) {
    if (e.plate() == null) {
      return Decision.guard("no-plate");
    }
    if (e.confidence() < e.minConfidence()) {
      return Decision.guard("low-confidence");
    }
    if (e.black()) {
      return Decision.refuse("black-list");
    }
    if (e.white()) {
      return Decision.open("white-list");
    }
    if (e.card()) {
      return Decision.open("card");
    }
    if (e.reserved()) {
      return new Decision(Verdict.OPEN, "reservation", true, null);
    }
    if (e.temporaryFree() > 0) {
      return new Decision(Verdict.OPEN, "temporary", true, null);
    }
    return Decision.refuse("full");
  }

  public static Decision exit(Exit e) {
    if (e.plate() == null) {
      return Decision.guard("no-plate");
    }
    if (e.confidence() < e.minConfidence()) {
      // the guard sees what the stay costs, should the plate be the one read
      boolean temporary = "temporary".equals(e.entered());
      return new Decision(Verdict.GUARD, "low-confidence", temporary, temporary ? e.fee() : null);
    }
    if (e.entered() == null) {
      return Decision.guard("no-entry");
    }
    if (!e.entered().equals("temporary")) {
      return Decision.open(e.entered());
    }
    if (e.fee() == null) {
      return Decision.guard("no-tariff");
    }
    if (e.fee().signum() == 0) {
      return new Decision(Verdict.OPEN, e.paidAhead() ? "paid" : "free", true, e.fee());
    }
    if (e.pending()) {
      return new Decision(Verdict.GUARD, "payment-pending", true, e.fee());
    }
    return new Decision(Verdict.GUARD, "payment-due", true, e.fee());
  }
}
