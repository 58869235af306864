package org.courtyard.admin.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The security module's alarms and access log as the security screens use them, under {@code
 * /api/v1/security}: alarms (newest raised first, {@code status}), acknowledge and resolve with who
 * and a note, and door decisions ({@code deviceId}, {@code granted}). An alarm or event is in the
 * caller's scope when its device's estate is; shapes, statuses and problem types follow {@code
 * AlarmsResource}, {@code AlarmRules} and {@code AccessEventsResource}. Credentials (issue with
 * field errors, one by id, revoke with who and an optional reason, {@code holder}/{@code kind}/
 * {@code door}/{@code personId}/{@code status} filters; in scope when every door's device is)
 * follow {@code CredentialsResource} and {@code CredentialRules}; patrol routes (one by id, edited
 * at their version, retired, deleted while no round began), the day's rounds (schedule, missed
 * checkpoints, each keeping the checkpoints it was made with) and check-ins follow {@code
 * PatrolResource}, {@code PatrolRoutes} and {@code PatrolRules}. A device's estate is seeded with
 * {@link #device}.
 */
public final class FakeSecurityArea implements FakeArea {

  private static final Set<String> STATUSES = Set.of("raised", "acknowledged", "resolved");

  private final List<Map<String, Object>> alarms = new ArrayList<>();
  private final List<Map<String, Object>> events = new ArrayList<>();
  private final Map<Object, Long> estates = new IdentityHashMap<>();
  private long nextAlarm = 1;
  private long nextEvent = 1;
  private final List<Map<String, Object>> credentials = new ArrayList<>();
  private final List<Map<String, Object>> routes = new ArrayList<>();
  private final List<Map<String, Object>> rounds = new ArrayList<>();
  private final Map<String, Long> devices = new LinkedHashMap<>();
  private long nextCredential = 1;
  private long nextRoute = 1;
  private long nextRound = 1;
  private long nextCommand = 1;

  /** The checkpoints each round was made with, by round id (not part of the round's JSON). */
  private final Map<Object, List<String>> roundCheckpoints = new LinkedHashMap<>();

  private static final Set<String> KINDS = Set.of("card", "pin", "qr");
  private static final Pattern VALUE = Pattern.compile("^[!-~]{1,64}$");
  private static final Pattern DOOR =
      Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}(:[A-Za-z0-9_-]{1,32})?$");
  private static final Pattern CHECKPOINT = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_:.-]{0,99}$");
  private static final Pattern TIME = Pattern.compile("^([01]\\d|2[0-3]):[0-5]\\d$");

  @Override
  public String module() {
    return "security";
  }

  @Override
  public List<String> permissions() {
    return List.of(
        "security.alarm.handle",
        "security.access-event.read",
        "security.credential.read",
        "security.credential.issue",
        "security.credential.revoke",
        "security.patrol.read",
        "security.patrol.manage");
  }

  // ------------------------------------------------------------------------------ seeding

  /** A device raised an alarm ({@code water_leak}, {@code door_forced}...) in an estate. */
  public synchronized long alarm(
      String kind, String deviceId, Long estateId, String detail, Instant at) {
    Map<String, Object> a = new LinkedHashMap<>();
    long id = nextAlarm++;
    a.put("id", id);
    a.put("kind", kind);
    a.put("deviceId", deviceId);
    a.put("source", "device");
    a.put("detail", detail);
    a.put("status", "raised");
    a.put("raisedAt", at.toString());
    a.put("acknowledgedAt", null);
    a.put("acknowledgedBy", null);
    a.put("resolvedAt", null);
    a.put("resolvedBy", null);
    a.put("note", null);
    alarms.add(a);
    estates.put(a, estateId);
    return id;
  }

  /** A door controller's decision. */
  public synchronized void accessEvent(
      String deviceId,
      String door,
      Long estateId,
      boolean granted,
      String reason,
      String holder,
      Instant at) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("id", nextEvent++);
    e.put("deviceId", deviceId);
    e.put("door", door);
    e.put("credentialKind", "card");
    e.put("credential", "04A1****");
    e.put("granted", granted);
    e.put("reason", reason);
    e.put("at", at.toString());
    e.put("holder", holder);
    events.add(e);
    estates.put(e, estateId);
  }

  /** A door controller or patrol reader in an estate: where its credentials and routes are. */
  public synchronized void device(String deviceId, long estateId) {
    devices.put(deviceId, estateId);
  }

  /** A credential issued earlier, as if through the API. */
  public synchronized long credential(
      String kind, String value, String holder, List<String> doors, Instant from, Instant to) {
    Map<String, Object> c = newCredential(kind, value, holder, null, doors, from, to);
    return ((Number) c.get("id")).longValue();
  }

  /** A route created earlier, as if through the API. */
  public synchronized long route(
      String name, List<String> checkpoints, List<String> times, int roundMinutes) {
    return ((Number) newRoute(name, checkpoints, times, roundMinutes).get("id")).longValue();
  }

  /** A round of a route from {@code start}, with check-ins ({@code checkpoint -> at}). */
  public synchronized long round(long routeId, Instant start, Map<String, Instant> checkins) {
    Map<String, Object> route =
        routes.stream().filter(x -> x.get("id").equals(routeId)).findFirst().orElseThrow();
    Map<String, Object> round = newRound(route, start);
    checkins.forEach((cp, at) -> checkinsOf(round).add(checkin(cp, "Guard Zhao", "app", at)));
    return ((Number) round.get("id")).longValue();
  }

  // ------------------------------------------------------------------------------ serving

  @Override
  public synchronized FakeResponse handle(FakeRequest r) {
    try {
      FakeResponse answer = credentials(r);
      if (answer == null) {
        answer = patrol(r);
      }
      return answer != null ? answer : alarmsAndEvents(r);
    } catch (Refusal refusal) {
      return refusal.response;
    }
  }

  private FakeResponse alarmsAndEvents(FakeRequest r) {
    if (r.is("GET", "alarms")) {
      r.require("security.alarm.read");
      String status = r.query("status");
      java.util.Set<String> statuses = new java.util.HashSet<>();
      if (status != null && !status.isBlank()) {
        for (String one : status.split(",", -1)) {
          if (!STATUSES.contains(one.strip())) {
            throw invalidParameter("status must be one of " + STATUSES + ".");
          }
          statuses.add(one.strip());
        }
      }
      List<Map<String, Object>> shown = new ArrayList<>();
      for (Map<String, Object> a : newestFirst(alarms, "raisedAt")) {
        if ((statuses.isEmpty() || statuses.contains(a.get("status")))
            && within(r, "security.alarm.read", a)) {
          shown.add(a);
        }
      }
      return FakeResponse.page(shown, r);
    }
    if (r.is("POST", "alarms/[^/]+/(acknowledge|resolve)")) {
      r.require("security.alarm.handle");
      String[] parts = r.path().split("/");
      return move(r, parts[1], parts[2].equals("acknowledge") ? "acknowledged" : "resolved");
    }
    if (r.is("GET", "access-events")) {
      r.require("security.access-event.read");
      String device = r.query("deviceId");
      String granted = r.query("granted");
      Boolean g = null;
      if (granted != null && !granted.isBlank()) {
        if (!granted.equals("true") && !granted.equals("false")) {
          throw invalidParameter("granted must be true or false.");
        }
        g = Boolean.valueOf(granted);
      }
      List<Map<String, Object>> shown = new ArrayList<>();
      for (Map<String, Object> e : newestFirst(events, "at")) {
        if ((device == null || device.isBlank() || device.equals(e.get("deviceId")))
            && (g == null || g.equals(e.get("granted")))
            && within(r, "security.access-event.read", e)) {
          shown.add(e);
        }
      }
      return FakeResponse.page(shown, r);
    }
    return null;
  }

  private FakeResponse move(FakeRequest r, String rawId, String to) {
    JsonNode in = r.body();
    if (in.isMissingNode()) {
      throw new FakeProblem(
          400,
          "missing-body",
          "Missing body",
          "Send the record as a JSON object in the request body.");
    }
    String by = in.path("by").asText("").strip();
    List<String> errors = new ArrayList<>();
    if (by.isEmpty() || by.length() > 100) {
      errors.add("by who acts: 1-100 characters");
    }
    String note = in.hasNonNull("note") ? in.path("note").asText() : null;
    if (note != null && note.length() > 500) {
      errors.add("note at most 500 characters");
    }
    if (!errors.isEmpty()) {
      throw new FakeProblem(
          422, "validation-failed", "Invalid input", String.join("; ", errors) + ".");
    }
    Map<String, Object> a =
        alarms.stream()
            .filter(x -> String.valueOf(x.get("id")).equals(rawId))
            .filter(x -> within(r, "security.alarm.handle", x))
            .findFirst()
            .orElseThrow(
                () ->
                    new FakeProblem(
                        404,
                        "alarm-not-found",
                        "Alarm not found",
                        "This tenant has no alarm " + rawId + "."));
    String status = a.get("status").toString();
    boolean allowed =
        to.equals("acknowledged") ? status.equals("raised") : !status.equals("resolved");
    if (!allowed) {
      throw new FakeProblem(
          409,
          "alarm-" + status,
          "Alarm is " + status,
          "Alarm " + rawId + " is " + status + "; it cannot be " + to + ".");
    }
    String now = Instant.now().toString();
    a.put("status", to);
    if (to.equals("acknowledged")) {
      a.put("acknowledgedAt", now);
      a.put("acknowledgedBy", by);
    } else {
      a.put("resolvedAt", now);
      a.put("resolvedBy", by);
    }
    if (note != null) {
      a.put("note", note);
    }
    return FakeResponse.json(a);
  }

  private boolean within(FakeRequest r, String permission, Map<String, Object> row) {
    Long estate = estates.get(row);
    var held = r.caller().me().scopeOf(permission);
    return held.isPresent()
        && (held.get().companyWide() || (estate != null && held.get().estates().contains(estate)));
  }

  private static List<Map<String, Object>> newestFirst(List<Map<String, Object>> rows, String at) {
    List<Map<String, Object>> sorted = new ArrayList<>(rows);
    sorted.sort(
        Comparator.comparing((Map<String, Object> x) -> Instant.parse(x.get(at).toString()))
            .thenComparing(x -> ((Number) x.get("id")).longValue())
            .reversed());
    return sorted;
  }

  private static FakeProblem invalidParameter(String detail) {
    return new FakeProblem(400, "invalid-parameter", "Invalid query parameter", detail);
  }

  // ------------------------------------------------------------------------------ credentials

  private FakeResponse credentials(FakeRequest r) {
    if (r.is("GET", "credentials")) {
      r.require("security.credential.read");
      String status = r.query("status");
      if (status != null && !status.equals("active") && !status.equals("revoked")) {
        throw invalidParameter("status must be active or revoked.");
      }
      String holder = r.query("holder");
      String h = holder == null || holder.isBlank() ? null : holder.strip().toLowerCase();
      String kind = blankToNull(r.query("kind"));
      if (kind != null && !KINDS.contains(kind)) {
        throw invalidParameter("kind must be one of " + KINDS + ".");
      }
      String door = blankToNull(r.query("door"));
      if (door != null && !DOOR.matcher(door).matches()) {
        throw invalidParameter("door must be a controller '<device>' or a door '<device>:<door>'.");
      }
      Long personId = positiveId(r, "personId");
      List<Map<String, Object>> shown = new ArrayList<>();
      for (int i = credentials.size() - 1; i >= 0; i--) {
        Map<String, Object> c = credentials.get(i);
        if ((status == null || status.equals(c.get("status")))
            && (h == null || c.get("holder").toString().toLowerCase().contains(h))
            && (kind == null || kind.equals(c.get("kind")))
            && (door == null || opens(doorsOf(c), door))
            && (personId == null || personId.equals(c.get("personId")))
            && reaches(r, "security.credential.read", doorsOf(c))) {
          shown.add(c);
        }
      }
      return FakeResponse.page(shown, r);
    }
    if (r.is("GET", "credentials/[0-9]+")) {
      r.require("security.credential.read");
      return FakeResponse.json(credential(r, r.path().split("/")[1], "security.credential.read"));
    }
    if (r.is("POST", "credentials")) {
      r.require("security.credential.issue");
      JsonNode in = body(r);
      List<Map<String, Object>> errors = new ArrayList<>();
      String kind = text(in, "kind");
      if (kind == null || !KINDS.contains(kind)) {
        errors.add(error("kind", "one of " + KINDS));
      }
      String value = text(in, "credential");
      if (value == null || !VALUE.matcher(value).matches()) {
        errors.add(
            error("credential", "1-64 printable characters, as the door controller reports it"));
      }
      String holder = text(in, "holder");
      if (holder == null || holder.isBlank() || holder.length() > 100) {
        errors.add(error("holder", "1-100 characters"));
      }
      Long personId = in.hasNonNull("personId") ? in.path("personId").asLong() : null;
      if (personId != null && personId <= 0) {
        errors.add(error("personId", "a resident's person id"));
      }
      List<String> doors = new ArrayList<>();
      in.path("doors").forEach(d -> doors.add(d.isNull() ? null : d.asText()));
      if (doors.isEmpty() || doors.size() > 100) {
        errors.add(error("doors", "1-100 doors: '<device>' or '<device>:<door>'"));
      } else {
        for (String d : doors) {
          if (d == null || !DOOR.matcher(d).matches()) {
            errors.add(error("doors", "'" + d + "' is not '<device>' or '<device>:<door>'"));
          }
        }
      }
      Instant now = Instant.now();
      Instant from = instant(errors, "validFrom", text(in, "validFrom"), now);
      Instant to = instant(errors, "validTo", text(in, "validTo"), null);
      if (from != null && to != null && !to.isAfter(from)) {
        errors.add(error("validTo", "after validFrom"));
      }
      throwIfAny(errors);
      List<String> outside =
          deviceIds(doors).stream()
              .filter(d -> !reaches(r, "security.credential.issue", List.of(d)))
              .toList();
      if (!outside.isEmpty()) {
        throw new FakeProblem(
            404,
            "device-not-found",
            "Device not found",
            "This tenant has no device " + outside.get(0) + ".");
      }
      boolean inUse =
          credentials.stream()
              .anyMatch(
                  c ->
                      c.get("status").equals("active")
                          && c.get("kind").equals(kind)
                          && c.get("credential").equals(value));
      if (inUse) {
        throw new FakeProblem(
            409,
            "credential-in-use",
            "Credential in use",
            "An active " + kind + " credential " + value + " exists; revoke it first.");
      }
      Map<String, Object> c = newCredential(kind, value, holder.strip(), personId, doors, from, to);
      return FakeResponse.json(201, c);
    }
    if (r.is("POST", "credentials/[^/]+/revoke")) {
      r.require("security.credential.revoke");
      String rawId = r.path().split("/")[1];
      // the body is optional: {"reason": "..."}, one line of at most 200 characters
      JsonNode in = r.body();
      String reason = in.isObject() ? blankToNull(text(in, "reason")) : null;
      if (reason != null
          && (reason.length() > 200 || reason.chars().anyMatch(Character::isISOControl))) {
        throwIfAny(
            List.of(
                error(
                    "reason",
                    reason.length() > 200
                        ? "must be at most 200 characters (got " + reason.length() + ")"
                        : "must not contain line breaks, tabs or other control characters")));
      }
      Map<String, Object> c = credential(r, rawId, "security.credential.revoke");
      if (c.get("status").equals("revoked")) {
        throw new FakeProblem(
            409,
            "credential-revoked",
            "Credential revoked",
            "Credential " + rawId + " is revoked already.");
      }
      Instant now = Instant.now();
      c.put("status", "revoked");
      c.put("revokedAt", now.toString());
      c.put("revokedBy", r.caller().username());
      c.put("reason", reason);
      c.put("pushes", pushes(doorsOf(c), "remove", now));
      return FakeResponse.json(c);
    }
    return null;
  }

  private Map<String, Object> newCredential(
      String kind,
      String value,
      String holder,
      Long personId,
      List<String> doors,
      Instant from,
      Instant to) {
    Instant now = Instant.now();
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("id", nextCredential++);
    c.put("kind", kind);
    c.put("credential", value);
    c.put("holder", holder);
    c.put("personId", personId);
    c.put("doors", List.copyOf(doors));
    c.put("validFrom", from.toString());
    c.put("validTo", to == null ? null : to.toString());
    c.put("status", "active");
    c.put("createdAt", now.toString());
    c.put("revokedAt", null);
    c.put("revokedBy", null);
    c.put("reason", null);
    c.put("pushes", pushes(doors, "add", now));
    credentials.add(c);
    return c;
  }

  /** One push per door: sent to a known controller, failed (with why) to an unknown one. */
  private List<Map<String, Object>> pushes(List<String> doors, String action, Instant now) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String d : doors) {
      String device = d.contains(":") ? d.substring(0, d.indexOf(':')) : d;
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("deviceId", device);
      p.put("door", d.contains(":") ? d.substring(d.indexOf(':') + 1) : null);
      p.put("action", action);
      boolean known = devices.containsKey(device);
      p.put("commandId", known ? nextCommand++ : null);
      p.put("status", known ? "sent" : "failed");
      p.put("detail", known ? null : "Device not found: This tenant has no device " + device + ".");
      p.put("at", now.toString());
      out.add(p);
    }
    return out;
  }

  /** A credential the caller's scope of {@code permission} reaches, or 404 as a missing one. */
  private Map<String, Object> credential(FakeRequest r, String rawId, String permission) {
    return credentials.stream()
        .filter(x -> String.valueOf(x.get("id")).equals(rawId))
        .filter(x -> reaches(r, permission, doorsOf(x)))
        .findFirst()
        .orElseThrow(
            () ->
                new FakeProblem(
                    404,
                    "credential-not-found",
                    "Credential not found",
                    "This tenant has no credential " + rawId + "."));
  }

  /**
   * Whether doors open {@code door}: a controller ({@code <device>}) any of its doors, a door
   * ({@code <device>:<door>}) itself or through a credential for its whole controller.
   */
  private static boolean opens(List<String> doors, String door) {
    int colon = door.indexOf(':');
    if (colon < 0) {
      return doors.stream().anyMatch(d -> d.equals(door) || d.startsWith(door + ":"));
    }
    return doors.contains(door) || doors.contains(door.substring(0, colon));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** An optional id query parameter; 400 for anything but a whole number. */
  private static Long positiveId(FakeRequest r, String name) {
    String raw = blankToNull(r.query(name));
    if (raw == null) {
      return null;
    }
    try {
      return Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw invalidParameter(name + " must be a whole number.");
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> doorsOf(Map<String, Object> c) {
    return (List<String>) c.get("doors");
  }

  private static List<String> deviceIds(List<String> doorsOrCheckpoints) {
    return doorsOrCheckpoints.stream()
        .filter(d -> d != null && DOOR.matcher(d).matches())
        .map(d -> d.contains(":") ? d.substring(0, d.indexOf(':')) : d)
        .distinct()
        .toList();
  }

  /** Whether the caller's scope of a permission reaches every device of these doors. */
  private boolean reaches(FakeRequest r, String permission, List<String> doors) {
    var held = r.caller().me().scopeOf(permission);
    if (held.isEmpty()) {
      return false;
    }
    if (held.get().companyWide()) {
      return true;
    }
    List<String> ids = deviceIds(doors);
    return !ids.isEmpty()
        && ids.stream()
            .allMatch(d -> devices.containsKey(d) && held.get().estates().contains(devices.get(d)));
  }

  // ------------------------------------------------------------------------------ patrol

  private FakeResponse patrol(FakeRequest r) {
    if (r.is("GET", "patrol/routes")) {
      r.require("security.patrol.read");
      List<Map<String, Object>> shown = new ArrayList<>();
      for (Map<String, Object> route : routes) {
        if (reachesRoute(r, "security.patrol.read", route)) {
          shown.add(route);
        }
      }
      return FakeResponse.page(shown, r);
    }
    if (r.is("GET", "patrol/routes/[0-9]+")) {
      r.require("security.patrol.read");
      return FakeResponse.json(route(r, r.path().split("/")[2], "security.patrol.read"));
    }
    if (r.is("PUT", "patrol/routes/[0-9]+")) {
      r.require("security.patrol.manage");
      return FakeResponse.json(editRoute(r, r.path().split("/")[2]));
    }
    if (r.is("POST", "patrol/routes/[0-9]+/retire")) {
      r.require("security.patrol.manage");
      Map<String, Object> route = changeable(r, r.path().split("/")[2]);
      route.put("status", "retired");
      route.put("retiredAt", Instant.now().toString());
      route.put("version", ((Number) route.get("version")).intValue() + 1);
      takeBackUnstarted(route, Instant.now());
      return FakeResponse.json(route);
    }
    if (r.is("DELETE", "patrol/routes/[0-9]+")) {
      r.require("security.patrol.manage");
      Map<String, Object> route = route(r, r.path().split("/")[2], "security.patrol.manage");
      Instant now = Instant.now();
      boolean begun =
          rounds.stream()
              .filter(x -> x.get("routeId").equals(route.get("id")))
              .anyMatch(
                  x ->
                      !Instant.parse(x.get("startsAt").toString()).isAfter(now)
                          || !checkinsOf(x).isEmpty());
      if (begun) {
        throw new FakeProblem(
            409,
            "route-in-use",
            "Route in use",
            "Route "
                + route.get("name")
                + " has rounds that were walked or missed; retire it to keep them.");
      }
      takeBackUnstarted(route, now);
      routes.remove(route);
      return FakeResponse.noContent();
    }
    if (r.is("POST", "patrol/routes")) {
      r.require("security.patrol.manage");
      JsonNode in = body(r);
      List<Map<String, Object>> errors = checkRoute(in);
      throwIfAny(errors);
      String name = text(in, "name");
      List<String> checkpoints = strings(in.path("checkpoints"));
      List<String> times = strings(in.path("times"));
      int minutes = in.path("roundMinutes").asInt();
      if (routes.stream().anyMatch(x -> x.get("name").equals(name.strip()))) {
        throw new FakeProblem(
            409, "route-exists", "Route exists", "A route named " + name.strip() + " exists.");
      }
      return FakeResponse.json(
          201, newRoute(name.strip(), checkpoints, times.stream().sorted().toList(), minutes));
    }
    if (r.is("POST", "patrol/schedule")) {
      r.require("security.patrol.manage");
      LocalDate day;
      try {
        day = LocalDate.parse(r.query("date") == null ? "" : r.query("date"));
      } catch (DateTimeException e) {
        throw new FakeProblem(400, "invalid-date", "Invalid date", "date must be YYYY-MM-DD.");
      }
      ZoneId zone;
      try {
        String z = r.query("zone");
        zone = ZoneId.of(z == null || z.isBlank() ? "Asia/Shanghai" : z.strip());
      } catch (DateTimeException e) {
        throw invalidParameter("zone must be a time zone such as Asia/Shanghai.");
      }
      List<Map<String, Object>> made = new ArrayList<>();
      for (Map<String, Object> route : routes) {
        if (!reachesRoute(r, "security.patrol.manage", route) || retired(route)) {
          continue;
        }
        for (Object t : (List<?>) route.get("times")) {
          Instant start = day.atTime(LocalTime.parse(t.toString())).atZone(zone).toInstant();
          Map<String, Object> round =
              rounds.stream()
                  .filter(x -> x.get("routeId").equals(route.get("id")))
                  .filter(x -> x.get("startsAt").equals(start.toString()))
                  .findFirst()
                  .orElseGet(() -> newRound(route, start));
          made.add(asItStands(round));
        }
      }
      made.sort(Comparator.comparing((Map<String, Object> x) -> x.get("startsAt").toString()));
      return FakeResponse.json(made);
    }
    if (r.is("GET", "patrol/rounds")) {
      r.require("security.patrol.read");
      Instant now = Instant.now();
      Instant from = now.minus(Duration.ofHours(24));
      Instant to = now.plus(Duration.ofHours(24));
      String date = r.query("date");
      if (date != null && !date.isBlank()) {
        java.time.LocalDate d;
        try {
          d = java.time.LocalDate.parse(date);
        } catch (java.time.DateTimeException e) {
          throw new FakeProblem(400, "invalid-date", "Invalid date", "date: YYYY-MM-DD.");
        }
        java.time.ZoneId zone;
        try {
          String z = r.query("zone");
          zone = java.time.ZoneId.of(z == null || z.isBlank() ? "Asia/Shanghai" : z);
        } catch (java.time.DateTimeException e) {
          throw invalidParameter("zone must be a time zone such as Asia/Shanghai.");
        }
        from = d.atStartOfDay(zone).toInstant();
        to = d.plusDays(1).atStartOfDay(zone).toInstant();
      }
      String routeId = r.query("routeId");
      List<Map<String, Object>> shown = new ArrayList<>();
      for (Map<String, Object> round : rounds) {
        Instant start = Instant.parse(round.get("startsAt").toString());
        Instant due = Instant.parse(round.get("dueAt").toString());
        boolean inWindow =
            date == null || date.isBlank()
                ? due.isAfter(from) && start.isBefore(to)
                : !start.isBefore(from) && start.isBefore(to);
        if (inWindow
            && (routeId == null || routeId.equals(String.valueOf(round.get("routeId"))))
            && reachesRoute(r, "security.patrol.read", routeOf(round))) {
          shown.add(asItStands(round));
        }
      }
      shown.sort(
          Comparator.comparing(
                  (Map<String, Object> x) -> Instant.parse(x.get("startsAt").toString()))
              .thenComparing(x -> ((Number) x.get("id")).longValue()));
      return FakeResponse.page(shown, r);
    }
    if (r.is("GET", "patrol/rounds/[^/]+")) {
      r.require("security.patrol.read");
      return FakeResponse.json(
          asItStands(findRound(r, r.path().split("/")[2], "security.patrol.read")));
    }
    return null;
  }

  /** Every wrong field of a route's body, as {@code PatrolRules.checkRoute} reports them. */
  private static List<Map<String, Object>> checkRoute(JsonNode in) {
    List<Map<String, Object>> errors = new ArrayList<>();
    String name = text(in, "name");
    if (name == null || name.isBlank() || name.length() > 100) {
      errors.add(error("name", "1-100 characters"));
    }
    List<String> checkpoints = strings(in.path("checkpoints"));
    if (checkpoints.isEmpty()
        || checkpoints.size() > 200
        || checkpoints.stream().distinct().count() != checkpoints.size()
        || checkpoints.stream().anyMatch(c -> c == null || !CHECKPOINT.matcher(c).matches())) {
      errors.add(error("checkpoints", "1-200 distinct codes: '<device>:<door>' or a tag code"));
    }
    List<String> times = strings(in.path("times"));
    if (times.isEmpty()
        || times.size() > 48
        || times.stream().anyMatch(t -> t == null || !TIME.matcher(t).matches())) {
      errors.add(error("times", "1-48 local start times 'HH:MM'"));
    }
    int minutes = in.path("roundMinutes").asInt(-1);
    if (!in.path("roundMinutes").isInt() || minutes < 5 || minutes > 720) {
      errors.add(error("roundMinutes", "5-720 minutes to walk a round"));
    }
    return errors;
  }

  /**
   * {@code PUT patrol/routes/{id}}: the route at the version read; its rounds that have not begun
   * are made again from it for their days and today and tomorrow ({@code zone}).
   */
  private Map<String, Object> editRoute(FakeRequest r, String rawId) {
    JsonNode in = body(r);
    throwIfAny(checkRoute(in));
    if (!in.hasNonNull("version")) {
      throwIfAny(List.of(error("version", "the version of the route you read")));
    }
    ZoneId zone;
    try {
      String z = r.query("zone");
      zone = ZoneId.of(z == null || z.isBlank() ? "Asia/Shanghai" : z.strip());
    } catch (DateTimeException e) {
      throw invalidParameter("zone must be a time zone such as Asia/Shanghai.");
    }
    Map<String, Object> route = changeable(r, rawId);
    int current = ((Number) route.get("version")).intValue();
    int sent = in.path("version").asInt();
    if (sent != current) {
      throw new FakeProblem(
          409,
          "stale-version",
          "Stale version",
          "Route "
              + rawId
              + " is at version "
              + current
              + ", the change was made to version "
              + sent
              + ": reload it and apply the change again.",
          Map.of("currentVersion", current));
    }
    String name = text(in, "name").strip();
    if (routes.stream().anyMatch(x -> x != route && x.get("name").equals(name))) {
      throw new FakeProblem(
          409, "route-exists", "Route exists", "A route named " + name + " exists.");
    }
    route.put("name", name);
    route.put("checkpoints", List.copyOf(strings(in.path("checkpoints"))));
    route.put("times", strings(in.path("times")).stream().sorted().toList());
    route.put("roundMinutes", in.path("roundMinutes").asInt());
    route.put("version", current + 1);
    Instant now = Instant.now();
    java.util.TreeSet<LocalDate> days = new java.util.TreeSet<>();
    days.add(LocalDate.ofInstant(now, zone));
    days.add(LocalDate.ofInstant(now, zone).plusDays(1));
    for (Instant start : takeBackUnstarted(route, now)) {
      days.add(LocalDate.ofInstant(start, zone));
    }
    for (LocalDate day : days) {
      for (Object t : (List<?>) route.get("times")) {
        Instant start = day.atTime(LocalTime.parse(t.toString())).atZone(zone).toInstant();
        boolean exists =
            rounds.stream()
                .anyMatch(
                    x ->
                        x.get("routeId").equals(route.get("id"))
                            && x.get("startsAt").equals(start.toString()));
        if (start.isAfter(now) && !exists) {
          newRound(route, start);
        }
      }
    }
    return route;
  }

  /** A route in the caller's scope of {@code permission}, or 404 as a missing one. */
  private Map<String, Object> route(FakeRequest r, String rawId, String permission) {
    return routes.stream()
        .filter(x -> String.valueOf(x.get("id")).equals(rawId))
        .filter(x -> reachesRoute(r, permission, x))
        .findFirst()
        .orElseThrow(
            () ->
                new FakeProblem(
                    404,
                    "route-not-found",
                    "Route not found",
                    "This tenant has no patrol route " + rawId + "."));
  }

  /** A route the caller manages that is still active; 409 route-retired otherwise. */
  private Map<String, Object> changeable(FakeRequest r, String rawId) {
    Map<String, Object> route = route(r, rawId, "security.patrol.manage");
    if (retired(route)) {
      throw new FakeProblem(
          409,
          "route-retired",
          "Route retired",
          "Route "
              + route.get("name")
              + " is retired: it is kept with its rounds and changes no more.");
    }
    return route;
  }

  private static boolean retired(Map<String, Object> route) {
    return "retired".equals(route.get("status"));
  }

  /** Removes the route's rounds that start after {@code now} with no check-in; their starts. */
  private List<Instant> takeBackUnstarted(Map<String, Object> route, Instant now) {
    List<Instant> starts = new ArrayList<>();
    rounds.removeIf(
        x -> {
          Instant start = Instant.parse(x.get("startsAt").toString());
          boolean back =
              x.get("routeId").equals(route.get("id"))
                  && start.isAfter(now)
                  && checkinsOf(x).isEmpty();
          if (back) {
            starts.add(start);
            roundCheckpoints.remove(x.get("id"));
          }
          return back;
        });
    return starts;
  }

  private Map<String, Object> newRoute(
      String name, List<String> checkpoints, List<String> times, int minutes) {
    Map<String, Object> route = new LinkedHashMap<>();
    route.put("id", nextRoute++);
    route.put("name", name);
    route.put("checkpoints", List.copyOf(checkpoints));
    route.put("times", List.copyOf(times));
    route.put("roundMinutes", minutes);
    route.put("status", "active");
    route.put("retiredAt", null);
    route.put("version", 0);
    routes.add(route);
    return route;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> newRound(Map<String, Object> route, Instant start) {
    Map<String, Object> round = new LinkedHashMap<>();
    round.put("id", nextRound++);
    round.put("routeId", route.get("id"));
    round.put("route", route.get("name"));
    round.put("startsAt", start.toString());
    round.put(
        "dueAt",
        start
            .plus(Duration.ofMinutes(((Number) route.get("roundMinutes")).longValue()))
            .toString());
    round.put("status", "scheduled");
    round.put("checkins", new ArrayList<Map<String, Object>>());
    round.put("missed", List.of());
    rounds.add(round);
    roundCheckpoints.put(round.get("id"), List.copyOf((List<String>) route.get("checkpoints")));
    return round;
  }

  private static Map<String, Object> checkin(
      String checkpoint, String guard, String source, Instant at) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("checkpoint", checkpoint);
    c.put("guard", guard);
    c.put("source", source);
    c.put("at", at.toString());
    return c;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> checkinsOf(Map<String, Object> round) {
    return (List<Map<String, Object>>) round.get("checkins");
  }

  private Map<String, Object> routeOf(Map<String, Object> round) {
    return routes.stream()
        .filter(x -> x.get("id").equals(round.get("routeId")))
        .findFirst()
        .orElseThrow();
  }

  /**
   * The round's state now, as the platform works it out: scheduled before its window, in progress
   * within it, completed once every checkpoint has a check-in, missed with the checkpoints left
   * once its window has passed.
   */
  private Map<String, Object> asItStands(Map<String, Object> round) {
    Instant now = Instant.now();
    Instant start = Instant.parse(round.get("startsAt").toString());
    Instant due = Instant.parse(round.get("dueAt").toString());
    List<String> left = new ArrayList<>();
    for (Object cp : roundCheckpoints.get(round.get("id"))) {
      if (checkinsOf(round).stream().noneMatch(c -> c.get("checkpoint").equals(cp))) {
        left.add(cp.toString());
      }
    }
    String status =
        left.isEmpty()
            ? "completed"
            : now.isAfter(due) ? "missed" : now.isBefore(start) ? "scheduled" : "in_progress";
    Map<String, Object> view = new LinkedHashMap<>(round);
    view.put("route", routeOf(round).get("name"));
    view.put("status", status);
    view.put("checkins", List.copyOf(checkinsOf(round)));
    view.put("missed", status.equals("missed") ? left : List.of());
    return view;
  }

  private Map<String, Object> findRound(FakeRequest r, String rawId, String permission) {
    return rounds.stream()
        .filter(x -> String.valueOf(x.get("id")).equals(rawId))
        .filter(x -> reachesRoute(r, permission, routeOf(x)))
        .findFirst()
        .orElseThrow(
            () ->
                new FakeProblem(
                    404,
                    "round-not-found",
                    "Round not found",
                    "This tenant has no patrol round " + rawId + "."));
  }

  /** A route is where its readers are: every checkpoint's device in the caller's scope. */
  private boolean reachesRoute(FakeRequest r, String permission, Map<String, Object> route) {
    @SuppressWarnings("unchecked")
    List<String> checkpoints = (List<String>) route.get("checkpoints");
    return reaches(r, permission, checkpoints);
  }

  // ------------------------------------------------------------------------------ input

  private static JsonNode body(FakeRequest r) {
    JsonNode in = r.body();
    if (in.isMissingNode() || in.isNull() || !in.isObject()) {
      throw new FakeProblem(
          400,
          "missing-body",
          "Missing body",
          "Send the record as a JSON object in the request body.");
    }
    return in;
  }

  private static String text(JsonNode in, String field) {
    return in.hasNonNull(field) ? in.path(field).asText() : null;
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.isNull() ? null : n.asText()));
    return out;
  }

  private static Instant instant(
      List<Map<String, Object>> errors, String field, String value, Instant dflt) {
    if (value == null || value.isBlank()) {
      return dflt;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeException e) {
      errors.add(error(field, "an ISO-8601 instant such as 2026-12-01T00:00:00Z"));
      return null;
    }
  }

  private static Map<String, Object> error(String field, String message) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("field", field);
    e.put("message", message);
    return e;
  }

  /** 422 validation-failed with every field error, as the platform's FieldErrors answers. */
  private static void throwIfAny(List<Map<String, Object>> errors) {
    if (errors.isEmpty()) {
      return;
    }
    StringBuilder detail = new StringBuilder();
    for (Map<String, Object> e : errors) {
      detail.append(detail.length() == 0 ? "" : "; ").append(e.get("field")).append(' ');
      detail.append(e.get("message"));
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("type", FakeOperatorApi.PROBLEM + "validation-failed");
    p.put("title", "Invalid input");
    p.put("status", 422);
    p.put("detail", detail + ".");
    p.put("errors", errors);
    try {
      throw new Refusal(
          new FakeResponse(
              422, "application/problem+json", FakeResponse.JSON.writeValueAsBytes(p)));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A problem with extension members, which {@link FakeProblem} does not carry. */
  private static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient FakeResponse response;

    Refusal(FakeResponse response) {
      super("refused", null, false, false);
      this.response = response;
    }
  }
}
