package org.courtyard.admin.api;

/** A new second-factor secret: to type into the authenticator app, or to scan as {@code uri}. */
public record TotpSetup(String secret, String uri, int digits, long periodSeconds) {}
