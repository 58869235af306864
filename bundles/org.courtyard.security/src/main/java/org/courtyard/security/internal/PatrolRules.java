package org.courtyard.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.security.internal.dto.CheckinInput;
import org.courtyard.security.internal.dto.CheckinView;
import org.courtyard.security.internal.dto.RoundView;
import org.courtyard.security.internal.dto.RouteInput;
import org.courtyard.security.internal.dto.RouteView;

/**
 * What patrol routes and check-ins must be, and how a round stands. The table repeats the limits it
 * can check ({@code db/security/V3__patrol.sql}).
 */
final class PatrolRules {

  static final String SCHEDULED = "scheduled";
  static final String IN_PROGRESS = "in_progress";
  static final String COMPLETED = "completed";
  static final String MISSED = "missed";

  /** The longest round ({@code patrol_route_minutes_ck}). */
  static final Duration LONGEST_ROUND = Duration.ofMinutes(720);

  private static final Pattern CHECKPOINT = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_:.-]{0,99}$");
  private static final Pattern TIME = Pattern.compile("^([01][0-9]|2[0-3]):[0-5][0-9]$");
  private static final int NAME_MAX = 100;
  private static final int GUARD_MAX = 100;
  private static final int CHECKPOINTS_MAX = 200;
  private static final int TIMES_MAX = 48;
  private static final int ROUND_MINUTES_MIN = 5;

  private static final Texts TEXTS = Texts.of(PatrolRules.class);

  private PatrolRules() {}

  /**
   * @throws ProblemException 422 {@code validation-failed} naming every field that is wrong
   */
  static void checkRoute(RouteInput in) {
    FieldErrors errors = new FieldErrors();
    if (TextRules.trimToNull(in.name()) == null || in.name().length() > NAME_MAX) {
      errors.add("name", TEXTS.text("patrol.name"));
    }
    if (in.checkpoints() == null
        || in.checkpoints().isEmpty()
        || in.checkpoints().size() > CHECKPOINTS_MAX
        || in.checkpoints().stream().anyMatch(c -> c == null || !CHECKPOINT.matcher(c).matches())
        || in.checkpoints().stream().distinct().count() != in.checkpoints().size()) {
      errors.add("checkpoints", TEXTS.text("patrol.checkpoints"));
    }
    if (in.times() == null
        || in.times().isEmpty()
        || in.times().size() > TIMES_MAX
        || in.times().stream().anyMatch(t -> t == null || !TIME.matcher(t).matches())) {
      errors.add("times", TEXTS.text("patrol.times"));
    }
    if (in.roundMinutes() == null
        || in.roundMinutes() < ROUND_MINUTES_MIN
        || in.roundMinutes() > LONGEST_ROUND.toMinutes()) {
      errors.add("roundMinutes", TEXTS.text("patrol.round-minutes"));
    }
    errors.throwIfAny();
  }

  /**
   * @throws ProblemException 422 {@code validation-failed} naming every field that is wrong
   */
  static void checkCheckin(CheckinInput in) {
    FieldErrors errors = new FieldErrors();
    if (in.checkpoint() == null || !CHECKPOINT.matcher(in.checkpoint()).matches()) {
      errors.add("checkpoint", TEXTS.text("patrol.checkpoint"));
    }
    if (TextRules.trimToNull(in.guard()) == null || in.guard().length() > GUARD_MAX) {
      errors.add("guard", TEXTS.text("patrol.guard"));
    }
    errors.throwIfAny();
  }

  /**
   * The devices whose readers a route's checkpoints name, each once in the order first named: a
   * checkpoint {@code <device>:<door>} is a reader (a guard badging there checks in), any other an
   * app's tag. Where the route is, for data scopes; {@link Patrols#ROUTE_IN_SCOPE} says the same in
   * SQL.
   */
  static List<String> checkpointDevices(List<String> checkpoints) {
    return checkpoints.stream()
        .filter(c -> c.indexOf(':') > 0)
        .map(c -> c.substring(0, c.indexOf(':')))
        .distinct()
        .toList();
  }

  /**
   * @throws ProblemException 400 {@code invalid-date} for anything but {@code YYYY-MM-DD}
   */
  static LocalDate day(String date) {
    try {
      return LocalDate.parse(date);
    } catch (DateTimeParseException | NullPointerException e) {
      throw TEXTS.problem(400, "invalid-date", "params.date");
    }
  }

  /** A guard's name as the check-in column ({@code varchar(100)}) holds it. */
  static String guard(String guard) {
    return TextRules.clip(guard, GUARD_MAX);
  }

  /**
   * A round as it stands at {@code now}: completed once every checkpoint is checked in, missed
   * (with what is left) once its window has passed without that.
   *
   * @param checkpoints the round's: its route's when the round was made
   * @param checkins the round's check-ins by checkpoint, in the order made
   */
  static RoundView round(
      long id,
      RouteView route,
      List<String> checkpoints,
      Instant starts,
      Instant due,
      Map<String, CheckinView> checkins,
      Instant now) {
    List<String> left = checkpoints.stream().filter(p -> !checkins.containsKey(p)).toList();
    String status;
    if (left.isEmpty()) {
      status = COMPLETED;
    } else if (now.isAfter(due)) {
      status = MISSED;
    } else if (!checkins.isEmpty()) {
      status = IN_PROGRESS;
    } else {
      status = SCHEDULED;
    }
    return new RoundView(
        id,
        route.id(),
        route.name(),
        starts,
        due,
        status,
        List.copyOf(checkins.values()),
        status.equals(MISSED) ? left : List.of());
  }
}
