package org.courtyard.identity.internal.dto;

/**
 * What asking for a sign-in code answers, whether or not the address belongs to a resident: where
 * the code went (masked), how long it is valid and when another may be asked for, in seconds.
 */
public record CodeSentView(String sentTo, long expiresIn, long resendAfter) {}
