package org.courtyard.security.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.courtyard.security.internal.RuleProblems.fieldErrors;
import static org.courtyard.security.internal.RuleProblems.thrown;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.security.internal.dto.CheckinInput;
import org.courtyard.security.internal.dto.CheckinView;
import org.courtyard.security.internal.dto.RoundView;
import org.courtyard.security.internal.dto.RouteInput;
import org.courtyard.security.internal.dto.RouteView;
import org.junit.jupiter.api.Test;

class PatrolRulesTest {

  private static final Instant START = Instant.parse("2026-12-05T01:00:00Z");
  private static final Instant DUE = START.plusSeconds(1800);
  private static final RouteView ROUTE =
      new RouteView(
          4, "Night", List.of("gate-1:1", "tag-7"), List.of("09:00"), 30, "active", null, 0);

  @Test
  void aRouteIsWhereTheReadersItsCheckpointsNameAre() {
    assertThat(
            PatrolRules.checkpointDevices(
                List.of("gate-1:1", "tag-7", "gate-1:2", "door-3:1", "gate-1")))
        .containsExactly("gate-1", "door-3");
    assertThat(PatrolRules.checkpointDevices(List.of("tag-7", "TAG8"))).isEmpty();
  }

  @Test
  void everyWrongFieldOfARouteIsReportedAtOnce() {
    PatrolRules.checkRoute(
        new RouteInput("Night", List.of("gate-1:1"), List.of("23:30"), 30, null));
    assertThat(
            fieldErrors(
                () ->
                    PatrolRules.checkRoute(
                        new RouteInput("", List.of("a", "a"), List.of("24:00"), 721, 3))))
        .containsExactly(
            "name 1-100 characters",
            "checkpoints 1-200 distinct codes: '<device>:<door>' or a tag code",
            "times 1-48 local start times 'HH:MM'",
            "roundMinutes 5-720 minutes to walk a round");
  }

  @Test
  void aCheckinNamesACheckpointAndAGuard() {
    PatrolRules.checkCheckin(new CheckinInput("tag-7", "Guard Li"));
    assertThat(fieldErrors(() -> PatrolRules.checkCheckin(new CheckinInput(" x", null))))
        .containsExactly(
            "checkpoint a checkpoint of the round's route",
            "guard who checks in: 1-100 characters");
  }

  @Test
  void aDayIsAnIsoDate() {
    assertThat(PatrolRules.day("2026-12-05")).isEqualTo(LocalDate.of(2026, 12, 5));
    assertThat(thrown(() -> PatrolRules.day("05.12.2026")).type()).isEqualTo("invalid-date");
    assertThat(thrown(() -> PatrolRules.day(null)).status()).isEqualTo(400);
  }

  @Test
  void aRoundIsScheduledThenInProgressThenCompleted() {
    Map<String, CheckinView> checkins = new LinkedHashMap<>();
    assertThat(round(checkins, START).status()).isEqualTo("scheduled");
    checkins.put("tag-7", new CheckinView("tag-7", "Li", "app", START.plusSeconds(60)));
    assertThat(round(checkins, START.plusSeconds(61)).status()).isEqualTo("in_progress");
    checkins.put("gate-1:1", new CheckinView("gate-1:1", "Li", "device", START.plusSeconds(90)));
    RoundView done = round(checkins, DUE.plusSeconds(1));
    assertThat(done.status()).isEqualTo("completed");
    assertThat(done.checkins())
        .extracting(CheckinView::checkpoint)
        .containsExactly("tag-7", "gate-1:1");
    assertThat(done.missed()).isEmpty();
  }

  @Test
  void aRoundWhoseWindowPassedWithCheckpointsLeftIsMissedAndSaysWhich() {
    Map<String, CheckinView> checkins =
        Map.of("tag-7", new CheckinView("tag-7", "Li", "app", START.plusSeconds(60)));
    assertThat(round(checkins, DUE).status()).isEqualTo("in_progress");
    RoundView missed = round(checkins, DUE.plusSeconds(1));
    assertThat(missed.status()).isEqualTo("missed");
    assertThat(missed.missed()).containsExactly("gate-1:1");
  }

  @Test
  void aGuardsNameIsCutToItsColumnWithoutSplittingACharacter() {
    String name = "a".repeat(99) + "\uD83D\uDE00";
    assertThat(PatrolRules.guard(name)).isEqualTo("a".repeat(99));
    assertThat(PatrolRules.guard("Li")).isEqualTo("Li");
  }

  @Test
  void aRoundIsJudgedByTheCheckpointsItWasMadeWithNotByItsRoutesLaterOnes() {
    Map<String, CheckinView> checkins =
        Map.of("tag-7", new CheckinView("tag-7", "Li", "app", START.plusSeconds(60)));
    // made when the route had tag-7 only; the route has gained gate-1:1 since
    RoundView walked =
        PatrolRules.round(9, ROUTE, List.of("tag-7"), START, DUE, checkins, DUE.plusSeconds(1));
    assertThat(walked.status()).isEqualTo("completed");
    assertThat(walked.missed()).isEmpty();
    // made with a checkpoint the route has dropped since: still missed there
    RoundView missed =
        PatrolRules.round(
            9, ROUTE, List.of("tag-7", "tag-9"), START, DUE, checkins, DUE.plusSeconds(1));
    assertThat(missed.status()).isEqualTo("missed");
    assertThat(missed.missed()).containsExactly("tag-9");
  }

  private static RoundView round(Map<String, CheckinView> checkins, Instant now) {
    return PatrolRules.round(9, ROUTE, ROUTE.checkpoints(), START, DUE, checkins, now);
  }
}
