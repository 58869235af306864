package org.courtyard.billing.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.billing.internal.calc.Consumption;
import org.courtyard.billing.internal.calc.MeterType;

/**
 * Reads what rooms consumed in a billing period, for the metered lines of a billing run: per room
 * and meter type, the sum over the room's meters of that type of {@link Consumption#ofMeter}. Only
 * the readings that can matter are read: each meter's last reading before the period and its
 * readings in the period.
 */
final class MeterUsage {

  private MeterUsage() {}

  /**
   * @return per room, the consumption per meter type; rooms and types without consumption (no
   *     meter, or no two readings in range) are absent
   */
  static Map<Long, Map<MeterType, BigDecimal>> load(
      Connection c, Collection<Long> roomIds, Set<MeterType> types, YearMonth period, ZoneId zone)
      throws SQLException {
    if (roomIds.isEmpty() || types.isEmpty()) {
      return Map.of();
    }
    Instant start = Consumption.start(period, zone);
    Instant end = Consumption.end(period, zone);
    // room -> type -> meter -> readings, in room, meter and time order
    Map<Long, Map<MeterType, Map<Long, List<Consumption.Reading>>>> readings = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT m.room_id, m.type, m.id, r.read_at, r.value, r.replacement"
                + " FROM meter m JOIN meter_reading r ON r.meter_id = m.id"
                + " WHERE m.room_id = ANY(?) AND m.type = ANY(?) AND r.read_at < ?"
                + " AND r.read_at >= COALESCE((SELECT max(p.read_at) FROM meter_reading p"
                + " WHERE p.meter_id = m.id AND p.read_at < ?), '-infinity'::timestamptz)"
                + " ORDER BY m.room_id, m.id, r.read_at")) {
      ps.setArray(1, Jdbc.bigints(c, roomIds));
      ps.setArray(2, c.createArrayOf("text", types.stream().map(MeterType::value).toArray()));
      ps.setObject(3, OffsetDateTime.ofInstant(end, ZoneOffset.UTC));
      ps.setObject(4, OffsetDateTime.ofInstant(start, ZoneOffset.UTC));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          readings
              .computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(MeterType.class))
              .computeIfAbsent(
                  MeterType.parse(rs.getString(2)).orElseThrow(), k -> new LinkedHashMap<>())
              .computeIfAbsent(rs.getLong(3), k -> new ArrayList<>())
              .add(
                  new Consumption.Reading(
                      rs.getObject(4, OffsetDateTime.class).toInstant(),
                      rs.getBigDecimal(5),
                      rs.getBoolean(6)));
        }
      }
    }
    Map<Long, Map<MeterType, BigDecimal>> result = new HashMap<>();
    readings.forEach(
        (room, byType) ->
            byType.forEach(
                (type, meters) -> {
                  Optional<BigDecimal> used = Consumption.ofMeters(meters.values(), start, end);
                  used.ifPresent(
                      u ->
                          result
                              .computeIfAbsent(room, k -> new EnumMap<>(MeterType.class))
                              .put(type, u));
                }));
    return result;
  }
}
