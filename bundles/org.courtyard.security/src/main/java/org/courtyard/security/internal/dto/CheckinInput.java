package org.courtyard.security.internal.dto;

/** A guard's check-in at a checkpoint from the app. */
public record CheckinInput(String checkpoint, String guard) {}
