package org.courtyard.residents.internal.dto;

/** Body of {@code POST /vehicles}; {@code color} is optional. */
public record VehicleInput(Long personId, String plate, String color) {}
