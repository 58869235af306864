package org.courtyard.identity.internal.dto;

/** Body of {@code POST /identity/users}. */
public record UserInput(
    String username, String displayName, String phone, String email, String password) {}
