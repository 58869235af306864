package org.courtyard.parking.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.Problems;
import org.courtyard.api.Text;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.api.csv.CsvTable;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Page;
import org.courtyard.parking.internal.dto.LotMapView;
import org.courtyard.parking.internal.dto.SpaceInput;
import org.courtyard.parking.internal.dto.SpaceRange;
import org.courtyard.parking.internal.dto.SpaceView;

/**
 * The spaces of a tenant's lots: one by one, or a numbered range at once, all or nothing (a number
 * the lot has already refuses the whole range, naming it). A space is in the caller's scope when
 * its lot's estate is.
 */
final class Spaces {

  private static final Texts TEXTS = Texts.of(Spaces.class);
  static final Text SPACE = TEXTS.text("label.space");

  static final String COLUMNS =
      "s.id, s.lot_id, l.estate_id, s.number, s.kind, s.level, s.size, s.state, s.created_at,"
          + " s.updated_at, s.version, (SELECT o.holder_name FROM parking_space_owner o"
          + " WHERE o.space_id = s.id AND o.since <= (SELECT (now() AT TIME ZONE time_zone)::date"
          + " FROM parking_settings) ORDER BY o.since DESC LIMIT 1), s.sensor_device_id,"
          + " s.occupied, s.occupied_at";

  private final Jdbc jdbc;
  private final Lots lots;

  Spaces(Jdbc jdbc, Lots lots) {
    this.jdbc = jdbc;
    this.lots = lots;
  }

