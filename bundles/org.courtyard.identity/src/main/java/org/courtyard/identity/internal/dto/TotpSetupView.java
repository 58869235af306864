package org.courtyard.identity.internal.dto;

/**
 * A second factor being set up: the secret (Base32) and the {@code otpauth://} URI an authenticator
 * app reads from a QR code; confirm it with a first code.
 */
public record TotpSetupView(String secret, String otpauthUri, int digits, int periodSeconds) {}
