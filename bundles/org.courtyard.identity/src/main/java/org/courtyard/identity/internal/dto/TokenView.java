package org.courtyard.identity.internal.dto;

/**
 * What a sign-in or a refresh answers: a short-lived access token for {@code Authorization:
 * Bearer}, and a refresh token that can be used once to get the next pair.
 */
public record TokenView(
    String accessToken,
    String tokenType,
    long expiresIn,
    String refreshToken,
    long refreshExpiresIn,
    UserView user,
    boolean secondFactorSetupRequired) {}
