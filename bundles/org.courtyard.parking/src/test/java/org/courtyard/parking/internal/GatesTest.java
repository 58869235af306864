package org.courtyard.parking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.courtyard.api.ProblemException;
import org.courtyard.api.rest.DataScope;
import org.courtyard.driver.DeviceRecord.Direction;
import org.courtyard.driver.DeviceRecord.PlateColour;
import org.courtyard.driver.DeviceRecord.PlateRead;
import org.courtyard.parking.internal.dto.CardInput;
import org.courtyard.parking.internal.dto.DecisionInput;
import org.courtyard.parking.internal.dto.GateInput;
import org.courtyard.parking.internal.dto.ListEntryInput;
import org.courtyard.parking.internal.dto.PassageView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Plate reads at a lot's gates decided on PostgreSQL, and the guard's decisions. */
class GatesTest {

  private static final Instant NOON = Instant.parse("2026-12-07T04:00:00Z"); // 12:00 in Shanghai

  private static TestSchema schema;
  private static Gates gates;
  private static Cards cards;
  private static ListEntries lists;
  private static long lot;
  private static long busyLot;

  @BeforeAll
  static void schema() throws Exception {
    schema = TestSchema.fresh();
    schema.execute(
        "INSERT INTO parking_lot (estate_id, code, name, location, temporary_spaces) VALUES"
            + " (1, 'G1', 'Gated garage', 'underground', 1),"
            + " (1, 'G2', 'Busy yard', 'above_ground', 5)");
    lot = schema.count("SELECT id FROM parking_lot WHERE code = 'G1'");
    busyLot = schema.count("SELECT id FROM parking_lot WHERE code = 'G2'");
    Lots lots = new Lots(schema.jdbc(), null, null);
    gates = new Gates(schema.jdbc(), lots);
    cards = new Cards(schema.jdbc(), lots);
    lists = new ListEntries(schema.jdbc(), lots, java.time.Clock.systemUTC());
    gates.addGate(DataScope.ALL, new GateInput(lot, "cam-1", "in-1", "entry", "North in"));
    gates.addGate(DataScope.ALL, new GateInput(lot, "cam-1", "out-1", "exit", "North out"));
    gates.addGate(DataScope.ALL, new GateInput(busyLot, "cam-2", "in", "entry", "Yard in"));
    // 15 free minutes, then 5 yuan the first hour and 2 each half hour
    schema.execute(
        "INSERT INTO parking_tariff (lot_id, free_minutes, first_minutes, first_price,"
            + " unit_minutes, unit_price) VALUES ("
            + lot
            + ", 15, 60, 5, 30, 2)");
    LocalDate today = LocalDate.ofInstant(NOON, ZoneId.of("Asia/Shanghai"));
    cards.create(
        DataScope.ALL,
        new CardInput(lot, "粤B11111", null, "月卡", null, today, today.plusDays(30), null),
        null,
        1L);
    lists.create(
        DataScope.ALL, new ListEntryInput("black", "粤B66666", lot, "damaged the gate", null), 1L);
  }

  @AfterAll
  static void drop() throws Exception {
    schema.close();
  }

  private static PlateRead read(
      String lane, Direction d, String plate, int confidence, Instant at) {
    return new PlateRead(lane, d, plate, PlateColour.BLUE, confidence, "/snap/x.jpg", at);
  }

  private static Gates.Handled entry(String plate, int confidence, Instant at) {
    return gates
        .read("cam-1", read("in-1", Direction.ENTRY, plate, confidence, at), at)
        .orElseThrow();
  }

  private static Gates.Handled exit(String plate, Instant at) {
    return gates.read("cam-1", read("out-1", Direction.EXIT, plate, 95, at), at).orElseThrow();
  }

  private static String said(Gates.Handled h) {
    return h.passage().decision() + " " + h.passage().reason();
  }

