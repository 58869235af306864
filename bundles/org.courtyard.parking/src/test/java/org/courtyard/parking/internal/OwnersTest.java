package org.courtyard.parking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.courtyard.api.ProblemException;
import org.courtyard.api.rest.DataScope;
import org.courtyard.parking.internal.dto.OwnerInput;
import org.courtyard.parking.internal.dto.OwnerView;
import org.courtyard.parking.internal.dto.SpaceRange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The owners of sold spaces and their history, on PostgreSQL. */
class OwnersTest {

  private static TestSchema schema;
  private static Spaces spaces;
  private static Owners owners;
  private static long lot;

  @BeforeAll
  static void schema() throws Exception {
    schema = TestSchema.fresh();
    schema.execute(
        "INSERT INTO parking_lot (estate_id, code, name, location) VALUES"
            + " (1, 'O1', 'Owners garage', 'underground')");
    lot = schema.count("SELECT id FROM parking_lot WHERE code = 'O1'");
    spaces = new Spaces(schema.jdbc(), new Lots(schema.jdbc(), null, null));
    owners = new Owners(schema.jdbc(), spaces, (scope, room) -> room == 101L);
  }

  @AfterAll
  static void drop() throws Exception {
    schema.close();
  }

  private static long space(String prefix, String kind) {
    return spaces
        .createRange(DataScope.ALL, lot, new SpaceRange(prefix, 1, 1, 1, kind, -1, null))
        .get(0)
        .id();
  }

  private static OwnerInput owner(String name, String since) {
    return new OwnerInput(name, null, LocalDate.parse(since), null, null, null);
  }

  private static ProblemException refused(Runnable r) {
    try {
      r.run();
    } catch (ProblemException p) {
      return p;
    }
    throw new AssertionError("accepted");
  }

  @Test
  void theOwnerOnTheFirstDayOfAMonthIsChargedTheSpacesFeeThatMonth() throws Exception {
    long space = space("FEE", "owned");
    OwnerView first =
        owners.record(
            DataScope.ALL,
            space,
            new OwnerInput(
                "韩梅梅", null, LocalDate.parse("2026-11-10"), null, 101L, new BigDecimal("80")),
            7L);
    assertThat(first.roomId()).isEqualTo(101L);
    assertThat(first.monthlyFee()).isEqualByComparingTo("80.00");
    // sold on to someone billed elsewhere (no room) from 15 January
    owners.record(DataScope.ALL, space, owner("李雷", "2027-01-15"), 7L);
    // recorded in November, whatever day the test runs
    schema.execute(
        "UPDATE parking_space_owner SET recorded_at = '2026-11-10T10:00:00+08' WHERE id = "
            + first.id());
    RoomRents rents = new RoomRents(schema.jdbc());
    // not the owner on 1 November; the owner on 1 December and 1 January; not on 1 February
    assertThat(rents.of(YearMonth.of(2026, 11), List.of(101L))).isEmpty();
    assertThat(rents.of(YearMonth.of(2026, 12), List.of(101L)).get(101L))
        .containsExactly(
            new RoomRents.Rent(
                "fee",
                "owner-" + first.id() + "-2026-12",
                "O1",
                "FEE1",
                LocalDate.parse("2026-12-01"),
                new BigDecimal("80.00")));
    // each month once by its reference, looked at again by the two months' runs after it
    assertThat(rents.of(YearMonth.of(2027, 2), List.of(101L)).get(101L))
        .extracting(RoomRents.Rent::reference)
        .containsExactly("owner-" + first.id() + "-2026-12", "owner-" + first.id() + "-2027-01");
    assertThat(rents.of(YearMonth.of(2027, 4), List.of(101L))).isEmpty();
    // a fee without its room, and a room out of reach, are refused
    ProblemException half =
        refused(
            () ->
                owners.record(
                    DataScope.ALL,
                    space,
                    new OwnerInput(
                        "王", null, LocalDate.parse("2027-03-01"), null, null, BigDecimal.TEN),
                    7L));
    assertThat(String.valueOf(half.extensions().get("errors"))).contains("roomId");
    ProblemException stranger =
        refused(
            () ->
                owners.record(
                    DataScope.ALL,
                    space,
                    new OwnerInput(
                        "王", null, LocalDate.parse("2027-03-01"), null, 7L, BigDecimal.TEN),
                    7L));
    assertThat(stranger.status()).isEqualTo(422);
  }

