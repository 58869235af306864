package org.courtyard.workorders.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.workorders.internal.deadlines.OrderDeadlines;
import org.courtyard.workorders.internal.deadlines.SlaClock;
import org.courtyard.workorders.internal.dto.ClockView;
import org.courtyard.workorders.internal.dto.OrderView;
import org.courtyard.workorders.internal.lifecycle.Assignee;
import org.courtyard.workorders.internal.lifecycle.OrderProgress;
import org.courtyard.workorders.internal.lifecycle.OrderState;
import org.courtyard.workorders.internal.lifecycle.PauseReason;

/**
 * A {@code workorder} row as read: the lifecycle's {@link OrderProgress} and the deadline rules'
 * {@link OrderDeadlines} are made from it, and a step writes theirs back ({@link #bindStep}).
 */
record OrderRow(
    long id,
    String number,
    String kind,
    long categoryId,
    String priority,
    String state,
    String description,
    Long roomId,
    Long unitId,
    Long buildingId,
    long estateId,
    String place,
    String reporterKind,
    Long reporterPersonId,
    Long reporterUserId,
    String reporterDeviceId,
    String channel,
    String contactName,
    String contactPhone,
    Long assigneeUserId,
    Long assigneeTeamId,
    String pauseReason,
    String cancelReason,
    Instant doneAt,
    int reopenCount,
    boolean workingHours,
    int responseMinutes,
    int resolutionMinutes,
    Instant responseDue,
    Instant responseWarnAt,
    Instant respondedAt,
    Instant responseWarnedAt,
    Instant responseBreachedAt,
    Instant resolutionRunningSince,
    Instant pausedSince,
    Instant resolutionMetAt,
    long resolutionUsedMicros,
    long pausedMicros,
    Instant resolutionDue,
    Instant resolutionWarnAt,
    Instant resolutionWarnedAt,
    Instant resolutionBreachedAt,
    Instant createdAt,
    Instant updatedAt,
    int version,
    Long alarmId) {

  static final String COLUMNS =
      "id, number, kind, category_id, priority, state, description, room_id, unit_id,"
          + " building_id, estate_id, place, reporter_kind, reporter_person_id, reporter_user_id,"
          + " reporter_device_id, channel, contact_name, contact_phone, assignee_user_id,"
          + " assignee_team_id, pause_reason, cancel_reason, done_at, reopen_count,"
          + " working_hours, response_minutes, resolution_minutes, response_due,"
          + " response_warn_at, responded_at, response_warned_at, response_breached_at,"
          + " resolution_running_since, paused_since, resolution_met_at, resolution_used_micros,"
          + " paused_micros, resolution_due, resolution_warn_at, resolution_warned_at,"
          + " resolution_breached_at, created_at, updated_at, version, alarm_id";

  /**
   * What a step changes, in the order {@link #bindStep} binds it; {@code id} is the last parameter.
   */
  static final String UPDATE_STEP =
      "UPDATE workorder SET state = ?, assignee_user_id = ?, assignee_team_id = ?,"
          + " pause_reason = ?, cancel_reason = ?, done_at = ?, reopen_count = ?,"
          + " responded_at = ?, resolution_running_since = ?, paused_since = ?,"
          + " resolution_met_at = ?, resolution_used_micros = ?, paused_micros = ?,"
          + " resolution_due = ?, resolution_warn_at = ?, resolution_warned_at = ?,"
          + " resolution_breached_at = ?, updated_at = ?, version = version + 1"
          + " WHERE id = ? RETURNING "
          + COLUMNS;

  static OrderRow read(ResultSet rs) throws SQLException {
    return new OrderRow(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getLong(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        Jdbc.getLong(rs, "room_id"),
        Jdbc.getLong(rs, "unit_id"),
        Jdbc.getLong(rs, "building_id"),
        rs.getLong(11),
        rs.getString(12),
        rs.getString(13),
        Jdbc.getLong(rs, "reporter_person_id"),
        Jdbc.getLong(rs, "reporter_user_id"),
        rs.getString(16),
        rs.getString(17),
        rs.getString(18),
        rs.getString(19),
        Jdbc.getLong(rs, "assignee_user_id"),
        Jdbc.getLong(rs, "assignee_team_id"),
        rs.getString(22),
        rs.getString(23),
        Jdbc.instant(rs.getTimestamp(24)),
        rs.getInt(25),
        rs.getBoolean(26),
        rs.getInt(27),
        rs.getInt(28),
        Jdbc.instant(rs.getTimestamp(29)),
        Jdbc.instant(rs.getTimestamp(30)),
        Jdbc.instant(rs.getTimestamp(31)),
        Jdbc.instant(rs.getTimestamp(32)),
        Jdbc.instant(rs.getTimestamp(33)),
        Jdbc.instant(rs.getTimestamp(34)),
        Jdbc.instant(rs.getTimestamp(35)),
        Jdbc.instant(rs.getTimestamp(36)),
        rs.getLong(37),
        rs.getLong(38),
        Jdbc.instant(rs.getTimestamp(39)),
        Jdbc.instant(rs.getTimestamp(40)),
        Jdbc.instant(rs.getTimestamp(41)),
        Jdbc.instant(rs.getTimestamp(42)),
        Jdbc.instant(rs.getTimestamp(43)),
        Jdbc.instant(rs.getTimestamp(44)),
        rs.getInt(45),
        Jdbc.getLong(rs, "alarm_id"));
  }

  OrderState orderState() {
    return OrderState.ofCode(state);
  }

  Assignee assignee() {
    return assigneeUserId != null
        ? Assignee.user(assigneeUserId)
        : assigneeTeamId != null ? Assignee.team(assigneeTeamId) : null;
  }

  /** The order as the lifecycle sees it. */
  OrderProgress progress() {
    return new OrderProgress(
        orderState(),
        assignee(),
        reporterPersonId,
        doneAt,
        reopenCount,
        pauseReason == null ? null : PauseReason.valueOf(pauseReason.toUpperCase(Locale.ROOT)));
  }

  /** The order's two clocks as the deadline rules see them, warning at the tenant's share. */
  OrderDeadlines deadlines(TenantRules rules) {
    Duration response = Duration.ofMinutes(responseMinutes);
    Duration resolution = Duration.ofMinutes(resolutionMinutes);
    SlaClock responseClock =
        new SlaClock(
            response,
            rules.warnAfter(response),
            Duration.ZERO,
            respondedAt == null ? createdAt : null,
            null,
            Duration.ZERO,
            responseDue,
            responseWarnAt,
            respondedAt);
    SlaClock resolutionClock =
        new SlaClock(
            resolution,
            rules.warnAfter(resolution),
            Duration.of(resolutionUsedMicros, ChronoUnit.MICROS),
            resolutionRunningSince,
            pausedSince,
            Duration.of(pausedMicros, ChronoUnit.MICROS),
            resolutionDue,
            resolutionWarnAt,
            resolutionMetAt);
    return new OrderDeadlines(responseClock, resolutionClock, workingHours);
  }

  /**
   * Binds a step's outcome to {@link #UPDATE_STEP}. {@code respondedAt} is passed apart: a
   * cancelled order nobody accepted keeps none.
   */
  void bindStep(
      PreparedStatement ps,
      OrderProgress after,
      String cancelReason,
      Instant respondedAt,
      OrderDeadlines d,
      boolean freshResolution,
      Instant now)
      throws SQLException {
    SlaClock r = d.resolution();
    ps.setString(1, after.state().code());
    Assignee a = after.assignee();
    Jdbc.setLong(ps, 2, a != null && !a.team() ? a.id() : null);
    Jdbc.setLong(ps, 3, a != null && a.team() ? a.id() : null);
    ps.setString(4, after.pauseReason() == null ? null : after.pauseReason().code());
    ps.setString(5, cancelReason);
    ps.setTimestamp(6, ts(after.doneAt()));
    ps.setInt(7, after.reopenCount());
    ps.setTimestamp(8, ts(respondedAt));
    ps.setTimestamp(9, ts(r.runningSince()));
    ps.setTimestamp(10, ts(r.pausedSince()));
    ps.setTimestamp(11, ts(r.metAt()));
    ps.setLong(12, micros(r.used()));
    ps.setLong(13, micros(r.pausedTotal()));
    ps.setTimestamp(14, ts(r.due()));
    ps.setTimestamp(15, ts(r.warnAt()));
    // a fresh resolution clock (reopened) has not warned nor breached yet
    ps.setTimestamp(16, freshResolution ? null : ts(resolutionWarnedAt));
    ps.setTimestamp(17, freshResolution ? null : ts(resolutionBreachedAt));
    ps.setTimestamp(18, ts(now));
    ps.setLong(19, id);
  }

  /** Whether a deadline has passed unmet, by {@code now}. */
  boolean overdue(Instant now) {
    boolean open = orderState().open();
    return open
        && ((respondedAt == null && responseDue.isBefore(now))
            || (resolutionMetAt == null && resolutionDue != null && resolutionDue.isBefore(now))
            || responseBreachedAt != null && respondedAt == null
            || resolutionBreachedAt != null && resolutionMetAt == null);
  }

  OrderView view(TenantRules rules, Instant now, List<String> actions) {
    OrderDeadlines d = deadlines(rules);
    OrderProgress p = progress();
    var lifecycle = rules.lifecycle();
    return new OrderView(
        id,
        number,
        kind,
        categoryId,
        priority,
        state,
        description,
        roomId,
        unitId,
        buildingId,
        estateId,
        place,
        reporterKind,
        reporterPersonId,
        reporterUserId,
        reporterDeviceId,
        alarmId,
        channel,
        contactName,
        contactPhone,
        assigneeUserId,
        assigneeTeamId,
        pauseReason,
        cancelReason,
        doneAt,
        reopenCount,
        new ClockView(
            responseMinutes,
            responseDue,
            responseWarnAt,
            respondedAt,
            code(d.response().state(now)),
            responseWarnedAt,
            responseBreachedAt,
            null,
            null),
        new ClockView(
            resolutionMinutes,
            resolutionDue,
            resolutionWarnAt,
            resolutionMetAt,
            code(d.resolution().state(now)),
            resolutionWarnedAt,
            resolutionBreachedAt,
            d.resolution().used(now, rules.deadlines().hours(workingHours)).toMinutes(),
            Duration.of(pausedMicros, ChronoUnit.MICROS)
                .plus(
                    pausedSince != null && now.isAfter(pausedSince)
                        ? Duration.between(pausedSince, now)
                        : Duration.ZERO)
                .toMinutes()),
        overdue(now),
        lifecycle.autoConfirmAt(p),
        lifecycle.reopenUntil(p),
        createdAt,
        updatedAt,
        version,
        actions);
  }

  private static String code(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT);
  }

  static Timestamp ts(Instant i) {
    return i == null ? null : Timestamp.from(i);
  }

  static long micros(Duration d) {
    return d.getSeconds() * 1_000_000L + d.getNano() / 1_000;
  }
}
