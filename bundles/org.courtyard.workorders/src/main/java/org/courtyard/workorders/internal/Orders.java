package org.courtyard.workorders.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.courtyard.api.Problems;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Page;
import org.courtyard.workorders.internal.attachments.OrderGate;
import org.courtyard.workorders.internal.deadlines.Deadlines;
import org.courtyard.workorders.internal.deadlines.OrderDeadlines;
import org.courtyard.workorders.internal.deadlines.Priority;
import org.courtyard.workorders.internal.dto.CategoryView;
import org.courtyard.workorders.internal.dto.OrderView;
import org.courtyard.workorders.internal.dto.TimelineView;
import org.courtyard.workorders.internal.lifecycle.Action;
import org.courtyard.workorders.internal.lifecycle.Actor;
import org.courtyard.workorders.internal.lifecycle.Assignee;
import org.courtyard.workorders.internal.lifecycle.Command;
import org.courtyard.workorders.internal.lifecycle.OrderLifecycle;
import org.courtyard.workorders.internal.lifecycle.OrderProgress;
import org.courtyard.workorders.internal.lifecycle.TimelineEntry;
import org.courtyard.workorders.internal.lifecycle.Transition;
import org.courtyard.workorders.internal.lifecycle.TransitionRefused;

/**
 * The work orders of one tenant: reported, listed, read, and moved on step by step. Each step is
 * one transaction: the order row is locked, the lifecycle decides ({@link OrderLifecycle}), the
 * deadline rules move the clocks ({@link Deadlines}), and the row and its timeline entry are
 * written together. Two technicians grabbing one order therefore queue on its row lock: the first
 * wins, the second finds it accepted and gets 409.
 */
final class Orders {

