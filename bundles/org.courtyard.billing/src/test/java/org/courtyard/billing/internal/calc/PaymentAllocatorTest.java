package org.courtyard.billing.internal.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.courtyard.api.ProblemException;
import org.courtyard.billing.internal.calc.PaymentAllocator.Allocation;
import org.courtyard.billing.internal.calc.PaymentAllocator.OpenBill;
import org.junit.jupiter.api.Test;

class PaymentAllocatorTest {

  private static final List<OpenBill> OPEN =
      List.of(
          new OpenBill(1, new BigDecimal("100.00")),
          new OpenBill(2, new BigDecimal("50.00")),
          new OpenBill(3, new BigDecimal("70.00")));

  @Test
  void paysTheOldestBillsFirstAndTheRestGoesToPrepayment() {
    PaymentAllocator.Result r = PaymentAllocator.oldestFirst(new BigDecimal("130.00"), OPEN);

    assertThat(r.allocations())
        .containsExactly(
            new Allocation(1, new BigDecimal("100.00")),
            new Allocation(2, new BigDecimal("30.00")));
    assertThat(r.toPrepayment()).isEqualByComparingTo("0");

    PaymentAllocator.Result over = PaymentAllocator.oldestFirst(new BigDecimal("250.00"), OPEN);
    assertThat(over.allocations()).hasSize(3);
    assertThat(over.toPrepayment()).isEqualByComparingTo("30.00");
  }

  @Test
  void withoutOpenBillsEverythingIsPrepayment() {
    PaymentAllocator.Result r = PaymentAllocator.oldestFirst(new BigDecimal("10"), List.of());
    assertThat(r.allocations()).isEmpty();
    assertThat(r.toPrepayment()).isEqualByComparingTo("10");
  }

  @Test
  void explicitAllocationsArePaidAsAskedAndTheRestIsPrepayment() {
    PaymentAllocator.Result r =
        PaymentAllocator.explicit(
            new BigDecimal("80"), OPEN, List.of(new Allocation(3, new BigDecimal("70.00"))));

    assertThat(r.allocations()).containsExactly(new Allocation(3, new BigDecimal("70.00")));
    assertThat(r.toPrepayment()).isEqualByComparingTo("10");
  }

  @Test
  void anAllocationAboveWhatTheBillOwesIsAnOverpayment() {
    assertThatThrownBy(
            () ->
                PaymentAllocator.explicit(
                    new BigDecimal("100"),
                    OPEN,
                    List.of(new Allocation(2, new BigDecimal("50.01")))))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.type()).isEqualTo("overpayment");
            });
  }

  @Test
  void unknownBillsRepeatedBillsAndAllocationsAboveThePaymentAreRejected() {
    assertThatThrownBy(
            () ->
                PaymentAllocator.explicit(
                    BigDecimal.TEN, OPEN, List.of(new Allocation(9, BigDecimal.ONE))))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(422));
    assertThatThrownBy(
            () ->
                PaymentAllocator.explicit(
                    BigDecimal.TEN,
                    OPEN,
                    List.of(new Allocation(1, BigDecimal.ONE), new Allocation(1, BigDecimal.ONE))))
        .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(422));
    assertThatThrownBy(
            () ->
                PaymentAllocator.explicit(
                    BigDecimal.TEN, OPEN, List.of(new Allocation(1, new BigDecimal("11")))))
        .isInstanceOfSatisfying(
            ProblemException.class, e -> assertThat(e.type()).isEqualTo("validation-failed"));
  }

  @Test
  void allocationsAndPrepaymentAlwaysAddUpToThePayment() {
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < 500; i++) {
      BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(100_000), 2);
      PaymentAllocator.Result r = PaymentAllocator.oldestFirst(amount, OPEN);
      BigDecimal sum =
          r.allocations().stream()
              .map(Allocation::amount)
              .reduce(r.toPrepayment(), BigDecimal::add);
      assertThat(sum).isEqualByComparingTo(amount);
      assertThat(r.toPrepayment().signum() > 0 && r.allocations().size() < OPEN.size()).isFalse();
    }
  }
}
