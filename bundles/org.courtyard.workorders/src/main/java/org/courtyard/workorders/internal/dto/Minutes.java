package org.courtyard.workorders.internal.dto;

/** Minutes allowed per priority. */
public record Minutes(Integer normal, Integer urgent, Integer emergency) {}
