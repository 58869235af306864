package org.courtyard.identity.internal.dto;

import java.util.List;

/**
 * Body of {@code PUT /identity/sso}. {@code clientSecret}: absent keeps the current one, a blank
 * one removes it. {@code matchClaim}: {@code preferred_username} (the default) or {@code email}.
 * {@code createScope}: {@code company} (the default), {@code estates} or {@code buildings} with
 * {@code createScopeIds}.
 */
public record SsoSettingsUpdate(
    Boolean enabled,
    String issuer,
    String clientId,
    String clientSecret,
    String matchClaim,
    Boolean createUsers,
    String createRole,
    String createScope,
    List<Long> createScopeIds,
    List<String> redirectOrigins,
    Integer version) {}
