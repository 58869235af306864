package org.courtyard.parking.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.courtyard.api.Problems;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Page;
import org.courtyard.parking.internal.dto.BookingView;
import org.courtyard.parking.internal.dto.CancelInput;
import org.courtyard.parking.internal.dto.LeaseInput;
import org.courtyard.parking.internal.dto.ReservationInput;
import org.courtyard.parking.internal.dto.SpaceView;

/**
 * Leases and reservations: a space held for a half-open period {@code [from, to)}. That no two
 * active ones of a space overlap is PostgreSQL's to enforce (the exclusion constraint {@code
 * parking_booking_no_overlap}), not a check-then-insert here, so it holds however many requests
 * race for the same space and whichever node they reach; the loser is answered 409 {@code
 * space-taken} naming the period that holds the space, read in the same transaction after the
 * insert that did nothing. A lease runs from a start date for whole months, quarters or years, its
 * days beginning at midnight in the module's time zone (Asia/Shanghai unless set otherwise); a
 * reservation of a visitor space is a slot of at most seven days.
 */
final class Bookings {

  private static final Texts TEXTS = Texts.of(Bookings.class);
  static final Text BOOKING = TEXTS.text("label.booking");

  /** Kinds of space a lease may hold, and that a reservation may. */
  static final Set<String> LEASABLE = Set.of("owned", "rented", "ev_charging", "accessible");

  static final Set<String> RESERVABLE = Set.of("visitor");

  static final String COLUMNS =
      "b.id, b.kind, b.space_id, s.number, s.lot_id, l.estate_id, b.term, b.terms,"
          + " b.holder_name, b.holder_phone, lower(b.period), upper(b.period), b.state, b.note,"
          + " b.cancel_reason, b.created_at, b.updated_at, b.version,"
          + " CASE WHEN b.kind = 'lease' THEN (lower(b.period) AT TIME ZONE z.time_zone)::date END,"
          + " CASE WHEN b.kind = 'lease'"
          + " THEN (upper(b.period) AT TIME ZONE z.time_zone)::date - 1 END, b.room_id, b.rent,"
          + " b.plate, b.no_show_minutes, b.arrived_at, b.released_at";

  static final String FROM =
      " FROM parking_booking b JOIN parking_space s ON s.id = b.space_id"
          + " JOIN parking_lot l ON l.id = s.lot_id CROSS JOIN parking_settings z";

  /** A booking and whether it was made before, under the same request key. */
  record Made(BookingView booking, boolean replayed) {}

  private final Jdbc jdbc;
  private final Clock clock;
  private final BilledRooms rooms;

