package org.courtyard.devices.internal;

import java.util.Set;
import java.util.regex.Pattern;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.devices.internal.dto.DeviceInput;
import org.courtyard.driver.DriverInfo;

/**
 * What a device registration and a command must look like, checked before anything reaches the
 * driver, the broker or the database. A registration's problems are collected in one {@link
 * FieldErrors}, so the client gets all of them in one 422 answer.
 */
final class DeviceRules {

  private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");
  private static final Set<String> LOCATION_KINDS = Set.of("room", "building", "gate", "area");
  private static final Pattern REF = Pattern.compile("^[\\p{L}\\p{N} ._/#-]{1,64}$");
  private static final Pattern COMMAND = Pattern.compile("^[a-z][a-z0-9-]{0,39}$");

  private DeviceRules() {}

  /** Whether {@code id} can be a device's id (anything else is no device of the tenant). */
  static boolean validId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /**
   * Checks a registration's fields.
   *
   * @return the room the device is placed in, or null when it is placed elsewhere
   * @throws ProblemException 422 {@code validation-failed} naming every field that is wrong
   */
  static Long checkRegistration(DeviceInput in) {
    FieldErrors errors = new FieldErrors();
    if (!validId(in.id())) {
      errors.add("id", "1-64 of a-z, 0-9, '_' and '-', starting with a letter or digit");
    }
    if (in.type() == null || !DriverInfo.validDeviceType(in.type())) {
      errors.add("type", "a device type such as water-meter or door-controller");
    }
    if (in.name() == null || in.name().isBlank() || in.name().length() > 100) {
      errors.add("name", "1-100 characters");
    }
    DeviceInput.Location loc = in.location();
    Long roomId = null;
    if (loc == null || loc.kind() == null || !LOCATION_KINDS.contains(loc.kind())) {
      errors.add("location.kind", "one of " + LOCATION_KINDS);
    } else if (loc.ref() == null || !REF.matcher(loc.ref()).matches()) {
      errors.add("location.ref", "1-64 letters, digits, spaces or ._/#-");
    } else if (loc.kind().equals("room")) {
      try {
        roomId = Long.parseLong(loc.ref());
      } catch (NumberFormatException e) {
        errors.add("location.ref", "the room's id");
      }
    }
    errors.throwIfAny();
    return roomId;
  }

  /**
   * @throws ProblemException 400 {@code invalid-command} for a name that is no command's
   */
  static void checkCommandName(String name) {
    if (name == null || !COMMAND.matcher(name).matches()) {
      throw ProblemException.badRequest(
          "invalid-command", "Invalid command", "name: 1-40 of a-z, 0-9 and '-'.");
    }
  }
}
