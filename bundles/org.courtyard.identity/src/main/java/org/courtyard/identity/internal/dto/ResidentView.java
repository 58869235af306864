package org.courtyard.identity.internal.dto;

/** The signed-in resident: the account, and the person of the residents module it is linked to. */
public record ResidentView(long accountId, long personId, String fullName) {}
