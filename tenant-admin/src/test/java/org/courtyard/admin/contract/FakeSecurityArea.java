package org.courtyard.admin.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The security module's alarms and access log as the security screens use them, under {@code
 * /api/v1/security}: alarms (newest raised first, {@code status}), acknowledge and resolve with who
 * and a note, and door decisions ({@code deviceId}, {@code granted}). An alarm or event is in the
 * caller's scope when its device's estate is; shapes, statuses and problem types follow {@code
 * AlarmsResource}, {@code AlarmRules} and {@code AccessEventsResource}.
 */
public final class FakeSecurityArea implements FakeArea {

  private static final Set<String> STATUSES = Set.of("raised", "acknowledged", "resolved");

  private final List<Map<String, Object>> alarms = new ArrayList<>();
  private final List<Map<String, Object>> events = new ArrayList<>();
  private final Map<Object, Long> estates = new IdentityHashMap<>();
  private long nextAlarm = 1;
  private long nextEvent = 1;

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
        "security.patrol.read");
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

  // ------------------------------------------------------------------------------ serving

  @Override
  public synchronized FakeResponse handle(FakeRequest r) {
    if (r.is("GET", "alarms")) {
      r.require("security.alarm.read");
      String status = r.query("status");
      if (status != null && !STATUSES.contains(status)) {
        throw invalidParameter("status must be one of " + STATUSES + ".");
      }
      List<Map<String, Object>> shown = new ArrayList<>();
      for (Map<String, Object> a : newestFirst(alarms, "raisedAt")) {
        if ((status == null || status.equals(a.get("status")))
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
}
