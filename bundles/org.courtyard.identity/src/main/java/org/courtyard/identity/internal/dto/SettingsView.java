package org.courtyard.identity.internal.dto;

/**
 * The company's identity settings: how long the audit log is kept, and whether every staff member
 * must sign in with a second factor.
 */
public record SettingsView(int auditRetentionDays, boolean requireTotp, int version) {}
