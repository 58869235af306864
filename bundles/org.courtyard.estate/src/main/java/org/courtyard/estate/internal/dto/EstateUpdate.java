package org.courtyard.estate.internal.dto;

/** Body of {@code PUT /estates/{id}}: replaces all fields; {@code version} is required. */
public record EstateUpdate(String code, String name, String address, Integer version) {}
