package org.courtyard.admin.property.residents;

import java.io.Serializable;

/** One person in full ({@code GET /residents/persons/{id}}): phone and identity number unmasked. */
public record PersonDetail(
    long id,
    String fullName,
    String phone,
    String idType,
    String idNumber,
    String email,
    String note,
    int version)
    implements Serializable {}
