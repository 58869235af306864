package org.courtyard.parking.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.Plates;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Page;
import org.courtyard.parking.internal.dto.DiscountInput;
import org.courtyard.parking.internal.dto.DiscountView;
import org.courtyard.parking.internal.dto.TariffView;

/**
 * Minutes given off temporary stays: a resident's visitor grant for a plate on a day in a lot of
 * their estate (worth the lot tariff's {@code visitor_minutes}, at most {@value #GRANTS_PER_DAY} a
 * day per resident, the same plate and day again answering the grant made), and merchants' coupons
 * staff record by the coupon's code (a code used once in its lot). A stay is charged for its time
 * less the minutes of its plate's grants and coupons in its lot on the local days it covers ({@link
 * #minutesOff}).
 */
final class Discounts {

  private static final Texts TEXTS = Texts.of(Discounts.class);

  /** A resident's visitor grants a day. */
  static final int GRANTS_PER_DAY = 3;

  /** How far ahead a resident grants a visitor's day. */
  static final int DAYS_AHEAD = 7;

  private static final String COLUMNS =
      "d.id, d.lot_id, d.plate, d.day, d.kind, d.minutes, d.person_id, d.merchant, d.code,"
          + " d.granted_by, d.created_at, d.used_entry_id";

  /** A grant or coupon, and whether it was made before this request. */
  record Made(DiscountView discount, boolean replayed) {}

  private final Jdbc jdbc;
  private final Lots lots;
  private final Clock clock;

  Discounts(Jdbc jdbc, Lots lots, Clock clock) {
    this.jdbc = jdbc;
    this.lots = lots;
    this.clock = clock;
  }

  /**
   * The minutes given off the stay {@code entryId} of the plate in the lot from {@code from} to
   * {@code to}: its plate's grants and coupons of those days that no other stay used up.
   */
  static long minutesOff(
      Connection c, long lotId, long entryId, String plate, LocalDate from, LocalDate to)
      throws SQLException {
    if (plate == null) {
      return 0;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT coalesce(sum(minutes), 0) FROM parking_discount"
                + " WHERE lot_id = ? AND plate = ? AND day BETWEEN ? AND ?"
                + " AND (used_entry_id IS NULL OR used_entry_id = ?)")) {
      ps.setLong(1, lotId);
      ps.setString(2, plate);
      ps.setDate(3, Date.valueOf(from));
      ps.setDate(4, Date.valueOf(to));
      ps.setLong(5, entryId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * The grants and coupons the stay {@code entryId} was priced with are used up as its exit lets it
   * out: the plate's unused ones in its lot on the local days from its entry to now. A later stay
   * of the plate the same day pays in full.
   */
  static void useUp(Connection c, long entryId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE parking_discount d SET used_entry_id = e.id FROM parking_passage e"
                + " WHERE e.id = ? AND e.plate IS NOT NULL AND d.lot_id = e.lot_id"
                + " AND d.plate = e.plate AND d.used_entry_id IS NULL"
                + " AND d.day BETWEEN (e.seen_at AT TIME ZONE"
                + " (SELECT time_zone FROM parking_settings))::date"
                + " AND (now() AT TIME ZONE (SELECT time_zone FROM parking_settings))::date")) {
      ps.setLong(1, entryId);
      ps.executeUpdate();
    }
  }

