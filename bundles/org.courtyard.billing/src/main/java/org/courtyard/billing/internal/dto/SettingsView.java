package org.courtyard.billing.internal.dto;

/** The tenant's billing settings; also the body of {@code PUT /settings} (with {@code version}). */
public record SettingsView(String currency, Integer graceDays, String timeZone, Integer version) {}
