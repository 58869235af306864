package org.courtyard.billing.internal.calc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;

/**
 * Splits a payment across a room's open bills. Without instructions the oldest bill is paid first
 * and whatever is left goes to the room's prepayment (预存); with explicit allocations each named
 * bill gets exactly what was asked, never more than it still owes, and the rest goes to prepayment.
 */
public final class PaymentAllocator {

  private static final Texts TEXTS = Texts.of(PaymentAllocator.class);

  /** A bill that still has something to pay. */
  public record OpenBill(long billId, BigDecimal outstanding) {}

  /** Money applied to one bill. */
  public record Allocation(long billId, BigDecimal amount) {}

  /** How a payment was split; the allocations and the prepayment add up to the payment. */
  public record Result(List<Allocation> allocations, BigDecimal toPrepayment) {
    public Result {
      allocations = List.copyOf(allocations);
    }
  }

  private PaymentAllocator() {}

  /**
   * @param oldestFirst the room's open bills, oldest first
   */
  public static Result oldestFirst(BigDecimal amount, List<OpenBill> oldestFirst) {
    requirePositive(amount);
    List<Allocation> allocations = new ArrayList<>();
    BigDecimal left = amount;
    for (OpenBill bill : oldestFirst) {
      if (left.signum() == 0) {
        break;
      }
      if (bill.outstanding().signum() <= 0) {
        continue;
      }
      BigDecimal applied = left.min(bill.outstanding());
      allocations.add(new Allocation(bill.billId(), applied));
      left = left.subtract(applied);
    }
    return new Result(allocations, left);
  }

  /**
   * @throws ProblemException 422 {@code validation-failed} for a bill that is not one of {@code
   *     open}, a bill named twice, a non-positive amount, or allocations adding up to more than the
   *     payment; 409 {@code overpayment} for an allocation above what the bill still owes
   */
  public static Result explicit(
      BigDecimal amount, List<OpenBill> open, List<Allocation> requested) {
    requirePositive(amount);
    Map<Long, BigDecimal> outstanding = new LinkedHashMap<>();
    open.forEach(b -> outstanding.put(b.billId(), b.outstanding()));
    Set<Long> seen = new HashSet<>();
    BigDecimal sum = BigDecimal.ZERO;
    for (Allocation a : requested) {
      if (a.amount() == null || a.amount().signum() <= 0) {
        throw invalid("allocations", TEXTS.text("allocation.amount"));
      }
      if (!seen.add(a.billId())) {
        throw invalid("allocations", TEXTS.text("allocation.bill-twice", a.billId()));
      }
      BigDecimal owed = outstanding.get(a.billId());
      if (owed == null) {
        throw invalid("allocations", TEXTS.text("allocation.not-open", a.billId()));
      }
      if (a.amount().compareTo(owed) > 0) {
        throw TEXTS.problem(
            409,
            "overpayment",
            Map.of("billId", a.billId(), "outstanding", owed),
            "allocation.overpayment",
            a.billId(),
            owed.toPlainString(),
            a.amount().toPlainString());
      }
      sum = sum.add(a.amount());
    }
    if (sum.compareTo(amount) > 0) {
      throw invalid(
          "allocations",
          TEXTS.text("allocation.too-much", sum.toPlainString(), amount.toPlainString()));
    }
    return new Result(requested, amount.subtract(sum));
  }

  private static void requirePositive(BigDecimal amount) {
    if (amount == null || amount.signum() <= 0) {
      throw new IllegalArgumentException("payment amount must be > 0");
    }
  }

  /** 422 about one field, titled "Validation failed" as this answer always was. */
  private static ProblemException invalid(String field, Text message) {
    return TEXTS.problem(
        422,
        "validation-failed",
        Map.of("errors", List.of(Map.of("field", field, "message", message))),
        "allocation.detail",
        message);
  }
}
