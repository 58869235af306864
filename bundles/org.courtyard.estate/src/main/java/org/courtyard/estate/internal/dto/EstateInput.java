package org.courtyard.estate.internal.dto;

/** Body of {@code POST /estates}. */
public record EstateInput(String code, String name, String address) {}
