package org.courtyard.security.internal.dto;

/** Who acknowledges or resolves an alarm, and why. */
public record AlarmAction(String by, String note) {}
