package org.courtyard.billing.internal.calc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LedgerBalanceTest {

  private static BigDecimal m(String v) {
    return new BigDecimal(v);
  }

  @Test
  void aBillWithTwoIncomeLinesBalances() {
    List<Posting> bill =
        List.of(
            Posting.debit("receivable", m("250.00")),
            Posting.credit("income:PM", m("200.00")),
            Posting.credit("income:PARK", m("50.00")));

    assertThat(LedgerBalance.balanced(bill)).isTrue();
    assertThat(LedgerBalance.balanced(bill.stream().map(Posting::mirrored).toList())).isTrue();
  }

  @Test
  void unbalancedOrMalformedTransactionsAreRefused() {
    assertThatThrownBy(
            () ->
                LedgerBalance.check(
                    List.of(
                        Posting.debit("cash", m("10.00")),
                        Posting.credit("receivable", m("9.99")))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("unbalanced");
    assertThat(LedgerBalance.balanced(List.of(Posting.debit("cash", m("10"))))).isFalse();
    assertThat(
            LedgerBalance.balanced(
                List.of(
                    new Posting("cash", m("10"), m("10")),
                    Posting.credit("receivable", m("0.00")))))
        .isFalse();
    assertThat(
            LedgerBalance.balanced(
                List.of(Posting.debit("cash", m("-1")), Posting.credit("receivable", m("-1")))))
        .isFalse();
    assertThat(
            LedgerBalance.balanced(
                List.of(
                    Posting.debit("cash", m("0.001")), Posting.credit("receivable", m("0.001")))))
        .isFalse();
  }
}
