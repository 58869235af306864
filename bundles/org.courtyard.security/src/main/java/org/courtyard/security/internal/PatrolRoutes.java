package org.courtyard.security.internal;

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
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Problems;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Page;
import org.courtyard.security.internal.dto.RouteInput;
import org.courtyard.security.internal.dto.RouteView;

/**
 * The patrol routes of one tenant: created, edited at the version read, retired or deleted. A route
 * whose rounds have begun keeps them: it is retired (it stays, with its rounds and check-ins, and
 * gets no new rounds), never deleted; a route no round of which has begun may be deleted. Editing
 * or retiring a route takes back its rounds that have not begun ({@link
 * Patrols#takeBackUnstarted}); an edit makes them again from the route as it is now.
 *
 * <p>A route is where its readers are: it is in a caller's scope when the scope reaches every
 * device its {@code <device>:<door>} checkpoints name ({@link #IN_SCOPE}); a route of app tags only
 * is tied to no place, so only the whole company's scope has it. One outside the scope is answered
 * as a missing one.
 */
final class PatrolRoutes {

  private static final Texts TEXTS = Texts.of(PatrolRoutes.class);

  static final String ACTIVE = "active";
  static final String RETIRED = "retired";

  static final String COLUMNS =
      "p.id, p.name, p.checkpoints, p.times, p.round_minutes, p.retired_at, p.version";

  /**
   * A route (alias {@code p}) has a reader checkpoint, and the devices of all of them are in the
   * array ({@link PatrolRules#checkpointDevices} in SQL).
   */
  static final String IN_SCOPE =
      "EXISTS (SELECT 1 FROM unnest(p.checkpoints) k WHERE strpos(k, ':') > 0) AND NOT EXISTS"
          + " (SELECT 1 FROM unnest(p.checkpoints) k WHERE strpos(k, ':') > 0"
          + " AND split_part(k, ':', 1) <> ALL(?))";

  private final Jdbc jdbc;
  private final Clock clock;

