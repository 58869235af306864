package org.courtyard.devices.internal;

import java.util.Set;
import java.util.regex.Pattern;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Problems;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;
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

  private static final Texts TEXTS = Texts.of(DeviceRules.class);

  private DeviceRules() {}

  /** Whether {@code id} can be a device's id (anything else is no device of the tenant). */
  static boolean validId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /**
   * What a registration's location names in estate, to be looked up there: the room of a {@code
   * room}, the building of a {@code building}, and the building or estate a {@code gate} or {@code
   * area} is placed in (null when not named).
   */
  record Names(Long room, Long building, Long estate) {}

  /**
   * Checks a registration's fields.
   *
   * @return what its location names in estate
   * @throws ProblemException 422 {@code validation-failed} naming every field that is wrong
   */
  static Names checkRegistration(DeviceInput in) {
    FieldErrors errors = new FieldErrors();
    if (!validId(in.id())) {
      errors.add("id", TEXTS.text("field.id"));
    }
    if (in.type() == null || !DriverInfo.validDeviceType(in.type())) {
      errors.add("type", TEXTS.text("field.type"));
    }
    if (in.name() == null || in.name().isBlank() || in.name().length() > 100) {
      errors.add("name", TEXTS.text("field.name"));
    }
    DeviceInput.Location loc = in.location();
    Names names = new Names(null, null, null);
    if (loc == null || loc.kind() == null || !LOCATION_KINDS.contains(loc.kind())) {
      errors.add("location.kind", TEXTS.text("field.location-kind", LOCATION_KINDS));
    } else if (loc.ref() == null || !REF.matcher(loc.ref()).matches()) {
      errors.add("location.ref", TEXTS.text("field.location-ref"));
    } else {
      if (loc.estateId() != null && loc.estateId() <= 0) {
        errors.add("location.estateId", TEXTS.text("field.estate-id"));
      }
      if (loc.buildingId() != null && loc.buildingId() <= 0) {
        errors.add("location.buildingId", TEXTS.text("field.building-id"));
      }
      switch (loc.kind()) {
        case "room" ->
            names = new Names(id(errors, loc.ref(), TEXTS.text("field.room-ref")), null, null);
        case "building" ->
            names = new Names(null, id(errors, loc.ref(), TEXTS.text("field.building-ref")), null);
        default -> names = new Names(null, loc.buildingId(), loc.estateId());
      }
    }
    errors.throwIfAny();
    return names;
  }

  private static Long id(FieldErrors errors, String ref, Text what) {
    try {
      long id = Long.parseLong(ref);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.add("location.ref", what);
    return null;
  }

  /**
   * Checks the estate and building a registration states against where its room or building is; a
   * gate or area takes them as stated.
   *
   * @throws ProblemException 422 {@code validation-failed} for one that differs
   */
  static void checkStatedPlace(DeviceInput.Location loc, Long estateId, Long buildingId) {
    FieldErrors errors = new FieldErrors();
    if (loc.estateId() != null && !loc.estateId().equals(estateId)) {
      errors.add("location.estateId", TEXTS.text("field.stated-estate", estateId));
    }
    if (loc.buildingId() != null && !loc.buildingId().equals(buildingId)) {
      errors.add("location.buildingId", TEXTS.text("field.stated-building", buildingId));
    }
    errors.throwIfAny();
  }

  /**
   * 403 {@code outside-scope}: a write to something tied to no estate (here a device placed
   * nowhere), which only the whole company's grant may make.
   */
  static ProblemException outsideScope(Text what) {
    return Problems.outsideScope(
        TEXTS.text("scope.no-place", what), TEXTS.text("scope.whole-company"));
  }

  /**
   * @throws ProblemException 400 {@code invalid-command} for a name that is no command's
   */
  static void checkCommandName(String name) {
    if (name == null || !COMMAND.matcher(name).matches()) {
      throw TEXTS.problem(400, "invalid-command", "command.name");
    }
  }

  /** The longest Idempotency-Key accepted, as billing's. */
  static final int MAX_IDEMPOTENCY_KEY = 200;

  /**
   * A command's Idempotency-Key header, or null without one.
   *
   * @throws ProblemException 400 {@code invalid-idempotency-key} for one that is not 1 to 200
   *     visible ASCII characters
   */
  static String idempotencyKey(String key) {
    if (key == null || key.isEmpty()) {
      return null;
    }
    if (key.length() > MAX_IDEMPOTENCY_KEY || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
      throw TEXTS.problem(
          400, "invalid-idempotency-key", "command.idempotency-key", MAX_IDEMPOTENCY_KEY);
    }
    return key;
  }
}
