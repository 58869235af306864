package org.courtyard.devices.internal.dto;

import java.util.Map;

/** A command to send, e.g. {@code {"name": "open", "arguments": {"door": "1"}}}. */
public record CommandInput(String name, Map<String, String> arguments) {}
