package org.courtyard.identity.internal.dto;

/**
 * Body of {@code POST /auth/resident/verify}: the address the code went to, the code, and, when
 * several residents share that address, which of them is signing in.
 */
public record ResidentVerifyInput(
    String tenant, String phone, String email, String code, Long personId) {}