  @Test
  void aCardHolderComesAndGoesAndABlackListedPlateIsRefused() throws Exception {
    // the card holder also reserved a visitor space for now: coming in on the card is arriving
    schema.execute(
        "INSERT INTO parking_space (lot_id, number, kind) VALUES (" + lot + ", 'VR-1', 'visitor')");
    schema.execute(
        "INSERT INTO parking_booking (space_id, kind, holder_name, period, plate,"
            + " no_show_minutes) SELECT id, 'reservation', 'Guest', tstzrange('"
            + NOON.minusSeconds(600)
            + "', '"
            + NOON.plusSeconds(3600)
            + "', '[)'), '粤B11111', 30 FROM parking_space WHERE number = 'VR-1'");
    Gates.Handled in = entry("粤b·11111", 96, NOON);
    assertThat(
            schema.count(
                "SELECT count(*) FROM parking_booking WHERE plate = '粤B11111'"
                    + " AND arrived_at IS NOT NULL"))
        .isEqualTo(1);
    assertThat(said(in)).isEqualTo("open card");
    assertThat(in.opening()).contains(new Gates.Opening(in.passage().id(), "cam-1", "in-1"));
    assertThat(in.passage().inside()).isTrue();
    Gates.Handled out = exit("粤B11111", NOON.plusSeconds(7200));
    assertThat(said(out)).isEqualTo("open card");
    assertThat(out.passage().entryId()).isEqualTo(in.passage().id());
    assertThat(gates.get(DataScope.ALL, in.passage().id()).inside()).isFalse();

    Gates.Handled black = entry("粤B66666", 96, NOON);
    assertThat(said(black)).isEqualTo("refuse black-list");
    assertThat(black.opening()).isEmpty();
    assertThat(black.passage().listEntryId()).isNotNull();
  }

  @Test
  void theLastTemporarySpaceGoesOnceAndAShortStayLeavesFree() {
    Gates.Handled first = entry("浙A10001", 95, NOON);
    assertThat(said(first)).isEqualTo("open temporary");
    assertThat(said(entry("浙A10002", 95, NOON.plusSeconds(60)))).isEqualTo("refuse full");
    assertThat(gates.occupancy(DataScope.ALL, lot).temporaryFree()).isZero();
    Gates.Handled out = exit("浙A10001", NOON.plusSeconds(600));
    assertThat(said(out)).isEqualTo("open free");
    assertThat(out.passage().fee()).isEqualByComparingTo("0");
    assertThat(said(entry("浙A10002", 95, NOON.plusSeconds(700)))).isEqualTo("open temporary");
    // the guard lets the second one out after it paid for its stay
    Gates.Handled pay = exit("浙A10002", NOON.plusSeconds(700 + 3 * 3600));
    assertThat(said(pay)).isEqualTo("guard payment-due");
    assertThat(pay.passage().fee()).isEqualByComparingTo("13.00");
    assertThat(pay.opening()).isEmpty();
    Gates.Handled paid =
        gates.decide(
            DataScope.ALL, pay.passage().id(), new DecisionInput("open", "paid cash"), 42L);
    assertThat(paid.passage().decision()).isEqualTo("open");
    assertThat(paid.passage().decidedBy()).isEqualTo(42L);
    assertThat(paid.opening()).contains(new Gates.Opening(pay.passage().id(), "cam-1", "out-1"));
    assertThat(gates.occupancy(DataScope.ALL, lot).temporaryFree()).isEqualTo(1);
    ProblemException twice =
        refusedBy(
            () ->
                gates.decide(
                    DataScope.ALL, pay.passage().id(), new DecisionInput("open", null), 42L));
    assertThat(twice.status()).isEqualTo(409);
  }

  @Test
  void aDoubtfulReadWaitsForTheGuardAndAnUnknownLaneIsNoGate() {
    Gates.Handled doubtful = entry("粤B22222", 40, NOON);
    assertThat(said(doubtful)).isEqualTo("guard low-confidence");
    Gates.Handled none = entry(null, 0, NOON);
    assertThat(said(none)).isEqualTo("guard no-plate");
    assertThat(
            gates.passages(DataScope.ALL, lot, null, true, 0, 50).items.stream()
                .map(PassageView::id))
        .contains(doubtful.passage().id(), none.passage().id());
    gates.decide(DataScope.ALL, none.passage().id(), new DecisionInput("refuse", "no plate"), 7L);
    assertThat(
            gates.passages(DataScope.ALL, lot, null, true, 0, 50).items.stream()
                .map(PassageView::id))
        .doesNotContain(none.passage().id());
    Optional<Gates.Handled> road =
        gates.read("cam-9", read("in-1", Direction.ENTRY, "粤B33333", 99, NOON), NOON);
    assertThat(road).isEmpty();
    assertThat(
            refusedBy(
                    () ->
                        gates.addGate(
                            DataScope.ALL, new GateInput(lot, "cam-1", "in-1", "entry", "Again")))
                .status())
        .isEqualTo(409);
  }

