package org.courtyard.parking.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.Problems;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;
import org.courtyard.parking.internal.dto.BookingView;
import org.courtyard.parking.internal.dto.ReservationInput;
import org.courtyard.parking.internal.dto.VisitorReservationInput;

/**
 * Residents reserving a visitor space for their visitors, in a lot of an estate they live in: the
 * platform picks the first visitor space in service that is free for the whole slot, and the same
 * exclusion constraint as for staff decides (a space taken by a racing request is passed over for
 * the next). A resident holds at most {@value #PER_PERSON} reservations not yet over, counted one
 * request at a time per person (an advisory lock), and sees and cancels only their own.
 */
final class VisitorReservations {

  private static final Texts TEXTS = Texts.of(VisitorReservations.class);

  /** Reservations not yet over a resident may hold at once. */
  static final int PER_PERSON = 3;

  private final Jdbc jdbc;
  private final Clock clock;

  VisitorReservations(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * 422 {@code not-your-estate} for a lot outside the resident's estates; 409 {@code
   * reservation-limit} past {@value #PER_PERSON}; 409 {@code no-space-free} when every visitor
   * space of the lot is held for part of the slot.
   */
  Bookings.Made reserve(
      long person, Set<Long> estates, VisitorReservationInput input, String requestKey) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    Long lotId = TextRules.required(input.lotId(), "lotId", errors);
    errors.throwIfAny();
    Instant now = clock.instant();
    // the slot, holder and plate by the staff's rules; the space is the platform's to pick
    ParkingRules.Reservation v =
        ParkingRules.reservation(
            new ReservationInput(
                lotId,
                input.from(),
                input.to(),
                input.holderName(),
                input.holderPhone(),
                input.note(),
                input.plate(),
                input.noShowMinutes()),
            now);
    Bookings.Booked row =
        new Bookings.Booked(
            "reservation",
            null,
            null,
            v.holder(),
            v.from(),
            v.to(),
            null,
            requestKey,
            null,
            null,
            v.plate(),
            v.noShowMinutes(),
            person);
    return jdbc.transaction(
        c -> {
          Long estate = Discounts.estateOf(c, lotId);
          if (estate == null || !estates.contains(estate)) {
            throw TEXTS.problem(422, "not-your-estate", "discount.not-your-estate", lotId);
          }
          try (PreparedStatement lock =
              c.prepareStatement(
                  "SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':reserve:' || ?))")) {
            lock.setLong(1, person);
            lock.execute();
          }
          Optional<Bookings.Made> replayed = replay(c, person, lotId, row);
          if (replayed.isPresent()) {
            return replayed.get();
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT count(*) FROM parking_booking WHERE person_id = ? AND state = 'active'"
                      + " AND upper(period) > ?")) {
            ps.setLong(1, person);
            ps.setTimestamp(2, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              if (rs.getInt(1) >= PER_PERSON) {
                throw TEXTS.problem(409, "reservation-limit", "reservation.limit", PER_PERSON);
              }
            }
          }
          for (long spaceId : freeSpaces(c, lotId, row)) {
            Spaces.Located place = Spaces.locate(c, DataScope.ALL, spaceId);
            Optional<Bookings.Made> made = Bookings.insert(c, place.space(), row, place.zone());
            if (made.isPresent()) {
              return made.get();
            }
          }
          throw TEXTS.problem(409, "no-space-free", "reservation.no-space-free", lotId);
        });
  }

  /** The lot's visitor spaces in service with no active booking meeting the slot, by id. */
  private static List<Long> freeSpaces(Connection c, long lotId, Bookings.Booked row)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT s.id FROM parking_space s WHERE s.lot_id = ? AND s.kind = 'visitor'"
                + " AND s.state = 'in_service' AND NOT EXISTS (SELECT 1 FROM parking_booking b"
                + " WHERE b.space_id = s.id AND b.state = 'active'"
                + " AND b.period && tstzrange(?, ?, '[)')) ORDER BY s.id")) {
      ps.setLong(1, lotId);
      ps.setTimestamp(2, Timestamp.from(row.from()));
      ps.setTimestamp(3, Timestamp.from(row.to()));
      List<Long> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getLong(1));
        }
      }
      return out;
    }
  }

  /**
   * The reservation this person made before under the same key, if it is this request (else 422
   * {@code idempotency-key-reused}); empty when the key is unused.
   */
  private static Optional<Bookings.Made> replay(
      Connection c, long person, long lotId, Bookings.Booked b) throws SQLException {
    if (b.requestKey() == null) {
      return Optional.empty();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT b.id, b.person_id, s.lot_id, lower(b.period), upper(b.period), b.holder_name,"
                + " b.holder_phone, b.note, b.plate, b.no_show_minutes FROM parking_booking b"
                + " JOIN parking_space s ON s.id = b.space_id WHERE b.request_key = ?")) {
      ps.setString(1, b.requestKey());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        boolean same =
            Objects.equals(Jdbc.getLong(rs, "person_id"), person)
                && rs.getLong(3) == lotId
                && rs.getTimestamp(4).toInstant().equals(b.from())
                && rs.getTimestamp(5).toInstant().equals(b.to())
                && rs.getString(6).equals(b.holder().name())
                && Objects.equals(rs.getString(7), b.holder().phone())
                && Objects.equals(rs.getString(8), b.holder().note())
                && Objects.equals(rs.getString(9), b.plate())
                && Objects.equals(rs.getObject(10, Integer.class), b.noShowMinutes());
        if (!same) {
          throw TEXTS.problem(422, "idempotency-key-reused", "booking.key-reused");
        }
        return Optional.of(new Bookings.Made(Bookings.find(c, DataScope.ALL, rs.getLong(1)), true));
      }
    }
  }

  /** The person's reservations, the latest slot first (at most 100). */
  List<BookingView> mine(long person) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + Bookings.COLUMNS
                      + Bookings.FROM
                      + " WHERE b.person_id = ? ORDER BY lower(b.period) DESC, b.id DESC"
                      + " LIMIT 100")) {
            ps.setLong(1, person);
            List<BookingView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(Bookings.view(rs));
              }
            }
            return out;
          }
        });
  }

  /** One of the person's reservations; 404 for anyone else's. */
  BookingView mine(long person, long id) {
    return jdbc.read(c -> own(c, person, id));
  }

  private static BookingView own(Connection c, long person, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT person_id FROM parking_booking WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next() || !Objects.equals(Jdbc.getLong(rs, "person_id"), person)) {
          throw Problems.notFound(Bookings.BOOKING, id);
        }
      }
    }
    return Bookings.find(c, DataScope.ALL, id);
  }
}
