package org.courtyard.driver;

import java.util.Map;
import java.util.Objects;

/**
 * A command for a device, e.g. {@code open} with {@code door=1, seconds=5}.
 *
 * @param id the platform's id of the command; devices echo it in their acknowledgement ({@link
 *     DeviceRecord.CommandAck}), so it must fit the device's format (drivers use its low 32 bits)
 */
public record Command(long id, String name, Map<String, String> arguments) {
  public Command {
    Objects.requireNonNull(name, "name");
    arguments = Map.copyOf(arguments);
  }

  public String argument(String key, String fallback) {
    return arguments.getOrDefault(key, fallback);
  }
}
