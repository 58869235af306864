package org.courtyard.billing.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Problems;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Page;
import org.courtyard.billing.internal.calc.Consumption;
import org.courtyard.billing.internal.calc.MeterType;
import org.courtyard.billing.internal.calc.ReadingSeries;
import org.courtyard.billing.internal.dto.MeterInput;
import org.courtyard.billing.internal.dto.MeterView;
import org.courtyard.billing.internal.dto.ReadingInput;
import org.courtyard.billing.internal.dto.ReadingView;
import org.courtyard.estate.EstateDirectory;
import org.courtyard.estate.RoomSummary;

/**
 * Meters of rooms and their readings (抄表), with plain JDBC. A new reading of a meter locks the
 * meter's row first ({@code SELECT … FOR UPDATE}), so that two readings of one meter are judged one
 * after the other, each against the other's result: readings only get later and, except replacement
 * readings, never lower.
 *
 * <p>A meter keeps the estate and building of its room, from estate when it is created; a caller of
 * some estates or buildings sees, reads and records readings of the meters there only, and a meter
 * outside the scope answers as one that does not exist.
 */
final class Meters {

  private static final Texts TEXTS = Texts.of(Meters.class);

  static final Pattern SERIAL = Pattern.compile("^[A-Za-z0-9._/-]{1,64}$");
  static final Text SERIAL_RULE = TEXTS.text("meter.serial-rule");

  /** What {@code numeric(14,3)} holds. */
  static final BigDecimal MAX_VALUE = new BigDecimal("99999999999.999");

  static final Text VALUE_RULE = TEXTS.text("reading.value-rule");

  /** How far ahead of the server's clock a reading's time may be: a device's clock drifts. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  /**
   * Readings of a meter that a new one is judged against: the latest, and the rises among them from
   * which the median of the last {@value ReadingSeries#WINDOW} is taken. Bounded, so that a device
   * meter read every few minutes for years is not read whole for every new reading.
   */
  static final int HISTORY = 200;

  static final String MANUAL = "manual";
  static final String CSV = "csv";
  static final String DEVICE = "device";

  /** A reading a device reported, for the meter whose serial is {@code serial}. */
  record DeviceReading(String serial, String type, Instant readAt, BigDecimal value) {}

  /**
   * What became of a batch of device readings: stored, for no meter of that serial and type, or
   * refused by the same rules as a typed-in reading (not after the latest, decreased, out of the
   * meter's dates, not a valid value).
   */
  record DeviceReadingsResult(int stored, int noMeter, int refused) {}

  /** A meter as the checks of readings need it. */
  record Meter(
      long id,
      long roomId,
      String type,
      String serial,
      LocalDate installedAt,
      LocalDate removedAt,
      Instant createdAt,
      int version) {

    MeterView view() {
      return new MeterView(id, roomId, type, serial, installedAt, removedAt, createdAt, version);
    }
  }

  /** A reading to store, with the verdict it got. */
  record NewReading(
      long meterId,
      Instant readAt,
      BigDecimal value,
      boolean replacement,
      String source,
      boolean implausible) {}

  private final TenantSlug tenant;
  private final Jdbc jdbc;
  private final Catalog catalog;
  private final EstateDirectory estate;
  private final Clock clock;

  Meters(TenantSlug tenant, Jdbc jdbc, Catalog catalog, EstateDirectory estate, Clock clock) {
    this.tenant = tenant;
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.estate = estate;
    this.clock = clock;
  }

  // ---------------------------------------------------------------------------------- meters

