package org.courtyard.residents.internal.dto;

import java.time.Instant;

/**
 * One person in full, as {@code GET /persons/{id}} and writes return it: {@code phone} normalised
 * ({@code +8613812345678}), {@code idNumber} unmasked.
 */
public record PersonView(
    long id,
    String fullName,
    String phone,
    String idType,
    String idNumber,
    String email,
    String note,
    Instant createdAt,
    Instant updatedAt,
    int version) {}
