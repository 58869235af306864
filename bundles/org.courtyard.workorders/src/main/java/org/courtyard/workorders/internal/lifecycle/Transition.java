package org.courtyard.workorders.internal.lifecycle;

/** The outcome of an allowed step: the order's progress after it, and its timeline entry. */
public record Transition(OrderProgress after, TimelineEntry entry) {}
