package org.courtyard.parking.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.courtyard.api.ProblemException;
import org.courtyard.api.rest.DataScope;
import org.courtyard.parking.internal.dto.BookingView;
import org.courtyard.parking.internal.dto.SpaceRange;
import org.courtyard.parking.internal.dto.VisitorReservationInput;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Residents reserving visitor spaces on a real PostgreSQL: the platform picks a free one. */
class VisitorReservationsTest {

  private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
  private static final OffsetDateTime NINE = OffsetDateTime.parse("2026-12-08T09:00:00+08:00");
  private static final Set<Long> LIVES_IN_EAST = Set.of(1L);

  private static TestSchema schema;
  private static VisitorReservations reservations;
  private static long east;
  private static long west;

  @BeforeAll
  static void schema() throws Exception {
    schema = TestSchema.fresh();
    schema.execute(
        "INSERT INTO parking_lot (estate_id, code, name, location) VALUES"
            + " (1, 'E', 'East yard', 'above_ground'), (2, 'W', 'West yard', 'above_ground')");
    east = schema.count("SELECT id FROM parking_lot WHERE code = 'E'");
    west = schema.count("SELECT id FROM parking_lot WHERE code = 'W'");
    Spaces spaces = new Spaces(schema.jdbc(), new Lots(schema.jdbc(), null, null));
    spaces.createRange(DataScope.ALL, east, new SpaceRange("V", 1, 2, 1, "visitor", 1, null));
    spaces.createRange(DataScope.ALL, east, new SpaceRange("R", 1, 1, 1, "rented", 1, null));
    reservations = new VisitorReservations(schema.jdbc(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterAll
  static void drop() throws Exception {
    schema.close();
  }

  private static VisitorReservationInput slot(long lot, OffsetDateTime from, int hours) {
    return new VisitorReservationInput(
        lot, from, from.plusHours(hours), "Visitor", null, null, "粤B12345", null);
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
  void residentsGetTheFreeVisitorSpacesOfTheirEstatesThenNoneAndAtMostThree() {
    BookingView first =
        reservations.reserve(7L, LIVES_IN_EAST, slot(east, NINE, 2), "r-1").booking();
    BookingView second =
        reservations.reserve(8L, LIVES_IN_EAST, slot(east, NINE, 2), null).booking();
    assertThat(first.spaceNumber()).isEqualTo("V1");
    assertThat(second.spaceNumber()).isEqualTo("V2");
    assertThat(first.plate()).isEqualTo("粤B12345");
    // both visitor spaces are held for part of the slot; the rented space is never offered
    assertThat(
            refused(
                    () ->
                        reservations.reserve(
                            9L, LIVES_IN_EAST, slot(east, NINE.plusHours(1), 2), null))
                .type())
        .isEqualTo("no-space-free");
    // the same key again is the same reservation; another body under it is refused
    assertThat(reservations.reserve(7L, LIVES_IN_EAST, slot(east, NINE, 2), "r-1").replayed())
        .isTrue();
    assertThat(
            refused(() -> reservations.reserve(7L, LIVES_IN_EAST, slot(east, NINE, 3), "r-1"))
                .type())
        .isEqualTo("idempotency-key-reused");
    // a lot of an estate the resident does not live in
    assertThat(
            refused(() -> reservations.reserve(7L, LIVES_IN_EAST, slot(west, NINE, 2), null))
                .type())
        .isEqualTo("not-your-estate");
    // three not over at once
    reservations.reserve(7L, LIVES_IN_EAST, slot(east, NINE.plusDays(1), 1), null);
    reservations.reserve(7L, LIVES_IN_EAST, slot(east, NINE.plusDays(2), 1), null);
    assertThat(
            refused(
                    () ->
                        reservations.reserve(
                            7L, LIVES_IN_EAST, slot(east, NINE.plusDays(3), 1), null))
                .type())
        .isEqualTo("reservation-limit");

    assertThat(reservations.mine(7L))
        .hasSize(3)
        .extracting(BookingView::holderName)
        .containsOnly("Visitor");
    assertThat(reservations.mine(7L, first.id()).id()).isEqualTo(first.id());
    assertThat(refused(() -> reservations.mine(8L, first.id())).status()).isEqualTo(404);
  }
}
