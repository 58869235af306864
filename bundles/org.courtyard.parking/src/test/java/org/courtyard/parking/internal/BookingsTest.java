package org.courtyard.parking.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.courtyard.api.ProblemException;
import org.courtyard.api.rest.DataScope;
import org.courtyard.parking.internal.dto.CancelInput;
import org.courtyard.parking.internal.dto.LeaseInput;
import org.courtyard.parking.internal.dto.ReservationInput;
import org.courtyard.parking.internal.dto.SpaceRange;
import org.courtyard.parking.internal.dto.SpaceView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Leases and reservations on a real PostgreSQL: a space is never held twice at once. */
class BookingsTest {

  private static final DataScope ALL = DataScope.ALL;
  private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
  private static final long ROOM = 101L;

  private static TestSchema schema;
  private static Spaces spaces;
  private static Bookings bookings;
  private static long lot;
  private static long otherEstateLot;

  @BeforeAll
  static void schema() throws Exception {
    schema = TestSchema.fresh();
    schema.execute(
        "INSERT INTO parking_lot (estate_id, code, name, location) VALUES"
            + " (1, 'P1', 'North garage', 'underground'), (2, 'P2', 'South yard', 'above_ground')");
    lot = schema.count("SELECT id FROM parking_lot WHERE code = 'P1'");
    otherEstateLot = schema.count("SELECT id FROM parking_lot WHERE code = 'P2'");
    Lots lots = new Lots(schema.jdbc(), null, null);
    spaces = new Spaces(schema.jdbc(), lots);
    bookings =
        new Bookings(
            schema.jdbc(), Clock.fixed(NOW, ZoneOffset.UTC), (scope, room) -> room == ROOM);
  }

  @AfterAll
  static void drop() throws Exception {
    schema.close();
  }

  private static long space(String number, String kind) {
    return spaces
        .createRange(ALL, lot, new SpaceRange(number, 1, 1, 1, kind, -1, null))
        .get(0)
        .id();
  }

  /** A month's lease of {@code space} from 1 January 2027 with its rent billed to {@code room}. */
  private static LeaseInput billed(long space, Long room, String rent) {
    return new LeaseInput(
        space,
        LocalDate.parse("2027-01-01"),
        "monthly",
        1,
        "A",
        null,
        null,
        room,
        new BigDecimal(rent));
  }

  private static LeaseInput lease(long space, String start, int months, String holder) {
    return new LeaseInput(
        space, LocalDate.parse(start), "monthly", months, holder, null, null, null, null);
  }