  private static final Texts TEXTS = Texts.of(Orders.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

  /** Steps that only a technician (a signed-in staff user) takes. */
  private static final Set<Action> TECHNICIAN_ONLY = EnumSet.of(Action.GRAB, Action.ACCEPT);

  /** Steps the assignee takes as the technician, others as staff. */
  private static final Set<Action> ASSIGNEE_OR_STAFF =
      EnumSet.of(Action.START, Action.PAUSE, Action.RESUME, Action.COMPLETE, Action.TRANSFER);

  /**
   * A new order in one statement: its id from the sequence, the row with the number made of the
   * day's prefix and the id, and its {@code report} timeline entry; nothing when the request's key
   * recorded an order already.
   */
  private static final String INSERT_REPORTED =
      "WITH n AS (SELECT nextval('workorder_id_seq') AS id),"
          + " o AS (INSERT INTO workorder (id, number, kind, category_id, priority, description,"
          + " room_id, unit_id, building_id, estate_id, place, reporter_kind,"
          + " reporter_person_id, reporter_user_id, reporter_device_id, channel, contact_name,"
          + " contact_phone,"
          + " working_hours, response_minutes, resolution_minutes, response_due,"
          + " response_warn_at, resolution_running_since, resolution_due, resolution_warn_at,"
          + " created_at, updated_at, request_key, alarm_id, alarm_status)"
          + " SELECT n.id, ? || n.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
          + " ?, ?, ?, ?, ?, ?, ?, ?, ? FROM n"
          + " ON CONFLICT (request_key) WHERE request_key IS NOT NULL DO NOTHING RETURNING "
          + OrderRow.COLUMNS
          + "), e AS (INSERT INTO workorder_event (order_id, at, actor_kind, actor_id, action,"
          + " to_state, note) SELECT o.id, ?, ?, ?, 'report', 'new', ? FROM o)"
          + " SELECT "
          + OrderRow.COLUMNS
          + " FROM o";

  private final Jdbc jdbc;
  private final WorkordersTenant tenant;

  Orders(Jdbc jdbc, WorkordersTenant tenant) {
    this.jdbc = jdbc;
    this.tenant = tenant;
  }

  /**
   * Records a new order with its report entry; the category's deadlines start now.
   *
   * @param place where, checked against the estate module by the caller
   * @param permitted the steps the caller's permissions allow, for the answer's {@code actions}
   */
  /** A new order, or the one the same Idempotency-Key recorded before ({@code replayed}). */
  record Created(OrderView order, boolean replayed) {}

  Created create(
      OrderRules.Checked in,
      Places.Place place,
      Caller caller,
      String requestKey,
      Predicate<Action> permitted) {
    return create(in, place, Reporter.of(caller, in), caller, requestKey, permitted);
  }

  /**
   * Who reported an order and how, as the row and its report entry record it: the caller, or a
   * device whose alarm opened it (recorded by the system).
   */
  record Reporter(
      String kind,
      Long personId,
      Long userId,
      String deviceId,
      String channel,
      String actorKind,
      Long actorId,
      String note,
      Long alarmId) {

    static Reporter of(Caller caller, OrderRules.Checked in) {
      if (caller.resident()) {
        return new Reporter(
            "resident",
            caller.id(),
            null,
            null,
            "resident_app",
            "resident",
            caller.id(),
            in.channel(),
            null);
      }
      return new Reporter(
          in.reporterKind(),
          in.reporterPersonId(),
          caller.id(),
          null,
          in.channel(),
          "staff",
          caller.id(),
          in.channel(),
          null);
    }

    /** A device's alarm, taken in by the system. */
    static Reporter alarm(String deviceId, long alarmId, String note) {
      return new Reporter(
          "device", null, null, deviceId, "device_alarm", "system", null, note, alarmId);
    }
  }

  /** Records a new order reported by {@code reporter}; {@code caller} is whom the answer is for. */
  Created create(
      OrderRules.Checked in,
      Places.Place place,
      Reporter reporter,
      Caller caller,
      String requestKey,
      Predicate<Action> permitted) {
    return jdbc.transaction(
        c -> {
          TenantRules rules;
          CategoryView k;
          try (PreparedStatement ps = c.prepareStatement(Categories.SETTINGS_AND_CATEGORY)) {
            ps.setLong(1, in.categoryId());
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw new IllegalStateException("workorder_settings has no row");
              }
              int version = rs.getInt("settings_version");
              int calendarVersion = rs.getInt("settings_calendar");
              k =
                  Categories.forNewOrder(
                      rs.getObject("id") == null ? null : Categories.view(rs), in.categoryId());
              rules = tenant.rules(c, version, calendarVersion);
            }
          }
          Priority priority = in.priority();
          OrderDeadlines d = rules.deadlines().reported(Categories.terms(k), priority);
          Instant now = d.response().runningSince();
          String prefix = "WO" + LocalDate.ofInstant(now, rules.zone()).format(DAY) + "-";
          OrderRow row;
          // one round trip: the id, the row with its number, and the report entry
          try (PreparedStatement ps = c.prepareStatement(INSERT_REPORTED)) {
            int i = 1;
            ps.setString(i++, prefix);
            ps.setString(i++, k.kind());
            ps.setLong(i++, k.id());
            ps.setString(i++, priority.code());
            ps.setString(i++, in.description());
            Jdbc.setLong(ps, i++, place.roomId());
            Jdbc.setLong(ps, i++, place.unitId());
            Jdbc.setLong(ps, i++, place.buildingId());
            ps.setLong(i++, place.estateId());
            ps.setString(i++, in.place());
            ps.setString(i++, reporter.kind());
            Jdbc.setLong(ps, i++, reporter.personId());
            Jdbc.setLong(ps, i++, reporter.userId());
            ps.setString(i++, reporter.deviceId());
            ps.setString(i++, reporter.channel());
            ps.setString(i++, in.contactName());
            ps.setString(i++, in.contactPhone());
            ps.setBoolean(i++, d.workingHours());
            ps.setInt(i++, (int) d.response().allowed().toMinutes());
            ps.setInt(i++, (int) d.resolution().allowed().toMinutes());
            ps.setTimestamp(i++, OrderRow.ts(d.response().due()));
            ps.setTimestamp(i++, OrderRow.ts(d.response().warnAt()));
            ps.setTimestamp(i++, OrderRow.ts(now));
            ps.setTimestamp(i++, OrderRow.ts(d.resolution().due()));
            ps.setTimestamp(i++, OrderRow.ts(d.resolution().warnAt()));
            ps.setTimestamp(i++, OrderRow.ts(now));
            ps.setTimestamp(i++, OrderRow.ts(now));
            ps.setString(i++, requestKey);
            Jdbc.setLong(ps, i++, reporter.alarmId());
            ps.setString(i++, reporter.alarmId() == null ? null : "raised");
            ps.setTimestamp(i++, OrderRow.ts(now));
            ps.setString(i++, reporter.actorKind());
            Jdbc.setLong(ps, i++, reporter.actorId());
            ps.setString(i, reporter.note());
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                OrderRow earlier = recordedWith(c, requestKey);
                if (!sameRequest(earlier, in, place, reporter)) {
                  throw TEXTS.problem(422, "idempotency-key-reused", "order.key-reused");
                }
                return new Created(
                    earlier.view(
                        rules,
                        tenant.clock().instant(),
                        actions(c, earlier, rules, caller, permitted)),
                    true);
              }
              row = OrderRow.read(rs);
            } catch (SQLException e) {
              if ("23503".equals(e.getSQLState())) {
                // the category's kind changed between reading it and writing the order
                throw TEXTS.problem(409, "category-changed", "order.category-changed", k.code());
              }
              throw e;
            }
          }
          if (AutoDispatch.automatic(k.dispatchMode())) {
            Optional<Long> technician =
                AutoDispatch.choose(
                    c, k.dispatchMode(), row.estateId(), row.buildingId(), k.skill(), now);
            if (technician.isPresent()) {
              Transition t =
                  rules
                      .lifecycle()
                      .apply(
                          row.progress(),
                          Command.dispatch(Actor.system(), Assignee.user(technician.get()), null));
              row = write(c, row, rules, Action.DISPATCH, t, null);
            }
          }
          return new Created(
              row.view(
                  rules,
                  now,
                  actions(c, row, rules, caller, permitted, "grab".equals(k.dispatchMode()))),
              false);
        });
  }

  /** The order recorded with {@code key}; it exists, since its insert just conflicted. */
  private static OrderRow recordedWith(Connection c, String key) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + OrderRow.COLUMNS + " FROM workorder WHERE request_key = ?")) {
      ps.setString(1, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("no order for its request key");
        }
        return OrderRow.read(rs);
      }
    }
  }

  /** Whether an earlier order is what this request asks for, by the same reporter. */
  private static boolean sameRequest(
      OrderRow o, OrderRules.Checked in, Places.Place place, Reporter reporter) {
    return o.categoryId() == in.categoryId()
        && o.description().equals(in.description())
        && o.priority().equals(in.priority().code())
        && java.util.Objects.equals(o.roomId(), place.roomId())
        && java.util.Objects.equals(o.buildingId(), place.buildingId())
        && o.estateId() == place.estateId()
        && java.util.Objects.equals(o.place(), in.place())
        && java.util.Objects.equals(o.reporterKind(), reporter.kind())
        && java.util.Objects.equals(o.reporterPersonId(), reporter.personId())
        && java.util.Objects.equals(o.reporterUserId(), reporter.userId())
        && java.util.Objects.equals(o.reporterDeviceId(), reporter.deviceId());
  }

  /** One order within reach; 404 {@code order-not-found} otherwise. */
  OrderView get(long id, Reach reach, Caller caller, Predicate<Action> permitted) {
    return jdbc.read(
        c -> {
          OrderRow o = find(c, id, reach, false);
          TenantRules rules = tenant.rules(c);
          Instant now = tenant.clock().instant();
          return o.view(rules, now, actions(c, o, rules, caller, permitted));
        });
  }

  /** The order's timeline, oldest first; 404 {@code order-not-found} outside reach. */
  List<TimelineView> timeline(long id, Reach reach) {
    return jdbc.read(
        c -> {
          find(c, id, reach, false);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, at, actor_kind, actor_id, action, from_state, to_state, note,"
                      + " reason, assignee_user_id, assignee_team_id FROM workorder_event"
                      + " WHERE order_id = ? ORDER BY id")) {
            ps.setLong(1, id);
            List<TimelineView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(
                    new TimelineView(
                        rs.getLong(1),
                        Jdbc.instant(rs.getTimestamp(2)),
                        rs.getString(3),
                        Jdbc.getLong(rs, "actor_id"),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getString(8),
                        rs.getString(9),
                        Jdbc.getLong(rs, "assignee_user_id"),
                        Jdbc.getLong(rs, "assignee_team_id")));
              }
            }
            return out;
          }
        });
  }

  /** Orders within reach that match {@code f}, newest first, a page after {@code cursor}. */
  Page<OrderView> list(OrderFilter f, Reach reach, String cursor, int limit) {
    return jdbc.read(
        c -> {
          Instant now = tenant.clock().instant();
          StringBuilder where = new StringBuilder(" WHERE true");
          List<Object> params = new ArrayList<>();
          reach.restrict("o", where, params, c);
          f.restrict(where, params, now, c);
          if (cursor != null) {
            where.append(" AND o.id < ?");
            params.add(Cursor.decode(cursor));
          }
          TenantRules rules = tenant.rules(c);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + OrderRow.COLUMNS
                      + " FROM workorder o"
                      + where
                      + " ORDER BY o.id DESC LIMIT ?")) {
            int i = 1;
            for (Object p : params) {
              ps.setObject(i++, p);
            }
            ps.setInt(i, limit + 1);
            List<OrderView> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                rows.add(OrderRow.read(rs).view(rules, now, null));
              }
            }
            return Page.byId(rows, limit, OrderView::id);
          }
        });
  }

  /**
   * Takes a step: locks the order, lets the lifecycle decide, moves the clocks, writes the row and
   * the timeline entry.
   *
   * @throws org.courtyard.api.ProblemException 404 outside reach, 409 {@code stale-version} when
   *     {@code version} is given and differs, the lifecycle's refusals (409, 403, 422)
   */
  OrderView act(
      long id,
      Action action,
      OrderRules.Step step,
      Reach reach,
      Caller caller,
      Predicate<Action> permitted) {
    return jdbc.transaction(
        c -> {
          OrderRow o = find(c, id, reach, true);
          if (step.version() != null && step.version() != o.version()) {
            throw Problems.staleVersion(
                TEXTS.text("label.order"), o.number(), o.version(), step.version());
          }
          TenantRules rules = tenant.rules(c);
          if (step.assignee() != null
              && step.assignee().team()
              && !teamExists(c, step.assignee().id())) {
            throw TEXTS.problem(422, "unknown-team", "order.unknown-team", step.assignee().id());
          }
          if (action == Action.GRAB && !inPool(c, o)) {
            throw TEXTS.problem(409, "not-in-pool", "order.not-in-pool", o.number());
          }
          if (action == Action.CLOSE && Feedback.visitMissing(c, o)) {
            throw TEXTS.problem(
                409, "return-visit-required", "order.return-visit-required", o.number());
          }
          Actor actor = actor(c, caller, action, o);
          OrderProgress before = o.progress();
          Transition t;
          try {
            t = rules.lifecycle().apply(before, step.command(action, actor));
          } catch (TransitionRefused refused) {
            throw OrderRules.problem(refused, o.number());
          }
          OrderRow written =
              write(
                  c,
                  o,
                  rules,
                  action,
                  t,
                  action == Action.CANCEL ? step.cancelReason().code() : null);
          if (action == Action.COMPLETE) {
            tenant
                .charges()
                .onComplete(
                    c,
                    o.id(),
                    o.roomId(),
                    o.categoryId(),
                    step.charge(),
                    caller.staffUser() ? caller.id() : null);
          } else if (action == Action.CANCEL) {
            tenant.charges().onCancel(c, o.id());
          }
          Instant now = t.entry().at();
          return written.view(rules, now, actions(c, written, rules, caller, permitted));
        });
  }

  /**
   * Writes a step the lifecycle allowed: the clocks moved as the step moves them, the row (version
   * + 1) and the timeline entry.
   */
  private static OrderRow write(
      Connection c, OrderRow o, TenantRules rules, Action action, Transition t, String cancelReason)
      throws SQLException {
    Deadlines deadlines = rules.deadlines();
    OrderDeadlines d = o.deadlines(rules);
    Instant respondedAt = o.respondedAt();
    boolean fresh = false;
    switch (action) {
      case GRAB, ACCEPT -> {
        if (!d.response().met()) {
          d = deadlines.responded(d);
          respondedAt = d.response().metAt();
        }
      }
      case PAUSE -> d = deadlines.paused(d);
      case RESUME -> d = deadlines.resumed(d);
      case COMPLETE, CANCEL -> d = deadlines.finished(d);
      case REOPEN -> {
        d = deadlines.reopened(d);
        fresh = true;
      }
      default -> {
        // dispatch, start, confirm, close, transfer, urge: the clocks run on as they were
      }
    }
    OrderRow written;
    try (PreparedStatement ps = c.prepareStatement(OrderRow.UPDATE_STEP)) {
      o.bindStep(ps, t.after(), cancelReason, respondedAt, d, fresh, t.entry().at());
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        written = OrderRow.read(rs);
      }
    }
    insertEntry(c, o.id(), t.entry());
    return written;
  }

  /**
   * What the caller may do with the order now: the lifecycle's allowed steps for each capacity the
   * caller can act in, kept to those their permissions cover.
   */
  private List<String> actions(
      Connection c, OrderRow o, TenantRules rules, Caller caller, Predicate<Action> permitted)
      throws SQLException {
    return actions(c, o, rules, caller, permitted, null);
  }

  /**
   * The steps the caller may take next; {@code pool} says whether the order's category hands its
   * orders to the grab pool when the caller has just read it (null: read it here).
   */
  private List<String> actions(
      Connection c,
      OrderRow o,
      TenantRules rules,
      Caller caller,
      Predicate<Action> permitted,
      Boolean pool)
      throws SQLException {
    OrderLifecycle lifecycle = rules.lifecycle();
    OrderProgress p = o.progress();
    Set<Action> allowed = EnumSet.noneOf(Action.class);
    if (caller.resident()) {
      allowed.addAll(lifecycle.allowed(p, Actor.resident(caller.id())));
    } else {
      allowed.addAll(lifecycle.allowed(p, Actor.staff(caller.actorId())));
      if (caller.staffUser()) {
        // a technician's teams only matter for an order assigned to a team
        Actor technician =
            o.assigneeTeamId() == null ? Actor.technician(caller.id()) : technician(c, caller.id());
        allowed.addAll(lifecycle.allowed(p, technician));
      }
    }
    if (allowed.contains(Action.GRAB) && !(pool != null ? pool : inPool(c, o))) {
      allowed.remove(Action.GRAB);
    }
    List<String> out = new ArrayList<>();
    for (Action a : allowed) {
      if (permitted.test(a)) {
        out.add(a.code());
      }
    }
    return out;
  }

  private static boolean teamExists(Connection c, long teamId) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM workorder_team WHERE id = ?")) {
      ps.setLong(1, teamId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** Whether a new order waits in the grab pool (抢单): its category is dispatched by grabbing. */
  private static boolean inPool(Connection c, OrderRow o) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT dispatch_mode = 'grab' FROM workorder_category WHERE id = ?")) {
      ps.setLong(1, o.categoryId());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  /** The capacity the caller takes a step in. */
  private static Actor actor(Connection c, Caller caller, Action action, OrderRow o)
      throws SQLException {
    if (caller.resident()) {
      return Actor.resident(caller.id());
    }
    boolean mine = caller.staffUser() && Long.valueOf(caller.id()).equals(o.assigneeUserId());
    if (TECHNICIAN_ONLY.contains(action) || (ASSIGNEE_OR_STAFF.contains(action) && mine)) {
      if (!caller.staffUser()) {
        throw TEXTS.problem(403, "technician-only", "order.technician-only", action.code());
      }
      return technician(c, caller.id());
    }
    return Actor.staff(caller.actorId());
  }

  /** A staff user as a technician, with the teams they belong to. */
  private static Actor technician(Connection c, long userId) throws SQLException {
    List<Long> teams = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT team_id FROM workorder_team_member WHERE user_id = ?")) {
      ps.setLong(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          teams.add(rs.getLong(1));
        }
      }
    }
    return Actor.technician(userId, teams.toArray(Long[]::new));
  }

  /** The order within reach, as it is now; 404 otherwise. */
  static OrderRow within(Connection c, long id, Reach reach) throws SQLException {
    return find(c, id, reach, false);
  }

  /** The order within reach, locked for the caller's transaction; 404 otherwise. */
  static OrderRow lockWithin(Connection c, long id, Reach reach) throws SQLException {
    return find(c, id, reach, true);
  }

  /** The way into one order within {@code reach}, for what hangs on orders (their files). */
  static OrderGate gate(Reach reach) {
    return (c, id, lock) -> find(c, id, reach, lock);
  }

  /**
   * The order within reach, locked for the transaction when {@code lock}; 404 {@code
   * order-not-found} otherwise. Package-private for the materials used on orders, which answer 404
   * exactly where the order's own reads do.
   */
  static OrderRow find(Connection c, long id, Reach reach, boolean lock) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + OrderRow.COLUMNS
                + " FROM workorder WHERE id = ?"
                + (lock ? " FOR UPDATE" : ""))) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        Optional<OrderRow> o = rs.next() ? Optional.of(OrderRow.read(rs)) : Optional.empty();
        return o.filter(reach::reaches)
            .orElseThrow(() -> Problems.notFound(TEXTS.text("label.order"), id));
      }
    }
  }

  private static void insertEntry(Connection c, long orderId, TimelineEntry e) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO workorder_event (order_id, at, actor_kind, actor_id, action, from_state,"
                + " to_state, note, reason, assignee_user_id, assignee_team_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, orderId);
      ps.setTimestamp(2, OrderRow.ts(e.at()));
      ps.setString(3, e.actor().kind().name().toLowerCase(java.util.Locale.ROOT));
      Jdbc.setLong(ps, 4, e.actor().id() == 0 ? null : e.actor().id());
      ps.setString(5, e.action().code());
      ps.setString(6, e.from().code());
      ps.setString(7, e.to().code());
      ps.setString(8, e.note());
      ps.setString(9, e.reason());
      Jdbc.setLong(ps, 10, e.assignee() != null && !e.assignee().team() ? e.assignee().id() : null);
      Jdbc.setLong(ps, 11, e.assignee() != null && e.assignee().team() ? e.assignee().id() : null);
      ps.executeUpdate();
    }
  }
}
