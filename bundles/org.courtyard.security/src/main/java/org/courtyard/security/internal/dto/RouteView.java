package org.courtyard.security.internal.dto;

import java.util.List;

/** A patrol route. */
public record RouteView(
    long id, String name, List<String> checkpoints, List<String> times, int roundMinutes) {}
