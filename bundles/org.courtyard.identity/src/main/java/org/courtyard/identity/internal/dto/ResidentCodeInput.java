package org.courtyard.identity.internal.dto;

/**
 * Body of {@code POST /auth/resident/code}: the company (tenant slug) and the resident's phone
 * number or e-mail address (one of them), and the language of the message ({@code zh} or {@code
 * en}; Chinese when absent).
 */
public record ResidentCodeInput(String tenant, String phone, String email, String language) {}
