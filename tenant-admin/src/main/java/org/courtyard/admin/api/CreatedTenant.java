package org.courtyard.admin.api;

/** Answer of onboarding: the admin token is shown once and never again. */
public record CreatedTenant(Tenant tenant, String adminToken, long tookMs) {}
