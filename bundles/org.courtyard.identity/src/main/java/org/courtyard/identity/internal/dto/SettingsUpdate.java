package org.courtyard.identity.internal.dto;

/** Body of {@code PUT /identity/settings}. */
public record SettingsUpdate(Integer auditRetentionDays, Boolean requireTotp, Integer version) {}
