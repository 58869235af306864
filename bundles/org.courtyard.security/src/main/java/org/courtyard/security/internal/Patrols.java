package org.courtyard.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Page;

/**
 * Guard patrol (巡更): a route is a list of checkpoints walked in rounds that start at set local
 * times and must be done within some minutes. A guard checks in at a checkpoint from the app, or by
 * badging at a reader that is a checkpoint ({@code <device>:<door>}). A round is completed when
 * every checkpoint has a check-in inside its window, and missed, with the checkpoints it missed,
 * once its window has passed without that.
 */
final class Patrols {

  private static final Pattern CHECKPOINT = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_:.-]{0,99}$");
  private static final Pattern TIME = Pattern.compile("^([01][0-9]|2[0-3]):[0-5][0-9]$");
  private static final Duration LONGEST_ROUND = Duration.ofMinutes(720);

  public record RouteInput(
      String name, List<String> checkpoints, List<String> times, Integer roundMinutes) {}

  public record RouteView(
      long id, String name, List<String> checkpoints, List<String> times, int roundMinutes) {}

  public record CheckinInput(String checkpoint, String guard) {}

  public record CheckinView(String checkpoint, String guard, String source, Instant at) {}

  /**
   * A round and how it went: {@code scheduled}, {@code in_progress}, {@code completed} or {@code
   * missed} (its window passed with checkpoints left; they are listed in {@code missed}).
   */
  public record RoundView(
      long id,
      long routeId,
      String route,
      Instant startsAt,
      Instant dueAt,
      String status,
      List<CheckinView> checkins,
      List<String> missed) {}

  private record RoundRow(long id, long routeId, Instant startsAt, Instant dueAt) {}

  private final Jdbc jdbc;

  Patrols(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  RouteView createRoute(RouteInput in) {
    FieldErrors errors = new FieldErrors();
    if (in.name() == null || in.name().isBlank() || in.name().length() > 100) {
      errors.add("name", "1-100 characters");
    }
    if (in.checkpoints() == null
        || in.checkpoints().isEmpty()
        || in.checkpoints().size() > 200
        || in.checkpoints().stream().anyMatch(c -> c == null || !CHECKPOINT.matcher(c).matches())
        || in.checkpoints().stream().distinct().count() != in.checkpoints().size()) {
      errors.add("checkpoints", "1-200 distinct codes: '<device>:<door>' or a tag code");
    }
    if (in.times() == null
        || in.times().isEmpty()
        || in.times().size() > 48
        || in.times().stream().anyMatch(t -> t == null || !TIME.matcher(t).matches())) {
      errors.add("times", "1-48 local start times 'HH:MM'");
    }
    if (in.roundMinutes() == null
        || in.roundMinutes() < 5
        || in.roundMinutes() > LONGEST_ROUND.toMinutes()) {
      errors.add("roundMinutes", "5-720 minutes to walk a round");
    }
    errors.throwIfAny();
    return jdbc.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO patrol_route (name, checkpoints, times, round_minutes)"
                      + " VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING RETURNING id")) {
            ps.setString(1, in.name().strip());
            ps.setArray(2, c.createArrayOf("text", in.checkpoints().toArray(new String[0])));
            ps.setArray(
                3, c.createArrayOf("text", in.times().stream().sorted().toArray(String[]::new)));
            ps.setInt(4, in.roundMinutes());
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw ProblemException.conflict(
                    "route-exists",
                    "Route exists",
                    "A route named " + in.name().strip() + " exists.");
              }
              return route(c, rs.getLong(1));
            }
          }
        });
  }

  /** One page of routes, by id, after the route {@code after} (0: from the first). */
  Page<RouteView> routes(long after, int limit) {
    List<RouteView> rows =
        jdbc.read(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT "
                          + ROUTE_COLUMNS
                          + " FROM patrol_route WHERE id > ? ORDER BY id LIMIT "
                          + (limit + 1))) {
                ps.setLong(1, after);
                return routes(ps);
              }
            });
    return Page.of(rows, limit, r -> Cursor.encode(r.id()));
  }

  /**
   * Creates the rounds of every route for a date, its times read in {@code zone} (doing it again
   * creates nothing new).
   */
  List<RoundView> schedule(String date, ZoneId zone, Instant now) {
    LocalDate day;
    try {
      day = LocalDate.parse(date);
    } catch (DateTimeParseException | NullPointerException e) {
      throw ProblemException.badRequest("invalid-date", "Invalid date", "date must be YYYY-MM-DD.");
    }
    return jdbc.transaction(
        c -> {
          List<Long> ids = new ArrayList<>();
          for (RouteView r : routesIn(c)) {
            for (String t : r.times()) {
              Instant start = day.atTime(LocalTime.parse(t)).atZone(zone).toInstant();
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "INSERT INTO patrol_round (route_id, starts_at, due_at) VALUES (?, ?, ?)"
                          + " ON CONFLICT (route_id, starts_at) DO UPDATE SET due_at ="
                          + " patrol_round.due_at RETURNING id")) {
                ps.setLong(1, r.id());
                ps.setTimestamp(2, Timestamp.from(start));
                ps.setTimestamp(
                    3, Timestamp.from(start.plus(Duration.ofMinutes(r.roundMinutes()))));
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  ids.add(rs.getLong(1));
                }
              }
            }
          }
          List<RoundView> out = new ArrayList<>();
          for (long id : ids) {
            out.add(round(c, id, now));
          }
          return out;
        });
  }

  /**
   * One page of the rounds that overlap {@code from} to {@code to}, earliest start first (then by
   * id), after {@code after} (null: from the earliest), with their state at {@code now}.
   */
  Page<RoundView> rounds(Instant from, Instant to, Instant now, TimeCursor after, int limit) {
    List<RoundView> rows =
        jdbc.read(
            c -> {
              // a round lasts at most 720 minutes (patrol_route_minutes_ck), so the rounds of the
              // window start after from - 12 h: the index scan starts there, not at the first round
              String sql =
                  "SELECT id, route_id, starts_at, due_at FROM patrol_round"
                      + " WHERE starts_at > ? AND starts_at < ? AND due_at > ?"
                      + (after == null ? "" : " AND (starts_at, id) > (?, ?)")
                      + " ORDER BY starts_at, id LIMIT "
                      + (limit + 1);
              List<RoundRow> found = new ArrayList<>();
              try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setTimestamp(1, Timestamp.from(from.minus(LONGEST_ROUND)));
                ps.setTimestamp(2, Timestamp.from(to));
                ps.setTimestamp(3, Timestamp.from(from));
                if (after != null) {
                  ps.setTimestamp(4, Timestamp.from(after.at()));
                  ps.setLong(5, after.id());
                }
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    found.add(
                        new RoundRow(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getTimestamp(3).toInstant(),
                            rs.getTimestamp(4).toInstant()));
                  }
                }
              }
              // the page's routes and check-ins in one query each, not three queries a round
              Map<Long, RouteView> routes = new HashMap<>();
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT " + ROUTE_COLUMNS + " FROM patrol_route WHERE id = ANY(?)")) {
                ps.setArray(
                    1, Jdbc.bigints(c, found.stream().map(RoundRow::routeId).distinct().toList()));
                for (RouteView r : routes(ps)) {
                  routes.put(r.id(), r);
                }
              }
              Map<Long, Map<String, CheckinView>> checkins =
                  checkins(c, found.stream().map(RoundRow::id).toList());
              List<RoundView> out = new ArrayList<>();
              for (RoundRow r : found) {
                out.add(
                    view(
                        r.id(),
                        routes.get(r.routeId()),
                        r.startsAt(),
                        r.dueAt(),
                        checkins.getOrDefault(r.id(), Map.of()),
                        now));
              }
              return out;
            });
    return Page.of(
        rows, limit, r -> new TimeCursor(r.startsAt(), r.id()).encode(TimeCursor.Listing.ROUNDS));
  }

  RoundView round(long id, Instant now) {
    return jdbc.read(c -> round(c, id, now));
  }

  /** A check-in from the guard's app, at {@code now}. */
  RoundView checkIn(long roundId, CheckinInput in, Instant now) {
    FieldErrors errors = new FieldErrors();
    if (in.checkpoint() == null || !CHECKPOINT.matcher(in.checkpoint()).matches()) {
      errors.add("checkpoint", "a checkpoint of the round's route");
    }
    if (in.guard() == null || in.guard().isBlank() || in.guard().length() > 100) {
      errors.add("guard", "who checks in: 1-100 characters");
    }
    errors.throwIfAny();
    return jdbc.transaction(
        c -> {
          RoundView r = round(c, roundId, now);
          if (!route(c, r.routeId()).checkpoints().contains(in.checkpoint())) {
            throw ProblemException.unprocessable(
                "not-a-checkpoint",
                "Not a checkpoint of this route",
                in.checkpoint() + " is not on route " + r.route() + ".");
          }
          if (now.isBefore(r.startsAt()) || now.isAfter(r.dueAt())) {
            throw ProblemException.conflict(
                "outside-round-window",
                "Outside the round's window",
                "Round " + roundId + " runs from " + r.startsAt() + " to " + r.dueAt() + ".");
          }
          if (!insertCheckin(c, roundId, in.checkpoint(), in.guard().strip(), "app", now)) {
            throw ProblemException.conflict(
                "already-checked-in",
                "Already checked in",
                in.checkpoint() + " is checked in for round " + roundId + " already.");
          }
          return round(c, roundId, now);
        });
  }

  /** A guard badged at a reader: a check-in for every open round whose route has that reader. */
  void badged(Connection c, String checkpoint, String guard, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT r.id FROM patrol_round r JOIN patrol_route p ON p.id = r.route_id"
                + " WHERE ? = ANY(p.checkpoints) AND r.starts_at <= ? AND r.due_at >= ?")) {
      ps.setString(1, checkpoint);
      ps.setTimestamp(2, Timestamp.from(at));
      ps.setTimestamp(3, Timestamp.from(at));
      List<Long> rounds = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rounds.add(rs.getLong(1));
        }
      }
      for (long round : rounds) {
        insertCheckin(c, round, checkpoint, guard, "device", at);
      }
    }
  }

  private static boolean insertCheckin(
      Connection c, long round, String checkpoint, String guard, String source, Instant at)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO patrol_checkin (round_id, checkpoint, guard, source, at)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (round_id, checkpoint) DO NOTHING")) {
      ps.setLong(1, round);
      ps.setString(2, checkpoint);
      ps.setString(3, guard.length() > 100 ? guard.substring(0, 100) : guard);
      ps.setString(4, source);
      ps.setTimestamp(5, Timestamp.from(at));
      return ps.executeUpdate() == 1;
    }
  }

  private RoundView round(Connection c, long id, Instant now) throws SQLException {
    long routeId;
    Instant starts;
    Instant due;
    try (PreparedStatement ps =
        c.prepareStatement("SELECT route_id, starts_at, due_at FROM patrol_round WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw ProblemException.notFound(
              "round-not-found", "Round not found", "This tenant has no patrol round " + id + ".");
        }
        routeId = rs.getLong(1);
        starts = rs.getTimestamp(2).toInstant();
        due = rs.getTimestamp(3).toInstant();
      }
    }
    return view(
        id,
        route(c, routeId),
        starts,
        due,
        checkins(c, List.of(id)).getOrDefault(id, Map.of()),
        now);
  }

  /** The check-ins of these rounds, by round, each round's by checkpoint in the order made. */
  private static Map<Long, Map<String, CheckinView>> checkins(Connection c, List<Long> rounds)
      throws SQLException {
    Map<Long, Map<String, CheckinView>> out = new HashMap<>();
    if (rounds.isEmpty()) {
      return out;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT round_id, checkpoint, guard, source, at FROM patrol_checkin"
                + " WHERE round_id = ANY(?) ORDER BY round_id, at, id")) {
      ps.setArray(1, Jdbc.bigints(c, rounds));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>())
              .put(
                  rs.getString(2),
                  new CheckinView(
                      rs.getString(2),
                      rs.getString(3),
                      rs.getString(4),
                      rs.getTimestamp(5).toInstant()));
        }
      }
    }
    return out;
  }

  /**
   * A round as it stands at {@code now}: completed once every checkpoint is checked in, missed
   * (with what is left) once its window has passed without that.
   */
  private static RoundView view(
      long id,
      RouteView route,
      Instant starts,
      Instant due,
      Map<String, CheckinView> checkins,
      Instant now) {
    List<String> left = route.checkpoints().stream().filter(p -> !checkins.containsKey(p)).toList();
    String status;
    if (left.isEmpty()) {
      status = "completed";
    } else if (now.isAfter(due)) {
      status = "missed";
    } else if (!checkins.isEmpty()) {
      status = "in_progress";
    } else {
      status = "scheduled";
    }
    return new RoundView(
        id,
        route.id(),
        route.name(),
        starts,
        due,
        status,
        List.copyOf(checkins.values()),
        status.equals("missed") ? left : List.of());
  }

  private static final String ROUTE_COLUMNS = "id, name, checkpoints, times, round_minutes";

  /** Every route, by id: what a day's schedule is made of. */
  private static List<RouteView> routesIn(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + ROUTE_COLUMNS + " FROM patrol_route ORDER BY id")) {
      return routes(ps);
    }
  }

  private static List<RouteView> routes(PreparedStatement ps) throws SQLException {
    List<RouteView> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(route(rs));
      }
    }
    return out;
  }

  private static RouteView route(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT " + ROUTE_COLUMNS + " FROM patrol_route WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw ProblemException.notFound(
              "route-not-found", "Route not found", "This tenant has no patrol route " + id + ".");
        }
        return route(rs);
      }
    }
  }

  private static RouteView route(ResultSet rs) throws SQLException {
    return new RouteView(
        rs.getLong(1),
        rs.getString(2),
        Arrays.asList((String[]) rs.getArray(3).getArray()),
        Arrays.asList((String[]) rs.getArray(4).getArray()),
        rs.getInt(5));
  }
}
