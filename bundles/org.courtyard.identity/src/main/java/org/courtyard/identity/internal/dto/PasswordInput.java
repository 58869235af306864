package org.courtyard.identity.internal.dto;

/** Body of {@code PUT /identity/users/{id}/password}. */
public record PasswordInput(String password) {}
