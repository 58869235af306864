package org.courtyard.security.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.Page;
import org.courtyard.security.internal.dto.CheckinInput;
import org.courtyard.security.internal.dto.CheckinView;
import org.courtyard.security.internal.dto.RoundView;
import org.courtyard.security.internal.dto.RouteView;

/**
 * Guard patrol (巡更) of one tenant, its rounds: a route ({@link PatrolRoutes}) is a list of
 * checkpoints walked in rounds that start at set local times and must be done within some minutes.
 * A round keeps the checkpoints its route had when it was made, so editing the route later rewrites
 * no history. A guard checks in at a checkpoint from the app, or by badging at a reader that is a
 * checkpoint ({@code <device>:<door>}). A round is completed when every checkpoint has a check-in
 * inside its window, and missed, with the checkpoints it missed, once its window has passed without
 * that ({@link PatrolRules}).
 *
 * <p>A route is where its readers are: it is in a caller's scope when the scope reaches every
 * device its {@code <device>:<door>} checkpoints name ({@link PatrolRoutes#IN_SCOPE}); a route of
 * app tags only is tied to no place, so only the whole company's scope has it. Its rounds and their
 * check-ins follow it.
 */
final class Patrols {

  private static final Texts TEXTS = Texts.of(Patrols.class);

  private record RoundRow(
      long id, long routeId, Instant startsAt, Instant dueAt, List<String> checkpoints) {}

  /** How far around now the rounds list looks, both ways. */
  private static final Duration ROUNDS_WINDOW = Duration.ofDays(1);

  private final Jdbc jdbc;
  private final Clock clock;

