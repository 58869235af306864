package org.courtyard.security.internal.dto;

/** Body of revoking a credential, optional: why ({@code reason}, at most 200 characters). */
public record RevokeInput(String reason) {}
