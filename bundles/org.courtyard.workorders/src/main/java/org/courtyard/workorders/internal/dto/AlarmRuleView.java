package org.courtyard.workorders.internal.dto;

/**
 * Which kind of device alarm opens an order, in which category and at which priority; a kind with
 * no rule ({@code categoryId} null, version 0) opens none. {@code enabled} false keeps the rule but
 * opens nothing.
 */
public record AlarmRuleView(
    String kind, Long categoryId, String priority, Boolean enabled, Integer version) {}
