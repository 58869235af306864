package org.courtyard.workorders.internal.dto;

/**
 * An order as staff record it (a resident's call, a counter visit, their own visit or an
 * inspection), or as a resident reports it in the app (room and contact only).
 */
public record NewOrder(
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
    String contactPhone) {}
