package org.courtyard.identity.internal.dto;

/** Body of {@code POST /auth/refresh} and {@code /auth/logout}. */
public record RefreshInput(String refreshToken) {}
