package org.courtyard.parking.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.Problems;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;
import org.courtyard.parking.internal.dto.QuoteView;
import org.courtyard.parking.internal.dto.TariffInput;
import org.courtyard.parking.internal.dto.TariffView;
import org.courtyard.parking.internal.tariff.Fees;
import org.courtyard.parking.internal.tariff.Tariff;

/**
 * The lots' temporary-parking tariffs: one per lot, set and changed at the version read, and the
 * quote of a stay under one ({@link Fees}, in the module's zone). A lot outside the caller's scope
 * answers 404, and so does a lot without a tariff ({@code no-tariff}).
 */
final class Tariffs {

  private static final Texts TEXTS = Texts.of(Tariffs.class);

  private static final String COLUMNS =
      "t.lot_id, t.free_minutes, t.first_minutes, t.first_price, t.unit_minutes, t.unit_price,"
          + " t.night_from, t.night_to, t.night_unit_price, t.cap_per_24h, t.updated_at,"
          + " t.version, t.grace_minutes, t.visitor_minutes";

  private static final BigDecimal MAX_PRICE = new BigDecimal("10000");
  private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
  private static final BigDecimal MAX_CAP = new BigDecimal("100000");

  private final Jdbc jdbc;
  private final Lots lots;

  Tariffs(Jdbc jdbc, Lots lots) {
    this.jdbc = jdbc;
    this.lots = lots;
  }

  TariffView get(DataScope scope, long lotId) {
    return jdbc.read(
        c -> {
          lots.find(c, scope, lotId, false);
          return find(c, lotId);
        });
  }

