package org.courtyard.security.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.Params;
import org.courtyard.security.internal.dto.CredentialInput;
import org.courtyard.security.internal.dto.CredentialView;

/**
 * What an access credential must be, and when it opens a door. A credential is a card, a PIN or a
 * QR code as the door controller reports it, held by someone, valid for some doors ({@code
 * <device>} for all of a controller's doors, {@code <device>:<door>} for one) from a time and until
 * an optional time. Only one credential of a kind and value is active at a time (the index {@code
 * access_credential_active_uq}).
 */
final class CredentialRules {

  static final Set<String> KINDS = Set.of("card", "pin", "qr");
  static final String ACTIVE = "active";
  static final String REVOKED = "revoked";

  private static final Pattern VALUE = Pattern.compile("^[!-~]{1,64}$");
  private static final Pattern DOOR =
      Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}(:[A-Za-z0-9_-]{1,32})?$");
  private static final int HOLDER_MAX = 100;
  private static final int REASON_MAX = 200;
  private static final int ACTOR_MAX = 100;
  private static final int DOORS_MAX = 100;

  private static final Texts TEXTS = Texts.of(CredentialRules.class);

  /** When an issued credential is valid: from {@code from}, until {@code to} (null: no end). */
  record Validity(Instant from, Instant to) {}

  private CredentialRules() {}

  /**
   * Checks a credential to issue at {@code now}, the default start of its validity.
   *
   * @throws ProblemException 422 {@code validation-failed} naming every field that is wrong
   */
  static Validity check(CredentialInput in, Instant now) {
    FieldErrors errors = new FieldErrors();
    if (in.kind() == null || !KINDS.contains(in.kind())) {
      errors.add("kind", TEXTS.text("credential.kind", KINDS));
    }
    if (in.credential() == null || !VALUE.matcher(in.credential()).matches()) {
      errors.add("credential", TEXTS.text("credential.value"));
    }
    if (TextRules.trimToNull(in.holder()) == null || in.holder().length() > HOLDER_MAX) {
      errors.add("holder", TEXTS.text("credential.holder"));
    }
    if (in.personId() != null && in.personId() <= 0) {
      errors.add("personId", TEXTS.text("credential.person-id"));
    }
    if (in.doors() == null || in.doors().isEmpty() || in.doors().size() > DOORS_MAX) {
      errors.add("doors", TEXTS.text("credential.doors"));
    } else {
      for (String d : in.doors()) {
        if (d == null || !DOOR.matcher(d).matches()) {
          errors.add("doors", TEXTS.text("credential.door", d));
        }
      }
    }
    Instant from = instant(errors, "validFrom", in.validFrom(), now);
    Instant to = instant(errors, "validTo", in.validTo(), null);
    if (from != null && to != null && !to.isAfter(from)) {
      errors.add("validTo", TEXTS.text("credential.valid-to"));
    }
    errors.throwIfAny();
    return new Validity(from, to);
  }

  /**
   * Why a credential is revoked, as stored: optional, one line of at most 200 characters.
   *
   * @throws ProblemException 422 {@code validation-failed} naming {@code reason}
   */
  static String checkReason(String reason) {
    FieldErrors errors = new FieldErrors();
    String why = TextRules.optionalLine(reason, "reason", REASON_MAX, errors);
    errors.throwIfAny();
    return why;
  }

  /** Who revoked, as the {@code revoked_by} column ({@code varchar(100)}) holds it. */
  static String actor(String by) {
    return TextRules.clip(by, ACTOR_MAX);
  }

  /**
   * A list's {@code kind} filter: blank is any.
   *
   * @throws ProblemException 400 {@code invalid-parameter} for anything but card, pin or qr
   */
  static String kindFilter(String kind) {
    if (kind == null || kind.isBlank()) {
      return null;
    }
    if (!KINDS.contains(kind.strip())) {
      throw Params.invalid(TEXTS.text("params.credential-kind", KINDS));
    }
    return kind.strip();
  }

  /**
   * A list's {@code door} filter, {@code <device>} or {@code <device>:<door>}: blank is any.
   *
   * @throws ProblemException 400 {@code invalid-parameter} for anything else
   */
  static String doorFilter(String door) {
    if (door == null || door.isBlank()) {
      return null;
    }
    if (!DOOR.matcher(door.strip()).matches()) {
      throw Params.invalid(TEXTS.text("params.credential-door"));
    }
    return door.strip();
  }

  /**
   * What a door asks about must name a kind, a value and one door of a controller.
   *
   * @throws ProblemException 400 {@code invalid-parameter}
   */
  static void checkQuestion(String kind, String credential, String door) {
    if (kind == null
        || !KINDS.contains(kind)
        || credential == null
        || door == null
        || !DOOR.matcher(door).matches()
        || !door.contains(":")) {
      throw Params.invalid(TEXTS.text("params.question"));
    }
  }

  /**
   * Why {@code v} does not open {@code door} ({@code <device>:<door>}) at {@code at}, or null when
   * it does: a credential valid for a controller opens each of its doors.
   */
  static String refusal(CredentialView v, String door, Instant at) {
    String device = door.substring(0, door.indexOf(':'));
    if (v.status().equals(REVOKED)) {
      return "revoked";
    } else if (at.isBefore(v.validFrom())) {
      return "not valid yet";
    } else if (v.validTo() != null && !at.isBefore(v.validTo())) {
      return "expired";
    } else if (!v.doors().contains(door) && !v.doors().contains(device)) {
      return "not valid for this door";
    }
    return null;
  }

  private static Instant instant(FieldErrors errors, String field, String value, Instant dflt) {
    if (value == null || value.isBlank()) {
      return dflt;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.add(field, TEXTS.text("credential.instant"));
      return null;
    }
  }
}
