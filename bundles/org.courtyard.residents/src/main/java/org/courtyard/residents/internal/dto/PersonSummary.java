package org.courtyard.residents.internal.dto;

import java.time.Instant;

/**
 * A person as lists and searches show it: {@code phone} and {@code idNumber} masked ({@code +86
 * 138****5678}, {@code 1101**********1234}), and no {@code note}, which is free text that may hold
 * anything. The full record is one {@code GET /persons/{id}} away.
 */
public record PersonSummary(
    long id,
    String fullName,
    String phone,
    String idType,
    String idNumber,
    String email,
    Instant createdAt,
    Instant updatedAt,
    int version) {}
