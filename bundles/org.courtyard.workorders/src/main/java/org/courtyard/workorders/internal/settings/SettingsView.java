package org.courtyard.workorders.internal.settings;

/**
 * The tenant's work-order settings; also the body of {@code PUT /settings}, with the {@code
 * version} last read. {@code makeupHours}: the periods a make-up working day (调休) works when it
 * names none, such as {@code 08:30-12:00,13:30-17:30}; null for Monday's.
 */
public record SettingsView(
    String timeZone,
    Integer warnPercent,
    Integer autoConfirmDays,
    Integer reopenDays,
    String makeupHours,
    Integer version) {}
