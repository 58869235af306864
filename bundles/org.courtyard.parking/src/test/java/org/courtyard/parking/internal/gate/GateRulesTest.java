package org.courtyard.parking.internal.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.courtyard.parking.internal.gate.GateRules.Decision;
import org.courtyard.parking.internal.gate.GateRules.Entry;
import org.courtyard.parking.internal.gate.GateRules.Exit;
import org.courtyard.parking.internal.gate.GateRules.Verdict;
import org.junit.jupiter.api.Test;

class GateRulesTest {

  private static Decision in(
      String plate, int confidence, boolean black, boolean white, boolean card, int free) {
    return GateRules.entry(new Entry(plate, confidence, 80, black, white, card, false, free));
  }

  @Test
  void anEntranceAsksTheGuardForNoPlateAndForAReadBelowTheLotsConfidence() {
    assertThat(in(null, 99, false, true, true, 5)).isEqualTo(guard("no-plate"));
    assertThat(in("粤B12345", 79, false, true, true, 5)).isEqualTo(guard("low-confidence"));
    assertThat(in("粤B12345", 80, false, false, true, 5).verdict()).isEqualTo(Verdict.OPEN);
  }

  @Test
  void theBlackListWinsThenTheWhiteListThenACardThenATemporarySpace() {
    assertThat(in("粤B12345", 95, true, true, true, 5)).isEqualTo(refuse("black-list"));
    assertThat(in("粤B12345", 95, false, true, true, 0)).isEqualTo(open("white-list"));
    assertThat(in("粤B12345", 95, false, false, true, 0)).isEqualTo(open("card"));
    Decision temporary = in("粤B12345", 95, false, false, false, 1);
    assertThat(temporary.verdict()).isEqualTo(Verdict.OPEN);
    assertThat(temporary.reason()).isEqualTo("temporary");
    assertThat(temporary.temporary()).isTrue();
    assertThat(in("粤B12345", 95, false, false, false, 0)).isEqualTo(refuse("full"));
    assertThat(in("粤B12345", 95, false, false, false, -2)).isEqualTo(refuse("full"));
  }

  @Test
  void aReservedPlateComesInAfterCardsWhateverTheTemporarySpacesAndItsStayIsPriced() {
    Decision reserved = GateRules.entry(new Entry("粤B12345", 95, 80, false, false, false, true, 0));
    assertThat(reserved.verdict()).isEqualTo(Verdict.OPEN);
    assertThat(reserved.reason()).isEqualTo("reservation");
    assertThat(reserved.temporary()).isTrue();
    // a card or the black list still decide first, and no read below the lot's confidence opens
    assertThat(GateRules.entry(new Entry("粤B12345", 95, 80, false, false, true, true, 0)))
        .isEqualTo(open("card"));
    assertThat(GateRules.entry(new Entry("粤B12345", 95, 80, true, false, false, true, 0)))
        .isEqualTo(refuse("black-list"));
    assertThat(GateRules.entry(new Entry("粤B12345", 60, 80, false, false, false, true, 0)))
        .isEqualTo(guard("low-confidence"));
  }

  private static Decision out(String plate, int confidence, String entered, String fee) {
    return GateRules.exit(
        new Exit(
            plate,
            confidence,
            80,
            entered,
            fee == null ? null : new BigDecimal(fee),
            false,
            false));
  }

  @Test
  void aStayPaidAheadLeavesWhenNothingIsLeftAndPaysTheRestOtherwise() {
    Decision paid =
        GateRules.exit(
            new Exit("粤B12345", 90, 80, "temporary", new BigDecimal("0.00"), true, false));
    assertThat(paid.verdict()).isEqualTo(Verdict.OPEN);
    assertThat(paid.reason()).isEqualTo("paid");
    assertThat(paid.temporary()).isTrue();
    Decision rest =
        GateRules.exit(
            new Exit("粤B12345", 90, 80, "temporary", new BigDecimal("2.00"), true, false));
    assertThat(rest.verdict()).isEqualTo(Verdict.GUARD);
    assertThat(rest.reason()).isEqualTo("payment-due");
    assertThat(rest.fee()).isEqualByComparingTo("2.00");
    Decision pending =
        GateRules.exit(
            new Exit("粤B12345", 90, 80, "temporary", new BigDecimal("5.00"), false, true));
    assertThat(pending.verdict()).isEqualTo(Verdict.GUARD);
    assertThat(pending.reason()).isEqualTo("payment-pending");
  }

  @Test
  void anExitLetsCardsAndTheWhiteListOutAndAFreeStay() {
    assertThat(out("粤B12345", 90, "card", null)).isEqualTo(open("card"));
    assertThat(out("粤B12345", 90, "white-list", null)).isEqualTo(open("white-list"));
    Decision free = out("粤B12345", 90, "temporary", "0.00");
    assertThat(free.verdict()).isEqualTo(Verdict.OPEN);
    assertThat(free.reason()).isEqualTo("free");
  }

  @Test
  void aStayToPayAStayWithoutATariffAndAPlateWithoutEntryWaitForTheGuard() {
    Decision pay = out("粤B12345", 90, "temporary", "8.00");
    assertThat(pay.verdict()).isEqualTo(Verdict.GUARD);
    assertThat(pay.reason()).isEqualTo("payment-due");
    assertThat(pay.fee()).isEqualByComparingTo("8.00");
    assertThat(out("粤B12345", 90, "temporary", null)).isEqualTo(guard("no-tariff"));
    assertThat(out("粤B12345", 90, null, null)).isEqualTo(guard("no-entry"));
    assertThat(out(null, 90, "card", null)).isEqualTo(guard("no-plate"));
    assertThat(out("粤B12345", 10, "card", null)).isEqualTo(guard("low-confidence"));
  }

  private static Decision open(String reason) {
    return new Decision(Verdict.OPEN, reason, false, null);
  }

  private static Decision refuse(String reason) {
    return new Decision(Verdict.REFUSE, reason, false, null);
  }

  private static Decision guard(String reason) {
    return new Decision(Verdict.GUARD, reason, false, null);
  }
}
