package org.courtyard.parking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.courtyard.api.ProblemException;
import org.courtyard.parking.internal.dto.LeaseInput;
import org.courtyard.parking.internal.dto.LotInput;
import org.courtyard.parking.internal.dto.ReservationInput;
import org.courtyard.parking.internal.dto.SpaceRange;
import org.junit.jupiter.api.Test;

class ParkingRulesTest {

  @SuppressWarnings("unchecked")
  private static List<String> fields(ProblemException p) {
    return ((List<Map<String, Object>>) p.extensions().get("errors"))
        .stream().map(e -> (String) e.get("field")).toList();
  }

  private static ProblemException refused(Runnable r) {
    try {
      r.run();
    } catch (ProblemException p) {
      assertThat(p.status()).isEqualTo(422);
      return p;
    }
    throw new AssertionError("accepted");
  }

  @Test
  void aLotNamesEveryWrongFieldAtOnce() {
    ProblemException p =
        refused(
            () ->
                ParkingRules.lot(new LotInput(null, "no spaces", " ", "roof", 0, -1, null), true));
    assertThat(fields(p))
        .containsExactlyInAnyOrder(
            "estateId", "code", "name", "location", "levels", "temporarySpaces");
    var ok =
        ParkingRules.lot(new LotInput(3L, "P-1", " North ", "underground", null, null, null), true);
    assertThat(ok.name()).isEqualTo("North");
    assertThat(ok.levels()).isEqualTo(1);
    assertThat(
            fields(
                refused(
                    () ->
                        ParkingRules.lot(
                            new LotInput(3L, "P", "N", "underground", 1, 0, null), false))))
        .containsExactly("version");
  }

  @Test
  void aRangeIsOrderedBoundedAndPadded() {
    var r = ParkingRules.range(new SpaceRange("B1-", 7, 12, 3, "rented", -1, null));
    assertThat(r.number(7)).isEqualTo("B1-007");
    assertThat(r.size()).isEqualTo("standard");
    assertThat(
            fields(
                refused(
                    () -> ParkingRules.range(new SpaceRange("B1", 5, 4, 3, "rented", 1, null)))))
        .containsExactly("to");
    assertThat(
            fields(
                refused(
                    () -> ParkingRules.range(new SpaceRange("B1", 1, 1001, 3, "rented", 1, null)))))
        .containsExactly("to");
    assertThat(
            fields(
                refused(
                    () -> ParkingRules.range(new SpaceRange("B1", 1, 2, 3, "rented", 0, null)))))
        .containsExactly("level");
    assertThat(ParkingRules.range(new SpaceRange("B1", 1, 1000, 3, "rented", 1, null)).to())
        .isEqualTo(1000);
  }

  @Test
  void aLeaseCountsWholeTermsFromItsStartDate() {
    var monthly =
        ParkingRules.lease(
            new LeaseInput(
                1L, LocalDate.parse("2027-01-31"), "monthly", 1, "A", null, null, null, null));
    assertThat(monthly.end()).isEqualTo(LocalDate.parse("2027-02-28"));
    var yearly =
        ParkingRules.lease(
            new LeaseInput(
                1L, LocalDate.parse("2028-02-29"), "yearly", 1, "A", null, null, null, null));
    assertThat(yearly.end()).isEqualTo(LocalDate.parse("2029-02-28"));
    assertThat(
            fields(
                refused(
                    () ->
                        ParkingRules.lease(
                            new LeaseInput(
                                null, null, "weekly", 121, "", "abc", null, null, null)))))
        .containsExactlyInAnyOrder(
            "spaceId", "startDate", "term", "terms", "holderName", "holderPhone");
  }

  @Test
  void aReservationIsAFutureSlotOfAtMostSevenDays() {
    Instant now = Instant.parse("2026-12-07T00:00:00Z");
    OffsetDateTime from = OffsetDateTime.parse("2026-12-08T09:00:00+08:00");
    assertThat(
            ParkingRules.reservation(
                    new ReservationInput(1L, from, from.plusDays(7), "A", null, null, null, null),
                    now)
                .to())
        .isEqualTo(from.plusDays(7).toInstant());
    assertThat(
            fields(
                refused(
                    () ->
                        ParkingRules.reservation(
                            new ReservationInput(
                                1L,
                                from,
                                from.plusDays(7).plusMinutes(1),
                                "A",
                                null,
                                null,
                                null,
                                null),
                            now))))
        .containsExactly("to");
    assertThat(
            fields(
                refused(
                    () ->
                        ParkingRules.reservation(
                            new ReservationInput(1L, from, from, "A", null, null, null, null),
                            now))))
        .containsExactly("to");
  }

  @Test
  void anUnknownFilterValueIsABadRequest() {
    assertThat(ParkingRules.filter("kind", null, ParkingRules.KINDS)).isNull();
    assertThatThrownBy(() -> ParkingRules.filter("kind", "garage", ParkingRules.KINDS))
        .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(400));
  }
}