  Page<SpaceView> list(
      DataScope scope, Long lotId, String kind, String state, long afterId, int limit) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM parking_space s JOIN parking_lot l ON l.id = s.lot_id"
                      + " WHERE s.id > ? AND (?::bigint IS NULL OR s.lot_id = ?)"
                      + " AND (?::text IS NULL OR s.kind = ?) AND (?::text IS NULL OR s.state = ?)"
                      + " AND (? OR l.estate_id = ANY(?)) ORDER BY s.id LIMIT ?")) {
            int i = 1;
            ps.setLong(i++, afterId);
            Jdbc.setLong(ps, i++, lotId);
            Jdbc.setLong(ps, i++, lotId);
            ps.setString(i++, kind);
            ps.setString(i++, kind);
            ps.setString(i++, state);
            ps.setString(i++, state);
            ps.setBoolean(i++, scope.isAll());
            ps.setArray(i++, Jdbc.bigints(c, scope.estates()));
            ps.setInt(i, limit + 1);
            List<SpaceView> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(view(rs));
              }
            }
            return Page.byId(rows, limit, SpaceView::id);
          }
        });
  }

  SpaceView get(DataScope scope, long id) {
    return jdbc.read(c -> find(c, scope, id, false));
  }

  SpaceView create(DataScope scope, SpaceInput input) {
    ParkingRules.Space v = ParkingRules.space(input, true);
    return jdbc.transaction(
        c -> {
          // 404 for a lot the caller may not see
          lots.find(c, scope, input.lotId(), false);
          long id = insert(c, input.lotId(), List.of(v)).get(0);
          return find(c, scope, id, false);
        });
  }

  /** Creates every space of a range, or none. */
  List<SpaceView> createRange(DataScope scope, long lotId, SpaceRange input) {
    ParkingRules.Range r = ParkingRules.range(input);
    List<ParkingRules.Space> spaces = new ArrayList<>();
    for (int n = r.from(); n <= r.to(); n++) {
      spaces.add(new ParkingRules.Space(r.number(n), r.kind(), r.level(), r.size(), "in_service"));
    }
    return jdbc.transaction(
        c -> {
          lots.find(c, scope, lotId, false);
          List<Long> ids = insert(c, lotId, spaces);
          List<SpaceView> out = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM parking_space s JOIN parking_lot l ON l.id = s.lot_id"
                      + " WHERE s.id = ANY(?) ORDER BY s.id")) {
            ps.setArray(1, Jdbc.bigints(c, ids));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(view(rs));
              }
            }
          }
          return out;
        });
  }

  /**
   * Writes the spaces of an import file into the lot, all or none: a number the lot has already is
   * a problem of its row (422 {@code import-rejected} with every such row), a number taken
   * meanwhile 409 as for a range.
   *
   * @return how many spaces were created
   */
  int importSpaces(DataScope scope, long lotId, List<SpaceImport.Row> rows) {
    return jdbc.transaction(
        c -> {
          lots.find(c, scope, lotId, false);
          Set<String> taken = new HashSet<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT number FROM parking_space WHERE lot_id = ? AND number = ANY(?)")) {
            ps.setLong(1, lotId);
            ps.setArray(2, Jdbc.texts(c, rows.stream().map(r -> r.space().number()).toList()));
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                taken.add(rs.getString(1));
              }
            }
          }
          if (!taken.isEmpty()) {
            throw CsvTable.rejection(
                rows.stream()
                    .filter(r -> taken.contains(r.space().number()))
                    .map(SpaceImport::taken)
                    .toList());
          }
          return insert(c, lotId, rows.stream().map(SpaceImport.Row::space).toList()).size();
        });
  }

  /**
   * Inserts the spaces in one statement; a number the lot already has (or that the list repeats)
   * refuses them all with 409 naming it.
   */
  private static List<Long> insert(Connection c, long lotId, List<ParkingRules.Space> spaces)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO parking_space (lot_id, number, kind, level, size, state)"
                + " SELECT ?, n, k, v, z, t FROM unnest(?::text[], ?::text[], ?::int[], ?::text[],"
                + " ?::text[]) AS x(n, k, v, z, t) ON CONFLICT (lot_id, number) DO NOTHING"
                + " RETURNING id, number")) {
      ps.setLong(1, lotId);
      ps.setArray(2, Jdbc.texts(c, spaces.stream().map(ParkingRules.Space::number).toList()));
      ps.setArray(3, Jdbc.texts(c, spaces.stream().map(ParkingRules.Space::kind).toList()));
      ps.setArray(4, Jdbc.ints(c, spaces.stream().map(ParkingRules.Space::level).toList()));
      ps.setArray(5, Jdbc.texts(c, spaces.stream().map(ParkingRules.Space::size).toList()));
      ps.setArray(6, Jdbc.texts(c, spaces.stream().map(ParkingRules.Space::state).toList()));
      List<Long> ids = new ArrayList<>();
      Set<String> written = new HashSet<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
          written.add(rs.getString(2));
        }
      }
      if (ids.size() < spaces.size()) {
        String taken =
            spaces.stream()
                .map(ParkingRules.Space::number)
                .filter(n -> !written.contains(n))
                .findFirst()
                .orElse("?");
        // the transaction rolls back: none of the range stays
        throw TEXTS.problem(
            409, "duplicate", Map.of("number", taken), "space.duplicate-number", taken);
      }
      return ids;
    }
  }

  SpaceView update(DataScope scope, long id, SpaceInput input) {
    ParkingRules.Space v = ParkingRules.space(input, false);
    return jdbc.transaction(
        c -> {
          SpaceView space = find(c, scope, id, true);
          if (space.version() != input.version()) {
            throw Problems.staleVersion(SPACE, id, space.version(), input.version());
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE parking_space SET number = ?, kind = ?, level = ?, size = ?, state = ?,"
                      + " updated_at = now(), version = version + 1 WHERE id = ?")) {
            ps.setString(1, v.number());
            ps.setString(2, v.kind());
            ps.setInt(3, v.level());
            ps.setString(4, v.size());
            ps.setString(5, v.state());
            ps.setLong(6, id);
            ps.executeUpdate();
          } catch (SQLException e) {
            if (Jdbc.isUniqueViolation(e)) {
              throw TEXTS.problem(
                  409,
                  "duplicate",
                  Map.of("number", v.number()),
                  "space.duplicate-number",
                  v.number());
            }
            throw e;
          }
          return find(c, scope, id, false);
        });
  }

  /**
   * The space {@code id} within {@code scope}, its row locked when {@code lock}.
   *
   * @throws org.courtyard.api.ProblemException 404 when there is none the caller may see
   */
  SpaceView find(Connection c, DataScope scope, long id, boolean lock) throws SQLException {
    return one(c, scope, id, "", lock ? " FOR UPDATE OF s" : "").space();
  }

  /** A space and the zone a lease's days are counted in. */
  record Located(SpaceView space, ZoneId zone) {}

  /**
   * The space {@code id} within {@code scope} and the module's zone, in one read.
   *
   * @throws org.courtyard.api.ProblemException 404 when there is none the caller may see
   */
  static Located locate(Connection c, DataScope scope, long id) throws SQLException {
    return one(c, scope, id, ", (SELECT time_zone FROM parking_settings)", "");
  }

  private static Located one(
      Connection c, DataScope scope, long id, String extraColumn, String lock) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + extraColumn
                + " FROM parking_space s JOIN parking_lot l ON l.id = s.lot_id WHERE s.id = ?"
                + lock)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw Problems.notFound(SPACE, id);
        }
        SpaceView space = view(rs);
        if (!scope.covers(space.estateId(), null)) {
          throw Problems.notFound(SPACE, id);
        }
        return new Located(space, extraColumn.isEmpty() ? null : ZoneId.of(rs.getString(16)));
      }
    }
  }

  /**
   * The lot's spaces with what holds each now, for its map: one read, the lease or reservation
   * covering this instant joined on (the exclusion constraint leaves at most one per space).
   */
  LotMapView map(DataScope scope, long lotId) {
    return jdbc.read(
        c -> {
          lots.find(c, scope, lotId, false);
          List<LotMapView.Tile> tiles = new ArrayList<>();
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + ", b.kind, upper(b.period), now() FROM parking_space s"
                      + " JOIN parking_lot l ON l.id = s.lot_id"
                      + " LEFT JOIN parking_booking b ON b.space_id = s.id AND b.state = 'active'"
                      + " AND b.period @> now() WHERE s.lot_id = ?"
                      + " ORDER BY s.level DESC, s.number LIMIT ?")) {
            ps.setLong(1, lotId);
            ps.setInt(2, LotMapView.MAX_SPACES + 1);
            try (ResultSet rs = ps.executeQuery()) {
              // the database's instant the bookings were read at; a lot with no spaces has none
              Instant at = Instant.now();
              int read = 0;
              while (rs.next()) {
                at = rs.getTimestamp(18).toInstant();
                if (++read <= LotMapView.MAX_SPACES) {
                  Timestamp until = rs.getTimestamp(17);
                  tiles.add(
                      new LotMapView.Tile(
                          view(rs), rs.getString(16), until == null ? null : until.toInstant()));
                }
              }
              return new LotMapView(lotId, at, read <= LotMapView.MAX_SPACES, tiles);
            }
          }
        });
  }

  static SpaceView view(ResultSet rs) throws SQLException {
    return new SpaceView(
        rs.getLong(1),
        rs.getLong(2),
        rs.getLong(3),
        rs.getString(4),
        rs.getString(5),
        rs.getInt(6),
        rs.getString(7),
        rs.getString(8),
        rs.getTimestamp(9).toInstant(),
        rs.getTimestamp(10).toInstant(),
        rs.getInt(11),
        rs.getString(12),
        rs.getString(13),
        rs.getObject(14, Boolean.class),
        rs.getTimestamp(15) == null ? null : rs.getTimestamp(15).toInstant());
  }

  /**
   * Binds the space to the occupancy sensor {@code deviceId} (null: none), whose readings of the
   * space's number say whether it is taken; the state known is forgotten, the next reading tells.
   */
  SpaceView watch(DataScope scope, long id, String deviceId) {
    FieldErrors errors = new FieldErrors();
    String device = TextRules.requiredLine(deviceId, "deviceId", 64, errors);
    errors.throwIfAny();
    return bind(scope, id, device);
  }

  /** The space no longer watched by a sensor, its sensed state forgotten. */
  SpaceView unwatch(DataScope scope, long id) {
    return bind(scope, id, null);
  }

  private SpaceView bind(DataScope scope, long id, String device) {
    return jdbc.transaction(
        c -> {
          find(c, scope, id, true);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE parking_space SET sensor_device_id = ?, occupied = NULL,"
                      + " occupied_at = NULL, updated_at = now(), version = version + 1"
                      + " WHERE id = ?")) {
            ps.setString(1, device);
            ps.setLong(2, id);
            ps.executeUpdate();
          }
          return find(c, scope, id, false);
        });
  }

  /**
   * A sensor's reading: the space it watches, bound to {@code deviceId} with the reported number,
   * is taken or free from {@code at}, unless a later reading is known.
   *
   * @return whether a space took the reading
   */
  boolean sensed(String deviceId, String number, boolean occupied, java.time.Instant at) {
    return jdbc.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE parking_space SET occupied = ?, occupied_at = ?"
                      + " WHERE sensor_device_id = ? AND number = ?"
                      + " AND (occupied_at IS NULL OR occupied_at <= ?)")) {
            ps.setBoolean(1, occupied);
            ps.setTimestamp(2, java.sql.Timestamp.from(at));
            ps.setString(3, deviceId);
            ps.setString(4, number);
            ps.setTimestamp(5, java.sql.Timestamp.from(at));
            return ps.executeUpdate() > 0;
          }
        });
  }
}
