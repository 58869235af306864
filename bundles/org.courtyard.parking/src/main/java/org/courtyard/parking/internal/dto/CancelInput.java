package org.courtyard.parking.internal.dto;

/** Body of {@code POST /parking/{leases|reservations}/{id}/cancel}. */
public record CancelInput(String reason, Integer version) {}
