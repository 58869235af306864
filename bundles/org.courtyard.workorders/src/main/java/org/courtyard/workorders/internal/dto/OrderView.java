package org.courtyard.workorders.internal.dto;

import java.time.Instant;
import java.util.List;

/**
 * A work order: what, where, who reported it and how, whom it is given to, where it is in its life
 * and its two deadlines. {@code alarmId}: the security alarm that opened it, for an order a
 * device's alarm opened. {@code actions} (single reads and steps only) lists what the caller may do
 * with it now.
 */
public record OrderView(
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
    Long alarmId,
    String channel,
    String contactName,
    String contactPhone,
    Long assigneeUserId,
    Long assigneeTeamId,
    String pauseReason,
    String cancelReason,
    Instant doneAt,
    int reopenCount,
    ClockView response,
    ClockView resolution,
    boolean overdue,
    Instant autoConfirmAt,
    Instant reopenUntil,
    Instant createdAt,
    Instant updatedAt,
    int version,
    List<String> actions) {}
