package org.courtyard.identity.internal.dto;

/** Body of {@code POST /auth/login}: the company (tenant slug), the user name and password. */
public record LoginInput(String tenant, String username, String password) {}
