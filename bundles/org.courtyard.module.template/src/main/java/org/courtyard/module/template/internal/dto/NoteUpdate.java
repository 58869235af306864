package org.courtyard.module.template.internal.dto;

/** Body of {@code PUT /notes/{id}}: replaces all fields; {@code version} is the one last read. */
public record NoteUpdate(String title, String body, Integer priority, Integer version) {}