  PatrolRoutes(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * @throws ProblemException 422 {@code validation-failed}, 404 {@code device-not-found} for a
   *     reader outside a narrow {@code scope}, 403 {@code outside-scope} for a route of app tags
   *     only unless the scope is the whole company's, 409 {@code route-exists} for a taken name
   */
  RouteView create(RouteInput in, DeviceScope scope) {
    PatrolRules.checkRoute(in);
    requireWithin(in, scope);
    return jdbc.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO patrol_route (name, checkpoints, times, round_minutes)"
                      + " VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING RETURNING id")) {
            bind(c, ps, in);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw exists(in);
              }
              return route(c, rs.getLong(1));
            }
          }
        });
  }

  /**
   * One page of routes, active and retired, by id, after the route {@code after} (0: from the
   * first); only those {@code scope} reaches.
   */
  Page<RouteView> list(long after, int limit, DeviceScope scope) {
    if (scope.reachesNone()) {
      return new Page<>(List.of(), null);
    }
    List<RouteView> rows =
        jdbc.read(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT "
                          + COLUMNS
                          + " FROM patrol_route p WHERE id > ?"
                          + (scope.isAll() ? "" : " AND " + IN_SCOPE)
                          + " ORDER BY id LIMIT "
                          + (limit + 1))) {
                ps.setLong(1, after);
                if (!scope.isAll()) {
                  ps.setArray(2, c.createArrayOf("text", scope.idArray()));
                }
                return routes(ps);
              }
            });
    return Page.of(rows, limit, r -> Cursor.encode(r.id()));
  }

  /**
   * @throws ProblemException 404 {@code route-not-found}, also for one {@code scope} does not reach
   */
  RouteView get(long id, DeviceScope scope) {
    return jdbc.read(c -> inScope(route(c, id), scope));
  }

  /**
   * Replaces a route's name, checkpoints, times and round length at the version read. Its rounds
   * that have begun keep what they were made with; those that have not are made again from the
   * edited route, for the days they were on and for today and tomorrow ({@code zone}), as far as
   * they start after now.
   *
   * @throws ProblemException 422 {@code validation-failed} (also without a version), 404 {@code
   *     route-not-found} (also for one {@code scope} does not reach), 404 {@code device-not-found}
   *     or 403 {@code outside-scope} for new checkpoints as on create, 409 {@code stale-version},
   *     {@code route-retired} or {@code route-exists}
   */
  RouteView update(long id, RouteInput in, ZoneId zone, DeviceScope scope) {
    PatrolRules.checkRoute(in);
    if (in.version() == null) {
      throw FieldErrors.single(
          FieldErrors.TYPE, TEXTS.title(FieldErrors.TYPE), "version", TEXTS.text("patrol.version"));
    }
    requireWithin(in, scope);
    Instant now = clock.instant();
    return jdbc.transaction(
        c -> {
          RouteView current = changeable(c, id, scope);
          if (current.version() != in.version()) {
            throw Problems.staleVersion(
                TEXTS.text("label.route"), id, current.version(), in.version());
          }
          try (PreparedStatement ps =
              c.prepareStatement("SELECT 1 FROM patrol_route WHERE name = ? AND id <> ?")) {
            ps.setString(1, in.name().strip());
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                throw exists(in);
              }
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE patrol_route SET name = ?, checkpoints = ?, times = ?, round_minutes = ?,"
                      + " version = version + 1, updated_at = ? WHERE id = ?")) {
            bind(c, ps, in);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setLong(6, id);
            ps.executeUpdate();
          }
          RouteView edited = route(c, id);
          TreeSet<LocalDate> days = new TreeSet<>();
          LocalDate today = LocalDate.ofInstant(now, zone);
          days.add(today);
          days.add(today.plusDays(1));
          for (Instant start : Patrols.takeBackUnstarted(c, id, now)) {
            days.add(LocalDate.ofInstant(start, zone));
          }
          for (LocalDate day : days) {
            Patrols.scheduleRoute(c, edited, day, zone, now);
          }
          return edited;
        });
  }

  /**
   * Retires a route: it stays with its rounds and check-ins, its rounds that have not begun are
   * taken back, and no schedule makes new ones.
   *
   * @throws ProblemException 404 {@code route-not-found} (also for one {@code scope} does not
   *     reach), 409 {@code route-retired}
   */
  RouteView retire(long id, DeviceScope scope) {
    Instant now = clock.instant();
    return jdbc.transaction(
        c -> {
          changeable(c, id, scope);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE patrol_route SET retired_at = ?, updated_at = ?, version = version + 1"
                      + " WHERE id = ?")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setLong(3, id);
            ps.executeUpdate();
          }
          Patrols.takeBackUnstarted(c, id, now);
          return route(c, id);
        });
  }

  /**
   * Deletes a route no round of which has begun (with the rounds made for later).
   *
   * @throws ProblemException 404 {@code route-not-found} (also for one {@code scope} does not
   *     reach), 409 {@code route-in-use} once a round has begun or has a check-in: retire it
   */
  void delete(long id, DeviceScope scope) {
    Instant now = clock.instant();
    jdbc.transaction(
        c -> {
          RouteView r = inScope(locked(c, id), scope);
          Patrols.takeBackUnstarted(c, id, now);
          try (PreparedStatement ps =
              c.prepareStatement("SELECT 1 FROM patrol_round WHERE route_id = ? LIMIT 1")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (rs.next()) {
                throw TEXTS.problem(409, "route-in-use", "patrol.route-in-use", r.name());
              }
            }
          }
          try (PreparedStatement ps = c.prepareStatement("DELETE FROM patrol_route WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
          }
          return null;
        });
  }

  /**
   * Whether {@code scope} reaches route {@code r}: every device of its readers, and one at least.
   */
  static boolean reaches(DeviceScope scope, RouteView r) {
    return scope.reaches(PatrolRules.checkpointDevices(r.checkpoints()));
  }

  /** The route as it is now, or 404 {@code route-not-found}. */
  static RouteView route(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM patrol_route p WHERE id = ?")) {
      ps.setLong(1, id);
      return one(ps, id);
    }
  }

  static List<RouteView> routes(PreparedStatement ps) throws SQLException {
    List<RouteView> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(route(rs));
      }
    }
    return out;
  }

  /** The route locked until the transaction ends, if {@code scope} reaches it and it is active. */
  private static RouteView changeable(Connection c, long id, DeviceScope scope)
      throws SQLException {
    RouteView r = inScope(locked(c, id), scope);
    if (r.status().equals(RETIRED)) {
      throw TEXTS.problem(409, "route-retired", "patrol.route-retired", r.name());
    }
    return r;
  }

  private static RouteView locked(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + COLUMNS + " FROM patrol_route p WHERE id = ? FOR UPDATE")) {
      ps.setLong(1, id);
      return one(ps, id);
    }
  }

  private static RouteView one(PreparedStatement ps, long id) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw notFound(id);
      }
      return route(rs);
    }
  }

  private static RouteView inScope(RouteView r, DeviceScope scope) {
    if (!reaches(scope, r)) {
      throw notFound(r.id());
    }
    return r;
  }

  private static ProblemException notFound(long id) {
    return TEXTS.problem(404, "route-not-found", "patrol.route-not-found", id);
  }

  private static ProblemException exists(RouteInput in) {
    return TEXTS.problem(409, "route-exists", "patrol.route-exists", in.name().strip());
  }

  /**
   * A narrow scope may only place a route at readers it reaches, so a route of app tags only is the
   * whole company's to make. Asks the devices module, so before any transaction.
   */
  private static void requireWithin(RouteInput in, DeviceScope scope) {
    if (scope.isAll()) {
      return;
    }
    List<String> devices = PatrolRules.checkpointDevices(in.checkpoints());
    if (devices.isEmpty()) {
      throw DeviceScope.outside(TEXTS.text("scope.route-of-tags"));
    }
    scope.require(devices);
  }

  /** Name, checkpoints, times (sorted) and round length as parameters 1-4. */
  private static void bind(Connection c, PreparedStatement ps, RouteInput in) throws SQLException {
    ps.setString(1, in.name().strip());
    ps.setArray(2, c.createArrayOf("text", in.checkpoints().toArray(new String[0])));
    ps.setArray(3, c.createArrayOf("text", in.times().stream().sorted().toArray(String[]::new)));
    ps.setInt(4, in.roundMinutes());
  }

  private static RouteView route(ResultSet rs) throws SQLException {
    Instant retired = Jdbc.instant(rs.getTimestamp(6));
    return new RouteView(
        rs.getLong(1),
        rs.getString(2),
        Arrays.asList((String[]) rs.getArray(3).getArray()),
        Arrays.asList((String[]) rs.getArray(4).getArray()),
        rs.getInt(5),
        retired == null ? ACTIVE : RETIRED,
        retired,
        rs.getInt(7));
  }
}
