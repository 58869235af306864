package org.courtyard.workorders.internal.dto;

/** The company's answer to a complaint, which the resident reads in the order's timeline. */
public record ReplyInput(String text) {}