  Patrols(Jdbc jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /**
   * Creates the rounds of every route {@code scope} reaches for a date, its times read in {@code
   * zone} (doing it again creates nothing new), and returns them as they stand at {@code now}.
   *
   * @throws ProblemException 400 {@code invalid-date}
   */
  List<RoundView> schedule(String date, ZoneId zone, Instant now, DeviceScope scope) {
    LocalDate day = PatrolRules.day(date);
    if (scope.reachesNone()) {
      return List.of();
    }
    return jdbc.transaction(
        c -> {
          List<Long> ids = new ArrayList<>();
          for (RouteView r : routesIn(c, scope)) {
            ids.addAll(scheduleRoute(c, r, day, zone, null));
          }
          List<RoundView> out = new ArrayList<>();
          for (long id : ids) {
            out.add(round(c, id, now));
          }
          return out;
        });
  }

  /**
   * Creates the rounds of route {@code r} on {@code day}, its times read in {@code zone}, that
   * start after {@code after} (null: all of them); a round that exists stays as it is. Each round
   * keeps the route's checkpoints as they are now.
   *
   * @return the ids of the day's rounds, made now or before
   */
  static List<Long> scheduleRoute(
      Connection c, RouteView r, LocalDate day, ZoneId zone, Instant after) throws SQLException {
    List<Long> ids = new ArrayList<>();
    for (String t : r.times()) {
      Instant start = day.atTime(LocalTime.parse(t)).atZone(zone).toInstant();
      if (after != null && !start.isAfter(after)) {
        continue;
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "INSERT INTO patrol_round (route_id, starts_at, due_at, checkpoints)"
                  + " VALUES (?, ?, ?, ?) ON CONFLICT (route_id, starts_at) DO UPDATE SET due_at ="
                  + " patrol_round.due_at RETURNING id")) {
        ps.setLong(1, r.id());
        ps.setTimestamp(2, Timestamp.from(start));
        ps.setTimestamp(3, Timestamp.from(start.plus(Duration.ofMinutes(r.roundMinutes()))));
        ps.setArray(4, c.createArrayOf("text", r.checkpoints().toArray(new String[0])));
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          ids.add(rs.getLong(1));
        }
      }
    }
    return ids;
  }

  /**
   * Takes back the rounds of route {@code routeId} that start after {@code now} and have no
   * check-in (a reader whose clock runs ahead may have badged one early): they were made from the
   * route as it was.
   *
   * @return when the rounds taken back would have started
   */
  static List<Instant> takeBackUnstarted(Connection c, long routeId, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM patrol_round r WHERE route_id = ? AND starts_at > ? AND NOT EXISTS"
                + " (SELECT 1 FROM patrol_checkin k WHERE k.round_id = r.id) RETURNING starts_at")) {
      ps.setLong(1, routeId);
      ps.setTimestamp(2, Timestamp.from(now));
      List<Instant> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getTimestamp(1).toInstant());
        }
      }
      return out;
    }
  }

  /** A calendar day in a zone: the rounds that start in it. */
  record Day(java.time.LocalDate date, java.time.ZoneId zone) {}

  /**
   * One page of the rounds that overlap the last and the next 24 hours, or that start on {@code
   * day}; of one route when {@code routeId} is given; earliest start first (then by id), after
   * {@code after} (null: from the earliest), with their state now; only those of routes {@code
   * scope} reaches.
   */
  Page<RoundView> rounds(Day day, Long routeId, TimeCursor after, int limit, DeviceScope scope) {
    if (scope.reachesNone()) {
      return new Page<>(List.of(), null);
    }
    Instant now = clock.instant();
    // a day: the rounds that start in it (from its start: none ends before it); else the window
    Instant from =
        day == null ? now.minus(ROUNDS_WINDOW) : day.date().atStartOfDay(day.zone()).toInstant();
    Instant to =
        day == null
            ? now.plus(ROUNDS_WINDOW)
            : day.date().plusDays(1).atStartOfDay(day.zone()).toInstant();
    Instant startsAfter = day == null ? from.minus(PatrolRules.LONGEST_ROUND) : from.minusNanos(1);
    List<RoundView> rows =
        jdbc.read(
            c -> {
              // a round lasts at most 720 minutes (patrol_route_minutes_ck), so the rounds of the
              // window start after from - 12 h: the index scan starts there, not at the first round
              String sql =
                  "SELECT id, route_id, starts_at, due_at, checkpoints FROM patrol_round"
                      + " WHERE starts_at > ? AND starts_at < ? AND due_at > ?"
                      + (after == null ? "" : " AND (starts_at, id) > (?, ?)")
                      + (routeId == null ? "" : " AND route_id = ?")
                      + (scope.isAll()
                          ? ""
                          : " AND route_id IN (SELECT p.id FROM patrol_route p WHERE "
                              + PatrolRoutes.IN_SCOPE
                              + ")")
                      + " ORDER BY starts_at, id LIMIT "
                      + (limit + 1);
              List<RoundRow> found = new ArrayList<>();
              try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setTimestamp(1, Timestamp.from(startsAfter));
                ps.setTimestamp(2, Timestamp.from(to));
                ps.setTimestamp(3, Timestamp.from(from));
                int next = 4;
                if (after != null) {
                  ps.setTimestamp(next++, Timestamp.from(after.at()));
                  ps.setLong(next++, after.id());
                }
                if (routeId != null) {
                  ps.setLong(next++, routeId);
                }
                if (!scope.isAll()) {
                  ps.setArray(next, c.createArrayOf("text", scope.idArray()));
                }
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    found.add(
                        new RoundRow(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getTimestamp(3).toInstant(),
                            rs.getTimestamp(4).toInstant(),
                            strings(rs, 5)));
                  }
                }
              }
              // the page's routes and check-ins in one query each, not three queries a round
              Map<Long, RouteView> routes = new HashMap<>();
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT "
                          + PatrolRoutes.COLUMNS
                          + " FROM patrol_route p WHERE id = ANY(?)")) {
                ps.setArray(
                    1, Jdbc.bigints(c, found.stream().map(RoundRow::routeId).distinct().toList()));
                for (RouteView r : PatrolRoutes.routes(ps)) {
                  routes.put(r.id(), r);
                }
              }
              Map<Long, Map<String, CheckinView>> checkins =
                  checkins(c, found.stream().map(RoundRow::id).toList());
              List<RoundView> out = new ArrayList<>();
              for (RoundRow r : found) {
                out.add(
                    PatrolRules.round(
                        r.id(),
                        routes.get(r.routeId()),
                        r.checkpoints(),
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

  /**
   * @throws ProblemException 404 {@code round-not-found}, also for a round of a route {@code scope}
   *     does not reach
   */
  RoundView round(long id, DeviceScope scope) {
    Instant now = clock.instant();
    return jdbc.read(c -> round(c, id, now, scope));
  }

  /**
   * A check-in from the guard's app, now.
   *
   * @throws ProblemException 422 {@code validation-failed} or {@code not-a-checkpoint}, 404 {@code
   *     round-not-found} (also for a round {@code scope} does not reach), 409 {@code
   *     outside-round-window} or {@code already-checked-in}
   */
  RoundView checkIn(long roundId, CheckinInput in, DeviceScope scope) {
    PatrolRules.checkCheckin(in);
    Instant now = clock.instant();
    return jdbc.transaction(
        c -> {
          RoundView r = round(c, roundId, now, scope);
          if (!roundRow(c, roundId).checkpoints().contains(in.checkpoint())) {
            throw TEXTS.problem(
                422, "not-a-checkpoint", "patrol.not-a-checkpoint", in.checkpoint(), r.route());
          }
          if (now.isBefore(r.startsAt()) || now.isAfter(r.dueAt())) {
            throw TEXTS.problem(
                409,
                "outside-round-window",
                "patrol.outside-window",
                roundId,
                r.startsAt(),
                r.dueAt());
          }
          if (!insertCheckin(c, roundId, in.checkpoint(), in.guard().strip(), "app", now)) {
            throw TEXTS.problem(
                409, "already-checked-in", "patrol.already-checked-in", in.checkpoint(), roundId);
          }
          return round(c, roundId, now);
        });
  }

  /** A guard badged at a reader: a check-in for every open round whose route has that reader. */
  void badged(Connection c, String checkpoint, String guard, Instant at) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT r.id FROM patrol_round r"
                + " WHERE ? = ANY(r.checkpoints) AND r.starts_at <= ? AND r.due_at >= ?")) {
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
      ps.setString(3, PatrolRules.guard(guard));
      ps.setString(4, source);
      ps.setTimestamp(5, Timestamp.from(at));
      return ps.executeUpdate() == 1;
    }
  }

  private RoundView round(Connection c, long id, Instant now, DeviceScope scope)
      throws SQLException {
    RoundView r = round(c, id, now);
    if (!PatrolRoutes.reaches(scope, PatrolRoutes.route(c, r.routeId()))) {
      throw roundNotFound(id);
    }
    return r;
  }

  private static ProblemException roundNotFound(long id) {
    return TEXTS.problem(404, "round-not-found", "patrol.round-not-found", id);
  }

  private RoundView round(Connection c, long id, Instant now) throws SQLException {
    RoundRow r = roundRow(c, id);
    return PatrolRules.round(
        id,
        PatrolRoutes.route(c, r.routeId()),
        r.checkpoints(),
        r.startsAt(),
        r.dueAt(),
        checkins(c, List.of(id)).getOrDefault(id, Map.of()),
        now);
  }

  private static RoundRow roundRow(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT route_id, starts_at, due_at, checkpoints FROM patrol_round WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw roundNotFound(id);
        }
        return new RoundRow(
            id,
            rs.getLong(1),
            rs.getTimestamp(2).toInstant(),
            rs.getTimestamp(3).toInstant(),
            strings(rs, 4));
      }
    }
  }

  private static List<String> strings(ResultSet rs, int column) throws SQLException {
    return Arrays.asList((String[]) rs.getArray(column).getArray());
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
   * Every active route {@code scope} reaches, by id: what a day's schedule is made of. Each is
   * locked against a concurrent edit or retirement until the rounds are made, so that a retired
   * route gets none and an edited one none from its old times.
   */
  private static List<RouteView> routesIn(Connection c, DeviceScope scope) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + PatrolRoutes.COLUMNS
                + " FROM patrol_route p WHERE retired_at IS NULL"
                + (scope.isAll() ? "" : " AND " + PatrolRoutes.IN_SCOPE)
                + " ORDER BY id FOR SHARE")) {
      if (!scope.isAll()) {
        ps.setArray(1, c.createArrayOf("text", scope.idArray()));
      }
      return PatrolRoutes.routes(ps);
    }
  }
}
