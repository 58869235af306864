package org.courtyard.module.template.internal.dto;

/** Body of {@code POST /notes}. */
public record NoteInput(String title, String body, Integer priority) {}
