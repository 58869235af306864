package org.courtyard.security.internal.dto;

import java.util.List;

/**
 * A patrol route to create, or (with the {@code version} read) its new fields: its checkpoints, the
 * local times its rounds start, their length.
 */
public record RouteInput(
    String name,
    List<String> checkpoints,
    List<String> times,
    Integer roundMinutes,
    Integer version) {}
