package org.courtyard.identity.internal.dto;

/** A code from the authenticator app. */
public record CodeInput(String code) {}
