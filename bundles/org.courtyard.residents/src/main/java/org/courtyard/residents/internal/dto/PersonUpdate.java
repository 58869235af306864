package org.courtyard.residents.internal.dto;

/** Body of {@code PUT /persons/{id}}: replaces all fields; {@code version} is required. */
public record PersonUpdate(
    String fullName,
    String phone,
    String idType,
    String idNumber,
    String email,
    String note,
    Integer version) {}
