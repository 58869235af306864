package org.courtyard.security.internal.dto;

import java.util.List;

/** A credential to issue. Times are ISO-8601 instants; {@code validFrom} defaults to now. */
public record CredentialInput(
    String kind,
    String credential,
    String holder,
    Long personId,
    List<String> doors,
    String validFrom,
    String validTo) {}