  /**
   * A resident gives a visitor's plate the lot's visitor time on a day. 422 {@code not-your-estate}
   * for a lot outside the estates the resident lives in; 409 {@code no-visitor-time} for a lot
   * whose tariff gives none; 409 {@code visitor-limit} past {@value #GRANTS_PER_DAY} grants of the
   * day.
   */
  Made grantVisitor(long personId, Set<Long> estates, DiscountInput input) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    Long lotId = TextRules.required(input.lotId(), "lotId", errors);
    String plate = Plates.plate(input.plate(), "plate", errors);
    errors.throwIfAny();
    return jdbc.transaction(
        c -> {
          Long estate = estateOf(c, lotId);
          if (estate == null || !estates.contains(estate)) {
            throw TEXTS.problem(422, "not-your-estate", "discount.not-your-estate", lotId);
          }
          ZoneId zone = Gates.lockLot(c, lotId);
          // a resident's grants of a day are counted one request at a time, whichever lot
          try (PreparedStatement lock =
              c.prepareStatement(
                  "SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':visitor:' || ?))")) {
            lock.setLong(1, personId);
            lock.execute();
          }
          LocalDate today = LocalDate.now(clock.withZone(zone));
          LocalDate day = input.day() == null ? today : input.day();
          if (day.isBefore(today) || day.isAfter(today.plusDays(DAYS_AHEAD))) {
            throw FieldErrors.single(
                FieldErrors.TYPE,
                TEXTS.title(FieldErrors.TYPE),
                "day",
                TEXTS.text("discount.day", today, today.plusDays(DAYS_AHEAD)));
          }
          TariffView t = Tariffs.existing(c, lotId);
          if (t == null || t.visitorMinutes() == 0) {
            throw TEXTS.problem(409, "no-visitor-time", "discount.no-visitor-time", lotId);
          }
          DiscountView earlier =
              one(
                  c,
                  "d.lot_id = ? AND d.plate = ? AND d.day = ? AND d.person_id = ?"
                      + " AND d.kind = 'visitor'",
                  lotId,
                  plate,
                  Date.valueOf(day),
                  personId);
          if (earlier != null) {
            return new Made(earlier, true);
          }
          int today0 = count(c, personId, day);
          if (today0 >= GRANTS_PER_DAY) {
            throw TEXTS.problem(409, "visitor-limit", "discount.limit", GRANTS_PER_DAY, day);
          }
          long id =
              insert(
                  c, lotId, plate, day, "visitor", t.visitorMinutes(), personId, null, null, null);
          return new Made(one(c, "d.id = ?", id), false);
        });
  }

  /**
   * Staff record a merchant's coupon for a plate in a lot, today. The same code again answers the
   * coupon recorded; 409 {@code coupon-used} when the code was used for another plate.
   */
  Made coupon(DataScope scope, long lotId, DiscountInput input, Long staff) {
    Objects.requireNonNull(input, "input");
    FieldErrors errors = new FieldErrors();
    String plate = Plates.plate(input.plate(), "plate", errors);
    Integer minutes = TextRules.requiredInRange(input.minutes(), "minutes", 1, 1440, errors);
    String merchant = TextRules.requiredLine(input.merchant(), "merchant", 100, errors);
    String code = TextRules.requiredLine(input.code(), "code", 64, errors);
    errors.throwIfAny();
    return jdbc.transaction(
        c -> {
          lots.find(c, scope, lotId, false);
          ZoneId zone = Gates.lockLot(c, lotId);
          DiscountView earlier = one(c, "d.lot_id = ? AND d.code = ?", lotId, code);
          if (earlier != null) {
            if (!earlier.plate().equals(plate) || earlier.minutes() != minutes) {
              throw TEXTS.problem(
                  409, "coupon-used", "discount.coupon-used", code, earlier.plate(), earlier.day());
            }
            return new Made(earlier, true);
          }
          long id =
              insert(
                  c,
                  lotId,
                  plate,
                  LocalDate.now(clock.withZone(zone)),
                  "coupon",
                  minutes,
                  null,
                  merchant,
                  code,
                  staff);
          return new Made(one(c, "d.id = ?", id), false);
        });
  }

  /** The grants and coupons of the lots in scope, newest first. */
  Page<DiscountView> list(DataScope scope, Long lotId, String plate, long beforeId, int limit) {
    return jdbc.read(
        c ->
            LotPages.newestFirst(
                c,
                "SELECT "
                    + COLUMNS
                    + " FROM parking_discount d JOIN parking_lot l ON l.id = d.lot_id",
                "d",
                null,
                scope,
                lotId,
                plate,
                beforeId,
                limit,
                Discounts::view,
                DiscountView::id));
  }

  /** One grant or coupon of the lots in scope (a resident's own with {@code personId}); 404. */
  DiscountView get(DataScope scope, Long personId, long id) {
    return jdbc.read(
        c -> {
          DiscountView d = one(c, "d.id = ?", id);
          boolean mine = personId != null && d != null && personId.equals(d.personId());
          boolean inScope =
              personId == null && d != null && scope.covers(estateOf(c, d.lotId()), null);
          if (!mine && !inScope) {
            throw org.courtyard.api.Problems.notFound(TEXTS.text("label.discount"), id);
          }
          return d;
        });
  }

  /** A resident's own grants, newest first (at most 100). */
  List<DiscountView> mine(long personId) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM parking_discount d WHERE d.person_id = ?"
                      + " ORDER BY d.day DESC, d.id DESC LIMIT 100")) {
            ps.setLong(1, personId);
            List<DiscountView> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(view(rs));
              }
            }
            return rows;
          }
        });
  }

  static Long estateOf(Connection c, long lotId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT estate_id FROM parking_lot WHERE id = ?")) {
      ps.setLong(1, lotId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  private static int count(Connection c, long personId, LocalDate day) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT count(*) FROM parking_discount WHERE person_id = ? AND day = ?")) {
      ps.setLong(1, personId);
      ps.setDate(2, Date.valueOf(day));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static long insert(
      Connection c,
      long lotId,
      String plate,
      LocalDate day,
      String kind,
      int minutes,
      Long personId,
      String merchant,
      String code,
      Long staff)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO parking_discount (lot_id, plate, day, kind, minutes, person_id, merchant,"
                + " code, granted_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
      ps.setLong(1, lotId);
      ps.setString(2, plate);
      ps.setDate(3, Date.valueOf(day));
      ps.setString(4, kind);
      ps.setInt(5, minutes);
      Jdbc.setLong(ps, 6, personId);
      ps.setString(7, merchant);
      ps.setString(8, code);
      Jdbc.setLong(ps, 9, staff);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static DiscountView one(Connection c, String where, Object... values)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM parking_discount d WHERE " + where)) {
      for (int i = 0; i < values.length; i++) {
        ps.setObject(i + 1, values[i]);
      }
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? view(rs) : null;
      }
    }
  }

  private static DiscountView view(ResultSet rs) throws SQLException {
    Timestamp created = rs.getTimestamp(11);
    return new DiscountView(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getDate(4).toLocalDate(),
        rs.getString(5),
        rs.getInt(6),
        Jdbc.getLong(rs, "person_id"),
        rs.getString(8),
        rs.getString(9),
        Jdbc.getLong(rs, "granted_by"),
        created.toInstant(),
        Jdbc.getLong(rs, "used_entry_id"));
  }
}
