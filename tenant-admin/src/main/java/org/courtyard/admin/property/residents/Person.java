package org.courtyard.admin.property.residents;

import java.io.Serializable;

/**
 * A person as the residents list shows them ({@code GET /residents/persons}): phone and identity
 * number masked by the API ({@code +86 138****5678}).
 */
public record Person(
    long id, String fullName, String phone, String idType, String idNumber, String email)
    implements Serializable {}