  @Test
  void twentyCarsAtOnceTakeExactlyTheFiveTemporarySpaces() throws Exception {
    int n = 20;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String plate = String.format("苏E%05d", i);
      results.add(
          pool.submit(
              () -> {
                start.await();
                return gates
                    .read("cam-2", read("in", Direction.ENTRY, plate, 95, NOON), NOON)
                    .orElseThrow()
                    .passage()
                    .reason();
              }));
    }
    start.countDown();
    List<String> reasons = new ArrayList<>();
    for (Future<String> f : results) {
      reasons.add(f.get());
    }
    pool.shutdown();
    assertThat(reasons.stream().filter("temporary"::equals).count()).isEqualTo(5);
    assertThat(reasons.stream().filter("full"::equals).count()).isEqualTo(15);
    assertThat(gates.occupancy(DataScope.ALL, busyLot).temporaryInside()).isEqualTo(5);
  }

  private static ProblemException refusedBy(Runnable r) {
    try {
      r.run();
    } catch (ProblemException p) {
      return p;
    }
    throw new AssertionError("accepted");
  }

  @Test
  void aDoubtfulExitShowsTheGuardItsFeeAndACardHolderLetInByHandLeavesFree() {
    // a card holder read badly at the entrance, let in by the guard: not a temporary stay
    Gates.Handled doubtful = entry("粤B11111", 30, NOON.plusSeconds(30_000));
    assertThat(said(doubtful)).isEqualTo("guard low-confidence");
    assertThat(doubtful.passage().cardId()).isNull();
    gates.decide(DataScope.ALL, doubtful.passage().id(), new DecisionInput("open", "card"), 5L);
    assertThat(said(exit("粤B11111", NOON.plusSeconds(40_000)))).isEqualTo("open card");

    // a temporary stay read badly at the exit: the guard is shown the fee
    entry("浙A20001", 95, NOON.plusSeconds(50_000));
    Gates.Handled out =
        gates
            .read(
                "cam-1",
                read("out-1", Direction.EXIT, "浙A20001", 30, NOON.plusSeconds(50_000 + 3600)),
                NOON.plusSeconds(50_000 + 3600))
            .orElseThrow();
    assertThat(said(out)).isEqualTo("guard low-confidence");
    assertThat(out.passage().fee()).isEqualByComparingTo("5.00");
    // the guard opened the exit of a plate it read wrongly: the entry is let out by hand
    gates.decide(DataScope.ALL, out.passage().id(), new DecisionInput("open", "paid 5"), 5L);
    long entryId = out.passage().entryId();
    assertThat(gates.get(DataScope.ALL, entryId).inside()).isFalse();
    assertThat(refusedBy(() -> gates.out(DataScope.ALL, entryId, "gone", 5L)).status())
        .isEqualTo(409);
  }

  @Test
  void aVehicleTheLotStillCountsIsLetOutByHandAndACameraClockOffIsNotBelieved() {
    Gates.Handled in = entry("浙A30001", 95, NOON.plusSeconds(60_000));
    assertThat(refusedBy(() -> gates.out(DataScope.ALL, in.passage().id(), " ", 5L)).status())
        .isEqualTo(422);
    PassageView out = gates.out(DataScope.ALL, in.passage().id(), "exit misread", 5L);
    assertThat(out.inside()).isFalse();
    assertThat(out.note()).isEqualTo("exit misread");
    assertThat(gates.occupancy(DataScope.ALL, lot).temporaryFree()).isEqualTo(1);

    Instant received = NOON.plusSeconds(70_000);
    Gates.Handled reset =
        gates
            .read(
                "cam-1",
                read("in-1", Direction.ENTRY, "浙A30002", 95, Instant.parse("1970-01-01T00:00:00Z")),
                received)
            .orElseThrow();
    assertThat(reset.passage().seenAt()).isEqualTo(received);
    gates.out(DataScope.ALL, reset.passage().id(), "test car", 5L);
    assertThat(Gates.when(received.minusSeconds(60), received))
        .isEqualTo(received.minusSeconds(60));
  }
}
