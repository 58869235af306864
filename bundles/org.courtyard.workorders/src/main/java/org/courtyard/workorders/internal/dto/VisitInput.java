package org.courtyard.workorders.internal.dto;

/** A return visit (回访): whether the resident was reached, their satisfaction 1 to 5, a note. */
public record VisitInput(Boolean reached, Integer satisfaction, String note) {}