  /** Sets the lot's tariff, or changes it at the version read. */
  TariffView put(DataScope scope, long lotId, TariffInput input) {
    Tariff t = check(Objects.requireNonNull(input, "input"));
    return jdbc.transaction(
        c -> {
          lots.find(c, scope, lotId, true);
          TariffView now = existing(c, lotId);
          if (now != null) {
            if (input.version() == null) {
              throw FieldErrors.single(
                  FieldErrors.TYPE,
                  TEXTS.title(FieldErrors.TYPE),
                  "version",
                  TEXTS.text("tariff.version-needed"));
            }
            if (now.version() != input.version()) {
              throw Problems.staleVersion(
                  TEXTS.text("label.tariff"), lotId, now.version(), input.version());
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO parking_tariff (lot_id, free_minutes, first_minutes, first_price,"
                      + " unit_minutes, unit_price, night_from, night_to, night_unit_price,"
                      + " cap_per_24h, grace_minutes, visitor_minutes)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, 15), coalesce(?, 120))"
                      + " ON CONFLICT (lot_id) DO UPDATE SET free_minutes = excluded.free_minutes,"
                      + " first_minutes = excluded.first_minutes, first_price ="
                      + " excluded.first_price, unit_minutes = excluded.unit_minutes, unit_price"
                      + " = excluded.unit_price, night_from = excluded.night_from, night_to ="
                      + " excluded.night_to, night_unit_price = excluded.night_unit_price,"
                      + " cap_per_24h = excluded.cap_per_24h, grace_minutes ="
                      + " coalesce(?, parking_tariff.grace_minutes), visitor_minutes ="
                      + " coalesce(?, parking_tariff.visitor_minutes), updated_at = now(), version ="
                      + " parking_tariff.version + 1")) {
            ps.setLong(1, lotId);
            ps.setInt(2, t.freeMinutes());
            ps.setInt(3, t.firstMinutes());
            ps.setBigDecimal(4, t.firstPrice());
            ps.setInt(5, t.unitMinutes());
            ps.setBigDecimal(6, t.unitPrice());
            ps.setTime(7, t.nightFrom() == null ? null : Time.valueOf(t.nightFrom()));
            ps.setTime(8, t.nightTo() == null ? null : Time.valueOf(t.nightTo()));
            ps.setBigDecimal(9, t.nightUnitPrice());
            ps.setBigDecimal(10, t.capPer24h());
            ps.setObject(11, input.graceMinutes(), java.sql.Types.INTEGER);
            ps.setObject(12, input.visitorMinutes(), java.sql.Types.INTEGER);
            ps.setObject(13, input.graceMinutes(), java.sql.Types.INTEGER);
            ps.setObject(14, input.visitorMinutes(), java.sql.Types.INTEGER);
            ps.executeUpdate();
          }
          return find(c, lotId);
        });
  }

  /** What a stay from {@code entry} to {@code exit} costs under the lot's tariff. */
  QuoteView quote(DataScope scope, long lotId, String entry, String exit, String minutesOff) {
    FieldErrors errors = new FieldErrors();
    Instant from = instant(entry, "entry", errors);
    Instant to = instant(exit, "exit", errors);
    long off = 0;
    if (minutesOff != null && !minutesOff.isBlank()) {
      try {
        off = Long.parseLong(minutesOff.strip());
        if (off < 0 || off > Fees.LONGEST.toMinutes()) {
          errors.add("minutesOff", TEXTS.text("tariff.minutes-off", Fees.LONGEST.toMinutes()));
        }
      } catch (NumberFormatException e) {
        errors.add("minutesOff", TEXTS.text("tariff.minutes-off", Fees.LONGEST.toMinutes()));
      }
    }
    if (from != null && to != null) {
      if (to.isBefore(from)) {
        errors.add("exit", TEXTS.text("tariff.exit-before-entry"));
      } else if (Duration.between(from, to).compareTo(Fees.LONGEST) > 0) {
        errors.add("exit", TEXTS.text("tariff.stay-too-long", Fees.LONGEST.toDays()));
      }
    }
    errors.throwIfAny();
    long minutes = off;
    return jdbc.read(
        c -> {
          lots.find(c, scope, lotId, false);
          TariffView v = find(c, lotId);
          Fees.Fee fee = Fees.of(tariff(v), from, to, minutes, zone(c));
          return new QuoteView(
              lotId,
              from,
              to,
              minutes,
              fee.amount(),
              fee.chargedMinutes(),
              fee.days().stream()
                  .map(d -> new QuoteView.Day(d.from(), d.charged(), d.capped()))
                  .toList());
        });
  }

  private static Instant instant(String raw, String field, FieldErrors errors) {
    String v = TextRules.trimToNull(raw);
    if (v == null) {
      errors.add(field, TextRules.IS_REQUIRED);
      return null;
    }
    Instant at;
    try {
      at = OffsetDateTime.parse(v).toInstant().truncatedTo(ChronoUnit.SECONDS);
    } catch (DateTimeParseException e) {
      errors.add(field, TEXTS.text("tariff.instant", TextRules.quote(v)));
      return null;
    }
    // stays in the years a tariff can be about: no arithmetic near the ends of time
    if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
      errors.add(field, TEXTS.text("tariff.instant-range", TextRules.quote(v)));
      return null;
    }
    return at;
  }

  /** The tariff's values as the rules of {@code V2__parking_tariff.sql} allow them. */
  static Tariff check(TariffInput in) {
    FieldErrors errors = new FieldErrors();
    Integer free = TextRules.requiredInRange(in.freeMinutes(), "freeMinutes", 0, 1440, errors);
    Integer first = TextRules.requiredInRange(in.firstMinutes(), "firstMinutes", 1, 1440, errors);
    BigDecimal firstPrice = money(in.firstPrice(), "firstPrice", true, MAX_PRICE, errors);
    Integer unit = TextRules.requiredInRange(in.unitMinutes(), "unitMinutes", 1, 1440, errors);
    BigDecimal unitPrice = money(in.unitPrice(), "unitPrice", true, MAX_PRICE, errors);
    LocalTime nightFrom = time(in.nightFrom(), "nightFrom", errors);
    LocalTime nightTo = time(in.nightTo(), "nightTo", errors);
    BigDecimal nightPrice = money(in.nightUnitPrice(), "nightUnitPrice", false, MAX_PRICE, errors);
    boolean anyNight =
        TextRules.trimToNull(in.nightFrom()) != null
            || TextRules.trimToNull(in.nightTo()) != null
            || in.nightUnitPrice() != null;
    boolean allNight =
        TextRules.trimToNull(in.nightFrom()) != null
            && TextRules.trimToNull(in.nightTo()) != null
            && in.nightUnitPrice() != null;
    if (anyNight && !allNight) {
      errors.add("nightFrom", TEXTS.text("tariff.night-all-or-none"));
    } else if (nightFrom != null && nightFrom.equals(nightTo)) {
      errors.add("nightTo", TEXTS.text("tariff.night-empty"));
    }
    BigDecimal cap = money(in.capPer24h(), "capPer24h", false, MAX_CAP, errors);
    if (in.graceMinutes() != null) {
      TextRules.requiredInRange(in.graceMinutes(), "graceMinutes", 0, 120, errors);
    }
    if (in.visitorMinutes() != null) {
      TextRules.requiredInRange(in.visitorMinutes(), "visitorMinutes", 0, 1440, errors);
    }
    if (cap != null && cap.signum() == 0) {
      errors.add("capPer24h", TEXTS.text("tariff.cap-zero"));
    }
    errors.throwIfAny();
    return new Tariff(
        free, first, firstPrice, unit, unitPrice, nightFrom, nightTo, nightPrice, cap);
  }