  @Test
  void fiftyConcurrentLeasesOfOneSpaceAndPeriodMakeExactlyOneAndTheOthersNameItsPeriod()
      throws Exception {
    long space = space("RACE", "rented");
    int n = 50;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Object>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        String holder = "Holder " + i;
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  try {
                    return bookings.lease(ALL, lease(space, "2027-01-01", 3, holder), null, null);
                  } catch (ProblemException e) {
                    return e;
                  }
                }));
      }
      start.countDown();
      List<Bookings.Made> made = new ArrayList<>();
      List<ProblemException> refused = new ArrayList<>();
      for (Future<Object> f : answers) {
        Object a = f.get();
        if (a instanceof Bookings.Made m) {
          made.add(m);
        } else {
          refused.add((ProblemException) a);
        }
      }
      assertThat(made).hasSize(1);
      assertThat(refused).hasSize(n - 1);
      long winner = made.get(0).booking().id();
      for (ProblemException p : refused) {
        assertThat(p.status()).isEqualTo(409);
        assertThat(p.type()).isEqualTo("space-taken");
        @SuppressWarnings("unchecked")
        Map<String, Object> heldBy = (Map<String, Object>) p.extensions().get("heldBy");
        assertThat(heldBy).containsEntry("bookingId", winner).containsEntry("kind", "lease");
        assertThat(heldBy.get("from")).isEqualTo("2026-12-31T16:00:00Z");
        assertThat(heldBy.get("to")).isEqualTo("2027-03-31T16:00:00Z");
        assertThat(p.detail(Locale.ENGLISH)).contains("RACE1").contains("2027-01-01 – 2027-03-31");
      }
      assertThat(schema.count("SELECT count(*) FROM parking_booking WHERE space_id = " + space))
          .isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aLeaseEndsAtMidnightInShanghaiSoTheNextMayStartThenButNotADayEarlier() {
    long space = space("ADJ", "rented");
    var first = bookings.lease(ALL, lease(space, "2027-01-01", 1, "A"), null, null).booking();
    assertThat(first.from()).isEqualTo(Instant.parse("2026-12-31T16:00:00Z"));
    assertThat(first.to()).isEqualTo(Instant.parse("2027-01-31T16:00:00Z"));
    assertThat(first.firstDay()).isEqualTo(LocalDate.parse("2027-01-01"));
    assertThat(first.lastDay()).isEqualTo(LocalDate.parse("2027-01-31"));
    var next = bookings.lease(ALL, lease(space, "2027-02-01", 1, "B"), null, null).booking();
    assertThat(next.from()).isEqualTo(first.to());
    assertThatThrownBy(() -> bookings.lease(ALL, lease(space, "2027-01-31", 1, "C"), null, null))
        .isInstanceOfSatisfying(
            ProblemException.class, p -> assertThat(p.type()).isEqualTo("space-taken"));
    // a quarter and a year count whole months
    var quarter =
        bookings
            .lease(
                ALL,
                new LeaseInput(
                    space,
                    LocalDate.parse("2027-03-01"),
                    "quarterly",
                    2,
                    "D",
                    null,
                    null,
                    null,
                    null),
                null,
                null)
            .booking();
    assertThat(quarter.to()).isEqualTo(Instant.parse("2027-08-31T16:00:00Z"));
  }

  @Test
  void aCancelledLeaseFreesItsPeriodAndCannotBeCancelledTwice() {
    long space = space("CAN", "rented");
    var held = bookings.lease(ALL, lease(space, "2027-05-01", 2, "A"), null, null).booking();
    var cancelled =
        bookings.cancel(ALL, "lease", held.id(), new CancelInput("moved away", held.version()));
    assertThat(cancelled.state()).isEqualTo("cancelled");
    assertThat(cancelled.cancelReason()).isEqualTo("moved away");
    var again = bookings.lease(ALL, lease(space, "2027-05-01", 2, "B"), null, null).booking();
    assertThat(again.holderName()).isEqualTo("B");
    assertThatThrownBy(
            () ->
                bookings.cancel(
                    ALL, "lease", held.id(), new CancelInput("twice", cancelled.version())))
        .isInstanceOfSatisfying(
            ProblemException.class, p -> assertThat(p.type()).isEqualTo("wrong-state"));
    assertThatThrownBy(() -> bookings.cancel(ALL, "lease", again.id(), new CancelInput("old", 7)))
        .isInstanceOfSatisfying(
            ProblemException.class, p -> assertThat(p.type()).isEqualTo("stale-version"));
    // a lease is not found as a reservation
    assertThatThrownBy(() -> bookings.get(ALL, "reservation", again.id()))
        .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(404));
  }

  @Test
  void reservationsAreForVisitorSpacesAndMeetLeasesInTheSameConstraint() {
    long visitor = space("VIS", "visitor");
    long rented = space("REN", "rented");
    OffsetDateTime from = OffsetDateTime.parse("2026-12-08T10:00:00+08:00");
    var slot =
        bookings
            .reserve(
                ALL,
                new ReservationInput(
                    visitor, from, from.plusHours(2), "Guest", null, null, null, null),
                null,
                null)
            .booking();
    assertThat(slot.kind()).isEqualTo("reservation");
    ProblemException taken =
        catchProblem(
            () ->
                bookings.reserve(
                    ALL,
                    new ReservationInput(
                        visitor,
                        from.plusHours(1),
                        from.plusHours(3),
                        "Late",
                        null,
                        null,
                        null,
                        null),
                    null,
                    null));
    assertThat(taken.type()).isEqualTo("space-taken");
    assertThat(taken.detail(Locale.ENGLISH)).contains("2026-12-08 10:00 – 2026-12-08 12:00");
    // back to back is fine
    bookings.reserve(
        ALL,
        new ReservationInput(
            visitor, from.plusHours(2), from.plusHours(3), "Next", null, null, null, null),
        null,
        null);
    assertThat(
            catchProblem(
                    () ->
                        bookings.reserve(
                            ALL,
                            new ReservationInput(
                                rented, from, from.plusHours(1), "Guest", null, null, null, null),
                            null,
                            null))
                .type())
        .isEqualTo("space-not-reservable");
    assertThat(
            catchProblem(
                    () -> bookings.lease(ALL, lease(visitor, "2027-01-01", 1, "X"), null, null))
                .type())
        .isEqualTo("space-not-leasable");
    ProblemException over =
        catchProblem(
            () ->
                bookings.reserve(
                    ALL,
                    new ReservationInput(
                        visitor,
                        OffsetDateTime.parse("2026-12-06T10:00:00Z"),
                        OffsetDateTime.parse("2026-12-06T11:00:00Z"),
                        "Past",
                        null,
                        null,
                        null,
                        null),
                    null,
                    null));
    assertThat(over.type()).isEqualTo("validation-failed");
  }

  @Test
  void theSameIdempotencyKeyAnswersTheFirstLeaseAndAnotherBodyIsRefused() throws Exception {
    long space = space("KEY", "rented");
    var first = bookings.lease(ALL, lease(space, "2027-06-01", 1, "A"), 5L, "k-1");
    var again = bookings.lease(ALL, lease(space, "2027-06-01", 1, "A"), 5L, "k-1");
    assertThat(first.replayed()).isFalse();
    assertThat(again.replayed()).isTrue();
    assertThat(again.booking().id()).isEqualTo(first.booking().id());
    assertThat(
            catchProblem(() -> bookings.lease(ALL, lease(space, "2027-07-01", 1, "A"), 5L, "k-1"))
                .type())
        .isEqualTo("idempotency-key-reused");
    // the same space, days and holder with another phone is another request
    var otherPhone =
        new LeaseInput(
            space,
            LocalDate.parse("2027-06-01"),
            "monthly",
            1,
            "A",
            "13800000000",
            null,
            null,
            null);
    assertThat(catchProblem(() -> bookings.lease(ALL, otherPhone, 5L, "k-1")).type())
        .isEqualTo("idempotency-key-reused");
    // a retry after the space went out of service still gets the lease it made
    schema.execute("UPDATE parking_space SET state = 'out_of_service' WHERE id = " + space);
    assertThat(bookings.lease(ALL, lease(space, "2027-06-01", 1, "A"), 5L, "k-1").replayed())
        .isTrue();
  }

  @Test
  void aLeaseBilledToARoomKeepsItsRentAndIsChargedOncePerTermInTheMonthItBegins() throws Exception {
    long space = space("RENT", "rented");
    LeaseInput billed =
        new LeaseInput(
            space,
            LocalDate.parse("2027-01-31"),
            "quarterly",
            2,
            "A",
            null,
            null,
            ROOM,
            new BigDecimal("900"));
    var lease = bookings.lease(ALL, billed, null, "rent-1").booking();
    assertThat(lease.roomId()).isEqualTo(ROOM);
    assertThat(lease.rent()).isEqualByComparingTo("900.00");
    assertThat(bookings.lease(ALL, billed, null, "rent-1").replayed()).isTrue();
    // the same key with another rent is another request
    LeaseInput cheaper =
        new LeaseInput(
            space,
            LocalDate.parse("2027-01-31"),
            "quarterly",
            2,
            "A",
            null,
            null,
            ROOM,
            new BigDecimal("800"));
    assertThat(catchProblem(() -> bookings.lease(ALL, cheaper, null, "rent-1")).type())
        .isEqualTo("idempotency-key-reused");

    // recorded in December, whatever day the test runs
    schema.execute(
        "UPDATE parking_booking SET created_at = '2026-12-10T10:00:00+08' WHERE id = "
            + lease.id());
    RoomRents rents = new RoomRents(schema.jdbc());
    // terms begin on 31 January and 30 April, each charged from its month on, under one reference
    RoomRents.Rent january =
        new RoomRents.Rent(
            "rent",
            "lease-" + lease.id() + "-2027-01-31",
            "P1",
            "RENT1",
            LocalDate.parse("2027-01-31"),
            new BigDecimal("900.00"));
    assertThat(rents.of(YearMonth.of(2026, 12), List.of(ROOM))).isEmpty();
    assertThat(rents.of(YearMonth.of(2027, 1), List.of(ROOM)).get(ROOM)).containsExactly(january);
    // a run that missed January finds it in the next two months, never after
    assertThat(rents.of(YearMonth.of(2027, 3), List.of(ROOM)).get(ROOM)).containsExactly(january);
    assertThat(rents.of(YearMonth.of(2027, 4), List.of(ROOM)).get(ROOM))
        .extracting(RoomRents.Rent::reference)
        .containsExactly("lease-" + lease.id() + "-2027-04-30");
    assertThat(rents.of(YearMonth.of(2027, 7), List.of(ROOM))).isEmpty();
    assertThat(rents.of(YearMonth.of(2027, 4), List.of(ROOM + 1))).isEmpty();
    // a cancelled lease is charged no more
    bookings.cancel(ALL, "lease", lease.id(), new CancelInput("moved", lease.version()));
    assertThat(rents.of(YearMonth.of(2027, 4), List.of(ROOM))).isEmpty();
  }

  @Test
  void rentNeedsItsRoomAndARoomOutsideTheCallersReachIsRefused() {
    long space = space("RENT2", "rented");
    ProblemException half =
        catchProblem(() -> bookings.lease(ALL, billed(space, null, "300"), null, null));
    assertThat(half.status()).isEqualTo(422);
    assertThat(String.valueOf(half.extensions().get("errors"))).contains("roomId");
    ProblemException cents =
        catchProblem(() -> bookings.lease(ALL, billed(space, ROOM, "300.001"), null, null));
    assertThat(String.valueOf(cents.extensions().get("errors"))).contains("rent");
    ProblemException stranger =
        catchProblem(() -> bookings.lease(ALL, billed(space, 999L, "300"), null, null));
    assertThat(stranger.status()).isEqualTo(422);
    assertThat(String.valueOf(stranger.extensions().get("errors"))).contains("roomId");
  }

  @Test
  void aReservationNobodyArrivedForIsReleasedAfterItsMinutesAndAnArrivalKeepsIt() {
    long waiting = space("NS", "visitor");
    long kept = space("AR", "visitor");
    java.time.OffsetDateTime from = NOW.plus(Duration.ofHours(1)).atOffset(ZoneOffset.UTC);
    var noShow =
        bookings
            .reserve(
                ALL,
                new ReservationInput(
                    waiting, from, from.plusHours(2), "Guest", null, null, "粤b·123 45", null),
                null,
                null)
            .booking();
    assertThat(noShow.plate()).isEqualTo("粤B12345");
    assertThat(noShow.noShowMinutes()).isEqualTo(ParkingRules.NO_SHOW_MINUTES);
    var arriving =
        bookings
            .reserve(
                ALL,
                new ReservationInput(kept, from, from.plusHours(2), "Guest", null, null, null, 45),
                null,
                null)
            .booking();
    // an arrival is noted from half an hour before the slot
    assertThat(catchProblem(() -> bookings.arrive(ALL, arriving.id())).type())
        .isEqualTo("wrong-state");
    Bookings atTheGate =
        new Bookings(
            schema.jdbc(),
            Clock.fixed(NOW.plus(Duration.ofMinutes(45)), ZoneOffset.UTC),
            (scope, room) -> false);
    Instant arrived = NOW.plus(Duration.ofMinutes(45));
    assertThat(atTheGate.arrive(ALL, arriving.id()).arrivedAt()).isEqualTo(arrived);
    assertThat(atTheGate.arrive(ALL, arriving.id()).arrivedAt()).isEqualTo(arrived);

    Bookings justBefore =
        new Bookings(
            schema.jdbc(),
            Clock.fixed(NOW.plus(Duration.ofMinutes(89)), ZoneOffset.UTC),
            (scope, room) -> false);
    justBefore.releaseNoShows();
    assertThat(bookings.get(ALL, "reservation", noShow.id()).state()).isEqualTo("active");
    Bookings after =
        new Bookings(
            schema.jdbc(),
            Clock.fixed(NOW.plus(Duration.ofMinutes(90)), ZoneOffset.UTC),
            (scope, room) -> false);
    assertThat(after.releaseNoShows()).isPositive();
    var released = bookings.get(ALL, "reservation", noShow.id());
    assertThat(released.state()).isEqualTo("cancelled");
    assertThat(released.cancelReason()).isEqualTo("no-show");
    assertThat(released.releasedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(90)));
    assertThat(bookings.get(ALL, "reservation", arriving.id()).state()).isEqualTo("active");
    assertThat(after.releaseNoShows()).isZero();
    // the rest of the slot can be reserved again; a released one cannot be arrived at
    assertThat(
            bookings
                .reserve(
                    ALL,
                    new ReservationInput(
                        waiting,
                        from.plusMinutes(30),
                        from.plusHours(2),
                        "Walk-in",
                        null,
                        null,
                        null,
                        null),
                    null,
                    null)
                .booking()
                .state())
        .isEqualTo("active");
    assertThat(catchProblem(() -> bookings.arrive(ALL, noShow.id())).type())
        .isEqualTo("wrong-state");
  }

  @Test
  void aSpaceOutOfServiceTakesNoLeaseAndOneOutsideTheScopeIsNotFound() throws Exception {
    long space = space("OOS", "rented");
    schema.execute("UPDATE parking_space SET state = 'out_of_service' WHERE id = " + space);
    assertThat(
            catchProblem(() -> bookings.lease(ALL, lease(space, "2027-01-01", 1, "A"), null, null))
                .type())
        .isEqualTo("space-out-of-service");
    long far =
        spaces
            .createRange(ALL, otherEstateLot, new SpaceRange("FAR", 1, 1, 1, "rented", 1, null))
            .get(0)
            .id();
    DataScope estateOne = DataScope.of(List.of(1L), List.of());
    ProblemException hidden =
        catchProblem(() -> bookings.lease(estateOne, lease(far, "2027-01-01", 1, "A"), null, null));
    assertThat(hidden.status()).isEqualTo(404);
  }

  @Test
  void aRangeIsCreatedWholeOrNotAtAll() throws Exception {
    List<SpaceView> made =
        spaces.createRange(ALL, lot, new SpaceRange("B2-", 1, 20, 3, "rented", -2, "large"));
    assertThat(made)
        .extracting(SpaceView::number)
        .startsWith("B2-001", "B2-002")
        .endsWith("B2-020");
    assertThat(made).allSatisfy(s -> assertThat(s.level()).isEqualTo(-2));
    ProblemException clash =
        catchProblem(
            () ->
                spaces.createRange(ALL, lot, new SpaceRange("B2-", 15, 40, 3, "rented", -2, null)));
    assertThat(clash.status()).isEqualTo(409);
    assertThat(clash.extensions()).containsEntry("number", "B2-015");
    assertThat(schema.count("SELECT count(*) FROM parking_space WHERE number LIKE 'B2-%'"))
        .isEqualTo(20);
  }

  private static ProblemException catchProblem(Runnable r) {
    try {
      r.run();
    } catch (ProblemException p) {
      return p;
    }
    throw new AssertionError("no problem");
  }
}
