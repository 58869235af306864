package org.courtyard.workorders.internal.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.courtyard.workorders.internal.people.RefusedFields.fields;
import static org.courtyard.workorders.internal.people.RefusedFields.refusal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.courtyard.workorders.internal.people.DutyInput.ShiftInput;
import org.junit.jupiter.api.Test;

/** Shifts in the tenant's zone: night shifts end the next day, and none overlaps another. */
class DutyRulesTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final DutyRules.Days WEEK =
      new DutyRules.Days(LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-13"));

  private static DutyInput shifts(ShiftInput... s) {
    return new DutyInput(List.of(s));
  }

  @Test
  void aNightShiftEndsTheNextMorningInTheTenantsZone() {
    List<DutyRules.Shift> s =
        DutyRules.check(
            shifts(
                new ShiftInput("2026-12-08", "20:00", "08:00"),
                new ShiftInput("2026-12-07", "08:00", "20:00")),
            WEEK,
            SHANGHAI);
    assertThat(s).hasSize(2);
    assertThat(s.get(0).startsAt()).isEqualTo(Instant.parse("2026-12-07T00:00:00Z"));
    assertThat(s.get(0).endsAt()).isEqualTo(Instant.parse("2026-12-07T12:00:00Z"));
    assertThat(s.get(1).day()).isEqualTo(LocalDate.parse("2026-12-08"));
    assertThat(s.get(1).startsAt()).isEqualTo(Instant.parse("2026-12-08T12:00:00Z"));
    assertThat(s.get(1).endsAt()).isEqualTo(Instant.parse("2026-12-09T00:00:00Z"));
  }

  @Test
  void shiftsThatTouchDoNotOverlapButShiftsThatCrossDo() {
    assertThat(
            DutyRules.check(
                shifts(
                    new ShiftInput("2026-12-07", "20:00", "08:00"),
                    new ShiftInput("2026-12-08", "08:00", "20:00")),
                WEEK,
                SHANGHAI))
        .hasSize(2);
    assertThat(
            fields(
                () ->
                    DutyRules.check(
                        shifts(
                            new ShiftInput("2026-12-07", "20:00", "08:00"),
                            new ShiftInput("2026-12-08", "07:00", "12:00"),
                            new ShiftInput("2026-12-09", "07:00", "12:00")),
                        WEEK,
                        SHANGHAI)))
        .containsExactly("shifts[1]");
  }

  @Test
  void everyWrongShiftFieldIsNamed() {
    assertThat(
            fields(
                () ->
                    DutyRules.check(
                        shifts(
                            new ShiftInput("2026-12-14", "08:00", "12:00"),
                            new ShiftInput("7 Dec", "8:00", "24:00"),
                            new ShiftInput("2026-12-10", "09:00", "09:00")),
                        WEEK,
                        SHANGHAI)))
        .containsExactly(
            "shifts[0].day", "shifts[1].day", "shifts[1].from", "shifts[1].to", "shifts[2].to");
  }

  @Test
  void theRangeDefaultsToAWeekFromTodayAndIsBounded() {
    LocalDate today = LocalDate.parse("2026-12-07");
    assertThat(DutyRules.days(null, null, today, false)).isEqualTo(WEEK);
    assertThat(DutyRules.days(null, "2026-12-13", today, false)).isEqualTo(WEEK);
    assertThat(refusal(() -> DutyRules.days("2026-12-07", null, today, true), 400).type())
        .isEqualTo("invalid-parameter");
    refusal(() -> DutyRules.days("2026-12-08", "2026-12-07", today, false), 400);
    refusal(() -> DutyRules.days("2026-01-01", "2026-04-03", today, false), 400);
    assertThat(DutyRules.days("2026-01-01", "2026-04-02", today, true).to())
        .isEqualTo(LocalDate.parse("2026-04-02"));
  }
}