  Bookings(Jdbc jdbc, Clock clock, BilledRooms rooms) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.rooms = rooms;
  }

  Made lease(DataScope scope, LeaseInput input, Long staffUser, String requestKey) {
    ParkingRules.Lease v = ParkingRules.lease(Objects.requireNonNull(input, "input"));
    rooms.require(scope, v.roomId());
    return jdbc.transaction(
        c -> {
          Spaces.Located place = Spaces.locate(c, scope, v.spaceId());
          SpaceView space = place.space();
          ZoneId zone = place.zone();
          Instant from = v.start().atStartOfDay(zone).toInstant();
          Instant to = v.end().atStartOfDay(zone).toInstant();
          Booked row =
              new Booked(
                  "lease",
                  v.term(),
                  v.terms(),
                  v.holder(),
                  from,
                  to,
                  staffUser,
                  requestKey,
                  v.roomId(),
                  v.rent(),
                  null,
                  null,
                  null);
          // a retry is answered with what it made, whatever became of the space since
          Optional<Made> made = replay(c, scope, space, row);
          if (made.isPresent()) {
            return made.get();
          }
          usable(space, true);
          return make(c, scope, space, row, zone);
        });
  }

  Made reserve(DataScope scope, ReservationInput input, Long staffUser, String requestKey) {
    ParkingRules.Reservation v =
        ParkingRules.reservation(Objects.requireNonNull(input, "input"), clock.instant());
    return jdbc.transaction(
        c -> {
          Spaces.Located place = Spaces.locate(c, scope, v.spaceId());
          SpaceView space = place.space();
          Booked row =
              new Booked(
                  "reservation",
                  null,
                  null,
                  v.holder(),
                  v.from(),
                  v.to(),
                  staffUser,
                  requestKey,
                  null,
                  null,
                  v.plate(),
                  v.noShowMinutes(),
                  null);
          Optional<Made> made = replay(c, scope, space, row);
          if (made.isPresent()) {
            return made.get();
          }
          usable(space, false);
          return make(c, scope, space, row, place.zone());
        });
  }

  /** What a new booking's row holds. */
  record Booked(
      String kind,
      String term,
      Integer terms,
      ParkingRules.Holder holder,
      Instant from,
      Instant to,
      Long staffUser,
      String requestKey,
      Long roomId,
      java.math.BigDecimal rent,
      String plate,
      Integer noShowMinutes,
      Long personId) {}

  /** Whether a lease ({@code lease}) or a reservation may hold the space now. */
  private static void usable(SpaceView space, boolean lease) {
    Map<String, Object> kind = Map.of("spaceKind", space.kind());
    if (lease && !LEASABLE.contains(space.kind())) {
      throw TEXTS.problem(
          422, "space-not-leasable", kind, "booking.not-leasable", space.number(), space.kind());
    }
    if (!lease && !RESERVABLE.contains(space.kind())) {
      throw TEXTS.problem(
          422,
          "space-not-reservable",
          kind,
          "booking.not-reservable",
          space.number(),
          space.kind());
    }
    if (!"in_service".equals(space.state())) {
      throw TEXTS.problem(409, "space-out-of-service", "booking.out-of-service", space.number());
    }
  }

  /**
   * Inserts the booking, or nothing when the space is held for part of the period or the request
   * key was used: {@code ON CONFLICT DO NOTHING} without a target covers the exclusion constraint
   * as well as the key, so a refusal leaves the transaction usable and the holder is read in it.
   * PostgreSQL waits for a concurrent insert of a conflicting row to end before deciding, so
   * exactly one of many racing requests inserts.
   */
  private Made make(Connection c, DataScope scope, SpaceView space, Booked b, ZoneId zone)
      throws SQLException {
    Optional<Made> made = insert(c, space, b, zone);
    if (made.isPresent()) {
      return made.get();
    }
    // the same key may have been used by a request that committed while this one waited
    Optional<Made> replayed = replay(c, scope, space, b);
    if (replayed.isPresent()) {
      return replayed.get();
    }
    throw taken(c, space, b.from(), b.to(), zone);
  }

  /**
   * The booking inserted, or empty when the space is held for part of the period or the key used.
   */
  static Optional<Made> insert(Connection c, SpaceView space, Booked b, ZoneId zone)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO parking_booking (space_id, kind, term, terms, holder_name, holder_phone,"
                + " period, note, request_key, created_by, room_id, rent, plate, no_show_minutes,"
                + " person_id) VALUES (?, ?, ?, ?, ?, ?, tstzrange(?, ?, '[)'), ?, ?, ?, ?, ?, ?,"
                + " ?, ?) ON CONFLICT DO NOTHING RETURNING id, created_at, updated_at, version")) {
      int i = 1;
      ps.setLong(i++, space.id());
      ps.setString(i++, b.kind());
      ps.setString(i++, b.term());
      if (b.terms() == null) {
        ps.setNull(i++, java.sql.Types.INTEGER);
      } else {
        ps.setInt(i++, b.terms());
      }
      ps.setString(i++, b.holder().name());
      ps.setString(i++, b.holder().phone());
      ps.setTimestamp(i++, Timestamp.from(b.from()));
      ps.setTimestamp(i++, Timestamp.from(b.to()));
      ps.setString(i++, b.holder().note());
      ps.setString(i++, b.requestKey());
      Jdbc.setLong(ps, i++, b.staffUser());
      Jdbc.setLong(ps, i++, b.roomId());
      ps.setBigDecimal(i++, b.rent());
      ps.setString(i++, b.plate());
      ps.setObject(i++, b.noShowMinutes(), java.sql.Types.INTEGER);
      Jdbc.setLong(ps, i, b.personId());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          // the answer is what was written: no second read
          boolean lease = "lease".equals(b.kind());
          return Optional.of(
              new Made(
                  new BookingView(
                      rs.getLong(1),
                      b.kind(),
                      space.id(),
                      space.number(),
                      space.lotId(),
                      space.estateId(),
                      b.term(),
                      b.terms(),
                      b.holder().name(),
                      b.holder().phone(),
                      b.from(),
                      b.to(),
                      "active",
                      b.holder().note(),
                      null,
                      rs.getTimestamp(2).toInstant(),
                      rs.getTimestamp(3).toInstant(),
                      rs.getInt(4),
                      lease ? b.from().atZone(zone).toLocalDate() : null,
                      lease ? b.to().atZone(zone).toLocalDate().minusDays(1) : null,
                      b.roomId(),
                      b.rent(),
                      b.plate(),
                      b.noShowMinutes(),
                      null,
                      null),
                  false));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The booking made before under the same key, if there is one and this request is the same one
   * (else 422 {@code idempotency-key-reused}); empty when the key is unused.
   */
  private Optional<Made> replay(Connection c, DataScope scope, SpaceView space, Booked b)
      throws SQLException {
    if (b.requestKey() == null) {
      return Optional.empty();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, space_id, kind, lower(period), upper(period), holder_name, term, terms,"
                + " holder_phone, note, room_id, rent, plate, no_show_minutes FROM parking_booking"
                + " WHERE request_key = ?")) {
      ps.setString(1, b.requestKey());
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        boolean same =
            rs.getLong(2) == space.id()
                && rs.getString(3).equals(b.kind())
                && rs.getTimestamp(4).toInstant().equals(b.from())
                && rs.getTimestamp(5).toInstant().equals(b.to())
                && rs.getString(6).equals(b.holder().name())
                && Objects.equals(rs.getString(7), b.term())
                && Objects.equals((Integer) rs.getObject(8), b.terms())
                && Objects.equals(rs.getString(9), b.holder().phone())
                && Objects.equals(rs.getString(10), b.holder().note())
                && Objects.equals(Jdbc.getLong(rs, "room_id"), b.roomId())
                && Objects.equals(rs.getBigDecimal(12), b.rent())
                && Objects.equals(rs.getString(13), b.plate())
                && Objects.equals(rs.getObject(14, Integer.class), b.noShowMinutes());
        if (!same) {
          throw TEXTS.problem(422, "idempotency-key-reused", "booking.key-reused");
        }
        return Optional.of(new Made(find(c, scope, rs.getLong(1)), true));
      }
    }
  }

  /**
   * 409 {@code space-taken}: the active booking whose period meets {@code [from, to)}, named with
   * its period (the dates of a lease, the instants of a reservation) and its kind.
   */
  private static RuntimeException taken(
      Connection c, SpaceView space, Instant from, Instant to, ZoneId zone) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, kind, lower(period), upper(period) FROM parking_booking"
                + " WHERE space_id = ? AND state = 'active' AND period && tstzrange(?, ?, '[)')"
                + " ORDER BY lower(period) LIMIT 1")) {
      ps.setLong(1, space.id());
      ps.setTimestamp(2, Timestamp.from(from));
      ps.setTimestamp(3, Timestamp.from(to));
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          // the holder was cancelled between the refusal and this read: the client may retry
          return TEXTS.problem(
              409, "space-taken", Map.of(), "booking.taken-meanwhile", space.number());
        }
        Instant heldFrom = rs.getTimestamp(3).toInstant();
        Instant heldTo = rs.getTimestamp(4).toInstant();
        Map<String, Object> holder = new LinkedHashMap<>();
        holder.put("bookingId", rs.getLong(1));
        holder.put("kind", rs.getString(2));
        holder.put("from", heldFrom.toString());
        holder.put("to", heldTo.toString());
        boolean lease = "lease".equals(rs.getString(2));
        String period = period(heldFrom, heldTo, zone, lease);
        return lease
            ? TEXTS.problem(
                409,
                "space-taken",
                Map.of("heldBy", holder),
                "booking.taken-lease",
                space.number(),
                period,
                rs.getLong(1))
            : TEXTS.problem(
                409,
                "space-taken",
                Map.of("heldBy", holder),
                "booking.taken-slot",
                space.number(),
                period,
                rs.getLong(1));
      }
    }
  }

  /** A period as people read it: a lease's first and last day, a slot's local times. */
  static String period(Instant from, Instant to, ZoneId zone, boolean days) {
    if (days) {
      LocalDate first = from.atZone(zone).toLocalDate();
      LocalDate last = to.atZone(zone).toLocalDate().minusDays(1);
      return first + " – " + last;
    }
    java.time.format.DateTimeFormatter f =
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    return from.atZone(zone).format(f) + " – " + to.atZone(zone).format(f);
  }

  Page<BookingView> list(
      DataScope scope,
      String kind,
      Long spaceId,
      Long lotId,
      Boolean current,
      long afterId,
      int limit) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + FROM
                      + " WHERE b.kind = ? AND b.id > ? AND (?::bigint IS NULL OR b.space_id = ?)"
                      + " AND (?::bigint IS NULL OR s.lot_id = ?)"
                      + " AND (NOT ? OR (b.state = 'active' AND upper(b.period) > now()))"
                      + " AND (? OR l.estate_id = ANY(?)) ORDER BY b.id LIMIT ?")) {
            int i = 1;
            ps.setString(i++, kind);
            ps.setLong(i++, afterId);
            Jdbc.setLong(ps, i++, spaceId);
            Jdbc.setLong(ps, i++, spaceId);
            Jdbc.setLong(ps, i++, lotId);
            Jdbc.setLong(ps, i++, lotId);
            ps.setBoolean(i++, Boolean.TRUE.equals(current));
            ps.setBoolean(i++, scope.isAll());
            ps.setArray(i++, Jdbc.bigints(c, scope.estates()));
            ps.setInt(i, limit + 1);
            List<BookingView> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(view(rs));
              }
            }
            return Page.byId(rows, limit, BookingView::id);
          }
        });
  }

  BookingView get(DataScope scope, String kind, long id) {
    return jdbc.read(c -> ofKind(find(c, scope, id), kind));
  }

  /**
   * Cancels an active booking at the version read: the space is free again for its period. 409
   * {@code wrong-state} for one already cancelled.
   */
  BookingView cancel(DataScope scope, String kind, long id, CancelInput input) {
    ParkingRules.Cancel v = ParkingRules.cancel(Objects.requireNonNull(input, "input"));
    String reason = v.reason();
    int version = v.version();
    return jdbc.transaction(
        c -> {
          BookingView b = ofKind(find(c, scope, id), kind);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE parking_booking SET state = 'cancelled', cancel_reason = ?,"
                      + " updated_at = now(), version = version + 1"
                      + " WHERE id = ? AND version = ? AND state = 'active'")) {
            ps.setString(1, reason);
            ps.setLong(2, id);
            ps.setInt(3, version);
            if (ps.executeUpdate() == 0) {
              BookingView now = find(c, scope, id);
              if (!"active".equals(now.state())) {
                throw TEXTS.problem(409, "wrong-state", "booking.cancelled-already", id);
              }
              throw Problems.staleVersion(BOOKING, id, now.version(), version);
            }
          }
          return find(c, scope, b.id());
        });
  }

  /**
   * Notes that the reservation's visitor arrived (a guard saw them in): the space is no longer
   * released as a no-show. Noting it again answers the reservation as it is. 409 {@code
   * wrong-state} for a cancelled or released reservation, one whose slot is over, or one whose slot
   * begins more than {@link #EARLY} from now. The row is locked first, so a release at the same
   * moment either comes before (409) or finds it arrived.
   */
  BookingView arrive(DataScope scope, long id) {
    Instant now = clock.instant();
    return jdbc.transaction(
        c -> {
          try (PreparedStatement lock =
              c.prepareStatement("SELECT id FROM parking_booking WHERE id = ? FOR UPDATE")) {
            lock.setLong(1, id);
            lock.executeQuery().close();
          }
          BookingView b = ofKind(find(c, scope, id), "reservation");
          if (b.arrivedAt() != null) {
            return b;
          }
          if (!"active".equals(b.state())) {
            throw TEXTS.problem(409, "wrong-state", "booking.cancelled-already", id);
          }
          if (!now.isBefore(b.to())) {
            throw TEXTS.problem(409, "wrong-state", "booking.slot-over", id, b.to());
          }
          if (now.plus(EARLY).isBefore(b.from())) {
            throw TEXTS.problem(
                409, "wrong-state", "booking.too-early", id, b.from(), EARLY.toMinutes());
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE parking_booking SET arrived_at = ?, updated_at = now(),"
                      + " version = version + 1 WHERE id = ? AND state = 'active'"
                      + " AND arrived_at IS NULL")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setLong(2, id);
            ps.executeUpdate();
          }
          return find(c, scope, id);
        });
  }

  /** Reservations released per statement: short locks whatever the backlog. */
  static final int RELEASE_BATCH = 500;

  /**
   * Releases the reservations nobody arrived for within their {@code no_show_minutes} after the
   * slot began: cancelled with the reason {@code no-show} and the instant, so the space can be
   * reserved for the rest of the slot. A reservation a gate or a guard is noting the arrival of at
   * that moment is skipped (locked) and looked at again next time, when it has arrived.
   *
   * @return how many were released
   */
  int releaseNoShows() {
    Timestamp now = Timestamp.from(clock.instant());
    int total = 0;
    while (true) {
      int released =
          jdbc.transaction(
              c -> {
                try (PreparedStatement ps =
                    c.prepareStatement(
                        "UPDATE parking_booking SET state = 'cancelled', cancel_reason ="
                            + " 'no-show', released_at = ?, updated_at = ?, version = version + 1"
                            + " WHERE id IN (SELECT id FROM parking_booking"
                            + " WHERE kind = 'reservation' AND state = 'active'"
                            + " AND arrived_at IS NULL AND lower(period) <= ?"
                            + " AND lower(period) + no_show_minutes * interval '1 minute' <= ?"
                            + " AND no_show_minutes IS NOT NULL"
                            + " ORDER BY lower(period) LIMIT ? FOR UPDATE SKIP LOCKED)")) {
                  ps.setTimestamp(1, now);
                  ps.setTimestamp(2, now);
                  ps.setTimestamp(3, now);
                  ps.setTimestamp(4, now);
                  ps.setInt(5, RELEASE_BATCH);
                  return ps.executeUpdate();
                }
              });
      total += released;
      if (released < RELEASE_BATCH) {
        return total;
      }
    }
  }

  /**
   * The active reservation of {@code plate} in the lot whose slot lets it in at {@code at} (from
   * {@link #EARLY} before the slot until its end) and that nobody arrived for, oldest slot first;
   * null when there is none. Asked by an entrance for a plate without a card or a list entry.
   */
  static Long reservationFor(Connection c, long lotId, String plate, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT b.id FROM parking_booking b JOIN parking_space s ON s.id = b.space_id"
                + " WHERE b.plate = ? AND b.kind = 'reservation' AND b.state = 'active'"
                + " AND b.arrived_at IS NULL AND s.lot_id = ?"
                + " AND lower(b.period) <= ? AND upper(b.period) > ?"
                + " ORDER BY lower(b.period) LIMIT 1 FOR UPDATE OF b")) {
      ps.setString(1, plate);
      ps.setLong(2, lotId);
      ps.setTimestamp(3, Timestamp.from(at.plus(EARLY)));
      ps.setTimestamp(4, Timestamp.from(at));
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  /** How long before its slot a reserved visitor is let in. */
  static final java.time.Duration EARLY = java.time.Duration.ofMinutes(30);

  /**
   * Notes the arrival of the plate's reservation in the lot that lets it in at {@code at}, if there
   * is one: the vehicle came in another way (a card, the white list, a guard's decision).
   */
  static void arrivedBy(Connection c, long lotId, String plate, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE parking_booking b SET arrived_at = ?, updated_at = now(),"
                + " version = b.version + 1 FROM parking_space s WHERE s.id = b.space_id"
                + " AND s.lot_id = ? AND b.plate = ? AND b.kind = 'reservation'"
                + " AND b.state = 'active' AND b.arrived_at IS NULL AND lower(b.period) <= ?"
                + " AND upper(b.period) > ?")) {
      ps.setTimestamp(1, Timestamp.from(at));
      ps.setLong(2, lotId);
      ps.setString(3, plate);
      ps.setTimestamp(4, Timestamp.from(at.plus(EARLY)));
      ps.setTimestamp(5, Timestamp.from(at));
      ps.executeUpdate();
    }
  }

  /** Notes the arrival of a reserved visitor the entrance let in. */
  static void arrived(Connection c, long bookingId, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE parking_booking SET arrived_at = ?, updated_at = now(), version = version + 1"
                + " WHERE id = ? AND arrived_at IS NULL")) {
      ps.setTimestamp(1, Timestamp.from(at));
      ps.setLong(2, bookingId);
      ps.executeUpdate();
    }
  }

  private static BookingView ofKind(BookingView b, String kind) {
    if (!b.kind().equals(kind)) {
      throw Problems.notFound(BOOKING, b.id());
    }
    return b;
  }

  static BookingView find(Connection c, DataScope scope, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + FROM + " WHERE b.id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw Problems.notFound(BOOKING, id);
        }
        BookingView b = view(rs);
        if (!scope.covers(b.estateId(), null)) {
          throw Problems.notFound(BOOKING, id);
        }
        return b;
      }
    }
  }

  static BookingView view(ResultSet rs) throws SQLException {
    int terms = rs.getInt(8);
    Integer termsOrNull = rs.wasNull() ? null : terms;
    return new BookingView(
        rs.getLong(1),
        rs.getString(2),
        rs.getLong(3),
        rs.getString(4),
        rs.getLong(5),
        rs.getLong(6),
        rs.getString(7),
        termsOrNull,
        rs.getString(9),
        rs.getString(10),
        rs.getTimestamp(11).toInstant(),
        rs.getTimestamp(12).toInstant(),
        rs.getString(13),
        rs.getString(14),
        rs.getString(15),
        rs.getTimestamp(16).toInstant(),
        rs.getTimestamp(17).toInstant(),
        rs.getInt(18),
        rs.getObject(19, LocalDate.class),
        rs.getObject(20, LocalDate.class),
        Jdbc.getLong(rs, "room_id"),
        rs.getBigDecimal(22),
        rs.getString(23),
        rs.getObject(24, Integer.class),
        instant(rs.getTimestamp(25)),
        instant(rs.getTimestamp(26)));
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