  @Test
  void aNewOwnerEndsTheCurrentOnesTimeAndTheHistoryKeepsBoth() {
    long space = space("S", "owned");
    owners.record(DataScope.ALL, space, owner("韩梅梅", "2020-05-01"), 7L);
    assertThat(spaces.get(DataScope.ALL, space).ownerName()).isEqualTo("韩梅梅");
    owners.record(DataScope.ALL, space, owner("李雷", "2026-12-01"), 7L);
    List<OwnerView> history = owners.history(DataScope.ALL, space);
    assertThat(history).extracting(OwnerView::holderName).containsExactly("李雷", "韩梅梅");
    assertThat(history.get(0).until()).isNull();
    assertThat(history.get(1).until()).isEqualTo(LocalDate.parse("2026-12-01"));
    assertThat(spaces.get(DataScope.ALL, space).ownerName()).isEqualTo("李雷");

    ProblemException early =
        refused(() -> owners.record(DataScope.ALL, space, owner("王芳", "2026-12-01"), 7L));
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.type()).isEqualTo("owner-since-order");
    assertThat(early.extensions()).containsEntry("currentSince", "2026-12-01");
  }

  @Test
  void onlyOwnedSpacesHaveOwnersAndEveryFieldIsChecked() {
    long rented = space("R", "rented");
    assertThat(
            refused(() -> owners.record(DataScope.ALL, rented, owner("X", "2026-01-01"), null))
                .type())
        .isEqualTo("space-not-owned");
    ProblemException bad =
        refused(
            () ->
                owners.record(
                    DataScope.ALL,
                    rented,
                    new OwnerInput(" ", "abc", null, null, null, null),
                    null));
    assertThat(bad.type()).isEqualTo("validation-failed");
    assertThat(refused(() -> owners.history(DataScope.of(List.of(9L), List.of()), rented)).status())
        .isEqualTo(404);
  }

  @Test
  void recordingsAtOnceLeaveOneChainWithOneCurrentOwner() throws Exception {
    long space = space("C", "owned");
    int n = 12;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> done = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        String since = LocalDate.parse("2026-01-01").plusDays(i * 7L).toString();
        String name = "Owner " + i;
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  try {
                    owners.record(DataScope.ALL, space, owner(name, since), null);
                    return true;
                  } catch (ProblemException e) {
                    return false;
                  }
                }));
      }
      go.countDown();
      int recorded = 0;
      for (Future<Boolean> f : done) {
        recorded += f.get() ? 1 : 0;
      }
      assertThat(recorded).isPositive();
      assertThat(
              schema.count(
                  "SELECT count(*) FROM parking_space_owner WHERE until IS NULL AND space_id = "
                      + space))
          .isEqualTo(1);
      assertThat(schema.count("SELECT count(*) FROM parking_space_owner WHERE space_id = " + space))
          .isEqualTo(recorded);
      // each owner's time ends where the next one's begins
      assertThat(
              schema.count(
                  "SELECT count(*) FROM parking_space_owner a WHERE a.space_id = "
                      + space
                      + " AND a.until IS NOT NULL AND NOT EXISTS (SELECT 1 FROM"
                      + " parking_space_owner b WHERE b.space_id = a.space_id AND b.since ="
                      + " a.until)"))
          .isZero();
    } finally {
      pool.shutdownNow();
    }
  }
}
