package org.courtyard.security.internal.dto;

import java.time.Instant;

/** A check-in of a round: where, who, from the app or a badge ({@code device}), and when. */
public record CheckinView(String checkpoint, String guard, String source, Instant at) {}
