package org.courtyard.admin.api;

import java.io.Serializable;

/**
 * The tokens of a staff sign-in ({@code POST /auth/login}, {@code /auth/refresh}, or the fragment
 * of a single sign-on's return): access token for 15 minutes, refresh token used once.
 */
public record StaffTokens(
    String accessToken, long expiresIn, String refreshToken, long refreshExpiresIn)
    implements Serializable {}
