package org.courtyard.admin.property.workorders;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A work order (工单) as {@code /workorders/orders} answers it: what (category, priority, kind),
 * where (a room, or an estate's public place), who reported it and who has it now, where it stands
 * ({@code state}) and its two deadlines. {@code actions} are the steps the caller may take now; the
 * API lists them on single reads only (null in lists). {@code version} guards every step.
 */
public record Order(
    long id,
    String number,
    String kind,
    Long categoryId,
    String priority,
    String state,
    String description,
    Long roomId,
    Long unitId,
    Long buildingId,
    Long estateId,
    String place,
    String roomLabel,
    String reporterKind,
    Long reporterPersonId,
    Long reporterUserId,
    String reporterDeviceId,
    Long alarmId,
    String channel,
    String contactName,
    String contactPhone,
    Long assigneeUserId,
    Long assigneeTeamId,
    String pauseReason,
    String cancelReason,
    Instant doneAt,
    Integer reopenCount,
    Deadline response,
    Deadline resolution,
    boolean overdue,
    Instant autoConfirmAt,
    Instant reopenUntil,
    Instant createdAt,
    Instant updatedAt,
    Long version,
    List<String> actions)
    implements Serializable {

  public Order {
    actions = actions == null ? List.of() : List.copyOf(actions);
  }

  /**
   * One deadline: allowed minutes, due and warning instants, when it was met, and its state ({@code
   * on_time}, {@code warning}, {@code breached}, {@code paused}, {@code met}, {@code met_late}).
   */
  public record Deadline(
      Long minutes,
      Instant due,
      Instant warnAt,
      Instant metAt,
      String state,
      Long usedMinutes,
      Long pausedMinutes,
      Instant warnedAt,
      Instant breachedAt)
      implements Serializable {}

  /** The body of {@code POST /orders}: a room, or an estate (and building) with the place. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Input(
      Long categoryId,
      String priority,
      String description,
      Long roomId,
      Long estateId,
      Long buildingId,
      String place,
      String channel,
      Long reporterPersonId,
      String contactName,
      String contactPhone)
      implements Serializable {}

  /**
   * The body of {@code POST /orders/{id}/{action}}: a note, a pause or cancel reason, the new
   * assignee of a dispatch or transfer, the charge of a paid repair when completing, and the
   * version read (a step on a changed order is refused).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Step(
      String note,
      String reason,
      Long assigneeUserId,
      Long assigneeTeamId,
      Long version,
      java.math.BigDecimal charge)
      implements Serializable {}
}
