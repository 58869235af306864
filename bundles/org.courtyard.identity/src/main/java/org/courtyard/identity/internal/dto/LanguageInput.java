package org.courtyard.identity.internal.dto;

/** {@code PUT /auth/me/language}: {@code zh} or {@code en}. */
public record LanguageInput(String language) {}
