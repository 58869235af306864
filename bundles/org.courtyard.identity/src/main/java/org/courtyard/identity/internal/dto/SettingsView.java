package org.courtyard.identity.internal.dto;

/** The company's identity settings: how long the audit log is kept. */
public record SettingsView(int auditRetentionDays, int version) {}
