package org.courtyard.workorders.internal.dto;

import java.math.BigDecimal;

/**
 * A step asked of an order: a note, a reason (pausing, cancelling), the new assignee (dispatching,
 * transferring), the charge of a paid repair (completing), and the version the caller saw, to
 * refuse a step taken on an outdated view.
 */
public record ActionInput(
    String note,
    String reason,
    Long assigneeUserId,
    Long assigneeTeamId,
    Integer version,
    BigDecimal charge) {}
