package org.courtyard.residents.internal.dto;

/**
 * Body of {@code POST /persons}. {@code idType} is resident_id, passport or other; it defaults to
 * resident_id when {@code idNumber} is given.
 */
public record PersonInput(
    String fullName, String phone, String idType, String idNumber, String email, String note) {}
