package org.courtyard.admin.property.workorders;

import java.io.Serializable;

/**
 * Which kind of device alarm opens a work order ({@code GET /workorders/alarm-rules}): the repair
 * category and priority of the order; {@code categoryId} null for a kind that opens none.
 */
public record AlarmRule(
    String kind, Long categoryId, String priority, Boolean enabled, Integer version)
    implements Serializable {}
