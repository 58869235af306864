package org.courtyard.identity.internal.dto;

import java.util.List;

/**
 * The company's sign-in through its own OpenID Connect provider: the provider (issuer), the client
 * Courtyard is there, which claim names the staff account, whether unknown users are created and
 * with what grant, the origins a sign-in may return to. The client secret is never shown, only
 * whether one is set. {@code callbackUrl} is the redirect URI to register at the provider, {@code
 * startUrl} where a sign-in begins.
 */
public record SsoSettingsView(
    boolean enabled,
    String issuer,
    String clientId,
    boolean clientSecretSet,
    String matchClaim,
    boolean createUsers,
    String createRole,
    String createScope,
    List<Long> createScopeIds,
    List<String> redirectOrigins,
    String callbackUrl,
    String startUrl,
    int version) {}
