package org.courtyard.security.internal.dto;

/** The answer to a door: allowed, or why not. */
public record Decision(boolean allowed, String reason, Long credentialId, String holder) {}
