package org.courtyard.admin.api;

/** A module switched on or off for a tenant, with how long the platform took. */
public record ModuleChange(Tenant tenant, String module, boolean enabled, long tookMs) {}