  private static BigDecimal money(
      BigDecimal v, String field, boolean required, BigDecimal max, FieldErrors errors) {
    if (v == null) {
      if (required) {
        errors.add(field, TextRules.IS_REQUIRED);
      }
      return null;
    }
    if (v.signum() < 0 || v.compareTo(max) > 0 || v.stripTrailingZeros().scale() > 2) {
      errors.add(field, TEXTS.text("tariff.money", max.toPlainString()));
      return null;
    }
    return v.setScale(2);
  }

  private static LocalTime time(String raw, String field, FieldErrors errors) {
    String v = TextRules.trimToNull(raw);
    if (v == null) {
      return null;
    }
    if (!v.matches("([01]\\d|2[0-3]):[0-5]\\d")) {
      errors.add(field, TEXTS.text("tariff.time", TextRules.quote(v)));
      return null;
    }
    return LocalTime.parse(v);
  }

  static Tariff tariff(TariffView v) {
    return new Tariff(
        v.freeMinutes(),
        v.firstMinutes(),
        v.firstPrice(),
        v.unitMinutes(),
        v.unitPrice(),
        v.nightFrom() == null ? null : LocalTime.parse(v.nightFrom()),
        v.nightTo() == null ? null : LocalTime.parse(v.nightTo()),
        v.nightUnitPrice(),
        v.capPer24h());
  }

  static TariffView existing(Connection c, long lotId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM parking_tariff t WHERE t.lot_id = ?")) {
      ps.setLong(1, lotId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? view(rs) : null;
      }
    }
  }

  /**
   * @throws org.courtyard.api.ProblemException 404 {@code no-tariff}
   */
  private static TariffView find(Connection c, long lotId) throws SQLException {
    TariffView v = existing(c, lotId);
    if (v == null) {
      throw TEXTS.problem(404, "no-tariff", "tariff.none", lotId);
    }
    return v;
  }

  static ZoneId zone(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT time_zone FROM parking_settings");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return ZoneId.of(rs.getString(1));
    }
  }

  private static TariffView view(ResultSet rs) throws SQLException {
    Time nightFrom = rs.getTime(7);
    Time nightTo = rs.getTime(8);
    Timestamp updated = rs.getTimestamp(11);
    return new TariffView(
        rs.getLong(1),
        rs.getInt(2),
        rs.getInt(3),
        rs.getBigDecimal(4),
        rs.getInt(5),
        rs.getBigDecimal(6),
        nightFrom == null ? null : hhmm(nightFrom.toLocalTime()),
        nightTo == null ? null : hhmm(nightTo.toLocalTime()),
        rs.getBigDecimal(9),
        rs.getBigDecimal(10),
        rs.getInt(13),
        rs.getInt(14),
        updated.toInstant(),
        rs.getInt(12));
  }

  private static String hhmm(LocalTime t) {
    return String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
  }
}
