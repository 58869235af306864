package org.courtyard.identity.internal.dto;

/** Body of {@code PUT /identity/users/{id}}. */
public record UserUpdate(String displayName, String phone, String email, Integer version) {}
