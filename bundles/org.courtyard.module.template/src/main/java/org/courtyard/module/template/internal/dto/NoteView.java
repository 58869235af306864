package org.courtyard.module.template.internal.dto;

import java.time.Instant;

/** A note as the API returns it. */
public record NoteView(
    long id,
    String title,
    String body,
    int priority,
    Instant createdAt,
    Instant updatedAt,
    int version) {}
