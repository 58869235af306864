package org.courtyard.identity.internal.dto;

/**
 * What a sign-in or a refresh answers: a short-lived access token for {@code Authorization:
 * Bearer}, and a refresh token that can be used once to get the next pair. A staff member's sign-in
 * names the {@code user}, a resident's the {@code resident}; the other is null.
 */
public record TokenView(
    String accessToken,
    String tokenType,
    long expiresIn,
    String refreshToken,
    long refreshExpiresIn,
    UserView user,
    ResidentView resident,
    boolean secondFactorSetupRequired) {}
