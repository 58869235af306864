package org.courtyard.identity.internal.dto;

/**
 * Body of {@code POST /auth/login}: the company (tenant slug), the user name and password, and the
 * authenticator app's current code when the account has a second factor.
 */
public record LoginInput(String tenant, String username, String password, String totp) {}
