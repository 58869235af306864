package org.courtyard.security.internal.dto;

/** Who opens which door of a controller (default 1) from the guard room, and why. */
public record RemoteOpen(String door, String by, String reason) {}