  /**
   * @throws ProblemException 422 {@code validation-failed} (also for a room that does not exist or
   *     is outside the scope), 409 {@code duplicate} for a serial another meter has
   */
  MeterView create(MeterInput in, DataScope scope) {
    if (in == null) {
      throw Errors.missingBody();
    }
    FieldErrors errors = new FieldErrors();
    RoomSummary room = null;
    if (in.roomId() == null || in.roomId() <= 0) {
      errors.add("roomId", TEXTS.text("room.id-required"));
    } else {
      room = estate.room(tenant, in.roomId()).filter(r -> Scopes.covers(scope, r)).orElse(null);
      if (room == null) {
        errors.add("roomId", TEXTS.text("room.missing", in.roomId()));
      }
    }
    MeterType type = in.type() == null ? null : MeterType.parse(in.type()).orElse(null);
    if (type == null) {
      errors.add("type", TEXTS.text("field.one-of", MeterType.allowedValues()));
    }
    String serial = in.serial() == null ? null : in.serial().strip();
    if (serial == null || !SERIAL.matcher(serial).matches()) {
      errors.add("serial", SERIAL_RULE);
    }
    if (in.installedAt() == null) {
      errors.add("installedAt", TEXTS.text("meter.installed-required"));
    } else if (in.removedAt() != null && in.removedAt().isBefore(in.installedAt())) {
      errors.add("removedAt", TEXTS.text("meter.removed-before-installed"));
    }
    errors.throwIfAny();
    Instant now = clock.instant();
    RoomSummary place = room;
    return jdbc.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO meter (room_id, estate_id, building_id, type, serial, installed_at,"
                      + " removed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setLong(1, in.roomId());
            ps.setLong(2, place.estateId);
            ps.setLong(3, place.buildingId);
            ps.setString(4, type.value());
            ps.setString(5, serial);
            ps.setDate(6, Date.valueOf(in.installedAt()));
            ps.setDate(7, in.removedAt() == null ? null : Date.valueOf(in.removedAt()));
            ps.setTimestamp(8, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return find(c, rs.getLong(1), false, DataScope.ALL).view();
            }
          } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e)) {
              throw Problems.duplicate(TEXTS.text("meter.serial-taken", serial));
            }
            throw e;
          }
        });
  }

  /**
   * @throws ProblemException 404 {@code not-found}, for a meter outside the scope too
   */
  MeterView get(long id, DataScope scope) {
    return jdbc.read(c -> find(c, id, false, scope).view());
  }

  /**
   * @param roomId only the meters of this room, or null
   * @param type only meters of this type, or null
   */
  Page<MeterView> list(Long roomId, MeterType type, long after, int limit, DataScope scope) {
    StringBuilder where = new StringBuilder("id > ?");
    List<Object> params = new ArrayList<>(List.of(after));
    if (roomId != null) {
      where.append(" AND room_id = ?");
      params.add(roomId);
    }
    if (type != null) {
      where.append(" AND type = ?");
      params.add(type.value());
    }
    String sql =
        scope.isAll()
            ? METER_SELECT + " WHERE " + where + " ORDER BY id LIMIT " + (limit + 1)
            : Scopes.page(METER_COLUMNS, "meter", where.toString(), "id", limit + 1);
    return jdbc.read(
        c -> {
          List<MeterView> items = new ArrayList<>();
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (scope.isAll()) {
              Scopes.set(ps, 1, params);
            } else {
              Scopes.bindPage(c, ps, scope, params);
            }
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                items.add(meter(rs).view());
              }
            }
          }
          return Page.byId(items, limit, MeterView::id);
        });
  }

  // -------------------------------------------------------------------------------- readings

  /**
   * Stores a reading typed in by hand ({@code source} manual).
   *
   * @throws ProblemException 404 {@code not-found} for an unknown meter or one outside the scope;
   *     422 {@code validation-failed} (malformed fields, a time before the meter was installed,
   *     after it was removed or in the future), 409 {@code duplicate} for a time at or before the
   *     meter's latest reading, 422 {@code reading-decreased} for a value below the previous
   *     reading without {@code replacement}
   */
  ReadingView addReading(long meterId, ReadingInput in, DataScope scope) {
    ZoneId zone = catalog.settings().zone();
    Instant now = clock.instant();
    return jdbc.transaction(
        c -> {
          Meter meter = find(c, meterId, true, scope);
          if (in == null) {
            throw Errors.missingBody();
          }
          FieldErrors errors = new FieldErrors();
          Instant readAt = null;
          if (in.readAt() == null || in.readAt().isBlank()) {
            errors.add("readAt", TEXTS.text("reading.read-at-required", ReadTimes.FORMATS));
          } else {
            readAt = ReadTimes.parse(in.readAt(), zone).orElse(null);
            if (readAt == null) {
              errors.add("readAt", ReadTimes.FORMATS);
            } else {
              Text problem = checkTime(readAt, meter, zone, now);
              if (problem != null) {
                errors.add("readAt", problem);
              }
            }
          }
          if (!validValue(in.value())) {
            errors.add("value", VALUE_RULE);
          }
          errors.throwIfAny();
          boolean replacement = Boolean.TRUE.equals(in.replacement());
          Consumption.Reading reading =
              new Consumption.Reading(readAt, in.value().setScale(3), replacement);
          ReadingSeries series = series(c, List.of(meterId)).get(meterId);
          ReadingSeries.Verdict verdict = series.offer(reading);
          if (verdict instanceof ReadingSeries.NotAfterLatest late) {
            throw new ProblemException(
                409,
                "duplicate",
                TEXTS.title("reading-not-after-latest"),
                TEXTS.text("reading.not-after-latest", meter.serial(), late.latest().readAt()),
                Map.of("latestReadAt", late.latest().readAt().toString()));
          }
          if (verdict instanceof ReadingSeries.Decreased down) {
            throw decreased(meter, reading, down.previous());
          }
          ReadingSeries.Accepted accepted = (ReadingSeries.Accepted) verdict;
          NewReading row =
              new NewReading(
                  meterId, readAt, reading.value(), replacement, MANUAL, accepted.implausible());
          long id = insert(c, List.of(row), now).get(0);
          return new ReadingView(
              id,
              meterId,
              readAt,
              reading.value(),
              replacement,
              MANUAL,
              accepted.implausible(),
              accepted.reason(),
              now);
        });
  }

  /**
   * Stores readings that devices reported ({@code source} device), in one transaction. They pass
   * the checks a typed-in reading passes; one that fails is counted and skipped, not an error: a
   * device does not wait for an answer.
   */
  DeviceReadingsResult addDeviceReadings(List<DeviceReading> readings) {
    ZoneId zone = catalog.settings().zone();
    Instant now = clock.instant();
    return jdbc.transaction(
        c -> {
          Map<String, Meter> meters = new LinkedHashMap<>();
          try (PreparedStatement ps =
              c.prepareStatement(METER_SELECT + " WHERE serial = ANY(?) ORDER BY id FOR UPDATE")) {
            ps.setArray(1, Jdbc.texts(c, readings.stream().map(DeviceReading::serial).toList()));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                Meter m = meter(rs);
                meters.put(m.serial(), m);
              }
            }
          }
          Map<Long, ReadingSeries> series =
              series(c, meters.values().stream().map(Meter::id).toList());
          List<NewReading> rows = new ArrayList<>();
          int noMeter = 0;
          int refused = 0;
          for (DeviceReading r : readings) {
            Meter meter = meters.get(r.serial());
            if (meter == null || !meter.type().equals(r.type())) {
              noMeter++;
              continue;
            }
            // registers are kept to the litre / Wh: what is not yet whole is not yet consumed
            BigDecimal value =
                r.value() == null ? null : r.value().setScale(3, java.math.RoundingMode.DOWN);
            if (!validValue(value) || checkTime(r.readAt(), meter, zone, now) != null) {
              refused++;
              continue;
            }
            Consumption.Reading reading = new Consumption.Reading(r.readAt(), value, false);
            if (series.get(meter.id()).offer(reading) instanceof ReadingSeries.Accepted a) {
              rows.add(
                  new NewReading(
                      meter.id(), r.readAt(), reading.value(), false, DEVICE, a.implausible()));
            } else {
              refused++;
            }
          }
          if (!rows.isEmpty()) {
            insert(c, rows, now);
          }
          return new DeviceReadingsResult(rows.size(), noMeter, refused);
        });
  }

  /**
   * @throws ProblemException 404 {@code not-found}, for a meter outside the scope too
   */
  Page<ReadingView> readings(long meterId, long after, int limit, DataScope scope) {
    return jdbc.read(
        c -> {
          find(c, meterId, false, scope);
          List<ReadingView> items = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, meter_id, read_at, value, replacement, source, implausible,"
                      + " created_at FROM meter_reading WHERE meter_id = ? AND id > ?"
                      + " ORDER BY id LIMIT ?")) {
            ps.setLong(1, meterId);
            ps.setLong(2, after);
            ps.setInt(3, limit + 1);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                items.add(
                    new ReadingView(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant(),
                        rs.getBigDecimal(4),
                        rs.getBoolean(5),
                        rs.getString(6),
                        rs.getBoolean(7),
                        null,
                        Jdbc.instant(rs.getTimestamp(8))));
              }
            }
          }
          return Page.byId(items, limit, ReadingView::id);
        });
  }

  // ----------------------------------------------------------- shared with the reading import

  static ProblemException decreased(
      Meter meter, Consumption.Reading reading, Consumption.Reading previous) {
    Map<String, Object> extensions = new LinkedHashMap<>();
    extensions.put("previousReadAt", previous.readAt().toString());
    extensions.put("previousValue", previous.value());
    return TEXTS.problem(
        422,
        "reading-decreased",
        extensions,
        "reading.decreased",
        reading.value().toPlainString(),
        meter.serial(),
        previous.value().toPlainString(),
        previous.readAt());
  }

  static boolean validValue(BigDecimal value) {
    return value != null
        && value.signum() >= 0
        && value.compareTo(MAX_VALUE) <= 0
        && value.stripTrailingZeros().scale() <= 3;
  }

  /** What is wrong with a reading at {@code readAt} of {@code meter}, or null if nothing is. */
  static Text checkTime(Instant readAt, Meter meter, ZoneId zone, Instant now) {
    if (readAt.isAfter(now.plus(CLOCK_SKEW))) {
      return TEXTS.text("reading.in-future", readAt);
    }
    LocalDate day = readAt.atZone(zone).toLocalDate();
    if (day.isBefore(meter.installedAt())) {
      return TEXTS.text("reading.before-installed", meter.serial(), meter.installedAt());
    }
    if (meter.removedAt() != null && day.isAfter(meter.removedAt())) {
      return TEXTS.text("reading.after-removed", meter.serial(), meter.removedAt());
    }
    return null;
  }

  /**
   * The meters in scope with these serials, locked in id order (the order every writer of readings
   * locks them in), by serial; a meter outside the scope is left out as if it did not exist.
   */
  static Map<String, Meter> lockBySerial(Connection c, Collection<String> serials, DataScope scope)
      throws SQLException {
    Map<String, Meter> found = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            METER_SELECT
                + " WHERE serial = ANY(?)"
                + Scopes.and(scope, "")
                + " ORDER BY id FOR UPDATE")) {
      ps.setArray(1, c.createArrayOf("text", serials.toArray()));
      Scopes.bind(c, ps, 2, scope);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Meter m = meter(rs);
          found.put(m.serial(), m);
        }
      }
    }
    return found;
  }

  /** For each meter, the state its next reading is judged against. */
  static Map<Long, ReadingSeries> series(Connection c, Collection<Long> meterIds)
      throws SQLException {
    Map<Long, List<Consumption.Reading>> history = new HashMap<>();
    meterIds.forEach(id -> history.put(id, new ArrayList<>()));
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT m.id, h.read_at, h.value, h.replacement FROM unnest(?::bigint[]) AS m(id)"
                + " CROSS JOIN LATERAL (SELECT read_at, value, replacement FROM meter_reading r"
                + " WHERE r.meter_id = m.id ORDER BY read_at DESC LIMIT "
                + HISTORY
                + ") h ORDER BY m.id, h.read_at")) {
      ps.setArray(1, Jdbc.bigints(c, meterIds));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          history
              .get(rs.getLong(1))
              .add(
                  new Consumption.Reading(
                      rs.getObject(2, OffsetDateTime.class).toInstant(),
                      rs.getBigDecimal(3),
                      rs.getBoolean(4)));
        }
      }
    }
    Map<Long, ReadingSeries> series = new HashMap<>();
    history.forEach((id, readings) -> series.put(id, ReadingSeries.of(readings)));
    return series;
  }

  /**
   * Inserts readings in one statement.
   *
   * @return their ids, in the order of {@code rows}
   */
  static List<Long> insert(Connection c, List<NewReading> rows, Instant now) throws SQLException {
    List<Long> meterIds = new ArrayList<>();
    List<String> times = new ArrayList<>();
    List<BigDecimal> values = new ArrayList<>();
    List<Boolean> replacements = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    List<Boolean> implausible = new ArrayList<>();
    for (NewReading r : rows) {
      meterIds.add(r.meterId());
      times.add(OffsetDateTime.ofInstant(r.readAt(), ZoneOffset.UTC).toString());
      values.add(r.value());
      replacements.add(r.replacement());
      sources.add(r.source());
      implausible.add(r.implausible());
    }
    Map<Integer, Long> ids = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO meter_reading (meter_id, read_at, value, replacement, source,"
                + " implausible, created_at)"
                + " SELECT u.meter_id, u.read_at, u.value, u.replacement, u.source, u.implausible, ?"
                + " FROM unnest(?::bigint[], ?::text[]::timestamptz[], ?::text[]::numeric[],"
                + " ?::boolean[], ?::text[], ?::boolean[]) WITH ORDINALITY"
                + " AS u(meter_id, read_at, value, replacement, source, implausible, n)"
                + " ORDER BY u.n RETURNING id, meter_id, read_at")) {
      ps.setObject(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
      ps.setArray(2, Jdbc.bigints(c, meterIds));
      ps.setArray(3, Jdbc.texts(c, times));
      ps.setArray(4, Jdbc.texts(c, values));
      ps.setArray(5, c.createArrayOf("boolean", replacements.toArray()));
      ps.setArray(6, Jdbc.texts(c, sources));
      ps.setArray(7, c.createArrayOf("boolean", implausible.toArray()));
      // (meter, time) is unique, so it tells which row each returned id belongs to
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < rows.size(); i++) {
        index.put(rows.get(i).meterId() + "@" + rows.get(i).readAt(), i);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String key = rs.getLong(2) + "@" + rs.getObject(3, OffsetDateTime.class).toInstant();
          ids.put(index.get(key), rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      if (Jdbc.isUniqueViolation(e)) {
        throw new ProblemException(
            409,
            "duplicate",
            TEXTS.title("reading-not-after-latest"),
            TEXTS.text("reading.stored-meanwhile"),
            Map.of());
      }
      throw e;
    }
    List<Long> result = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      result.add(ids.get(i));
    }
    return result;
  }

  // --------------------------------------------------------------------------------- helpers

  private static final String METER_COLUMNS =
      "id, room_id, type, serial, installed_at, removed_at, created_at, version";
  private static final String METER_SELECT = "SELECT " + METER_COLUMNS + " FROM meter";

  private static Meter find(Connection c, long id, boolean lock, DataScope scope)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            METER_SELECT + " WHERE id = ?" + Scopes.and(scope, "") + (lock ? " FOR UPDATE" : ""))) {
      ps.setLong(1, id);
      Scopes.bind(c, ps, 2, scope);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw Problems.notFound(TEXTS.text("label.meter"), id);
        }
        return meter(rs);
      }
    }
  }

  private static Meter meter(ResultSet rs) throws SQLException {
    Date removed = rs.getDate(6);
    return new Meter(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        rs.getDate(5).toLocalDate(),
        removed == null ? null : removed.toLocalDate(),
        Jdbc.instant(rs.getTimestamp(7)),
        rs.getInt(8));
  }
}
