package org.courtyard.admin.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The devices module as the device screens use it, under {@code /api/v1/devices}: devices in the
 * caller's scope (list with {@code type} and {@code status}, one by id, register), their records,
 * and commands with their acknowledgement. Shapes, statuses and problem types follow {@code
 * DevicesResource}; a device outside the caller's scope answers 404 like a missing one. Devices of
 * type {@code water-meter} understand {@code set-interval} ({@code seconds} 60-86400), as the
 * jsonmeter driver does; tests move a command on with {@link #answer}.
 */
public final class FakeDevicesArea implements FakeArea {

  private static final Set<String> KINDS =
      Set.of(
          "meter_reading",
          "access_event",
          "alarm",
          "sensor_value",
          "parking_space_state",
          "plate_read",
          "command_ack");

  private final Map<String, Map<String, Object>> devices = new TreeMap<>();
  private final Map<String, List<Map<String, Object>>> records = new LinkedHashMap<>();
  private final Map<String, List<Map<String, Object>>> commands = new LinkedHashMap<>();
  private final Map<String, Map<String, Object>> commandsByKey = new LinkedHashMap<>();
  private long nextCommand = 1;
  private long nextSeq = 1;

  @Override
  public String module() {
    return "devices";
  }

  @Override
  public List<String> permissions() {
    return List.of("devices.driver.read", "devices.device.manage", "devices.device.command");
  }

  // ------------------------------------------------------------------------------ seeding

  /**
   * Adds a device with its state ({@code online}, {@code offline}, {@code never-seen}, {@code
   * faulty} with {@code fault}, {@code revoked}) in an estate (null: tied to none).
   */
  public synchronized void device(
      String id, String type, String name, Long estateId, String state, String fault) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("id", id);
    d.put("type", type);
    d.put("driver", type.endsWith("meter") ? "jsonmeter" : "gateframe");
    d.put("name", name);
    Map<String, Object> loc = new LinkedHashMap<>();
    loc.put("kind", "area");
    loc.put("ref", "Plant room");
    loc.put("estateId", estateId);
    loc.put("buildingId", null);
    d.put("location", loc);
    d.put("settings", Map.of());
    d.put("state", state);
    d.put("fault", fault);
    d.put("lastSeenAt", state.equals("never-seen") ? null : "2026-12-06T08:00:00Z");
    d.put("lastSequence", state.equals("never-seen") ? null : 41L);
    d.put("messages", state.equals("never-seen") ? 0 : 41);
    d.put("duplicates", 0);
    d.put("rejected", 0);
    d.put("lastRefusal", null);
    d.put("lastRefusedAt", null);
    d.put("createdAt", "2026-11-01T00:00:00Z");
    d.put("revokedAt", state.equals("revoked") ? "2026-12-01T00:00:00Z" : null);
    d.put("mqtt", mqtt(id, null));
    devices.put(id, d);
  }

  /** Whether the company has the device (as parking's gates and sensors ask). */
  public synchronized boolean has(String id) {
    return devices.containsKey(id);
  }

  /** A meter reading the device reported. */
  public synchronized void reading(
      String id, String channel, String value, String unit, Instant at) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("channel", channel);
    data.put("kind", "WATER");
    data.put("value", new BigDecimal(value));
    data.put("unit", unit);
    data.put("at", at.toString());
    record(id, "meter_reading", at, data);
  }

  private void record(String id, String kind, Instant at, Map<String, Object> data) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("seq", nextSeq++);
    r.put("item", 1);
    r.put("kind", kind);
    r.put("at", at.toString());
    r.put("data", data);
    records.computeIfAbsent(id, k -> new ArrayList<>()).add(0, r);
  }

  /** The device answers command {@code commandId}: acknowledged, or failed with the detail. */
  public synchronized void answer(String id, long commandId, boolean ok, String detail) {
    for (Map<String, Object> c : commands.getOrDefault(id, List.of())) {
      if (((Number) c.get("id")).longValue() == commandId) {
        Instant now = Instant.now();
        c.put("status", ok ? "acked" : "failed");
        c.put("detail", detail);
        c.put("answeredAt", now.toString());
        Map<String, Object> ack = new LinkedHashMap<>();
        ack.put("commandId", commandId);
        ack.put("success", ok);
        ack.put("detail", detail);
        ack.put("at", now.toString());
        record(id, "command_ack", now, ack);
      }
    }
  }

  /** The id of the last command sent to the device, or -1. */
  public synchronized long lastCommand(String id) {
    List<Map<String, Object>> list = commands.getOrDefault(id, List.of());
    return list.isEmpty() ? -1 : ((Number) list.get(0).get("id")).longValue();
  }

  // ------------------------------------------------------------------------------ serving

  @Override
  public synchronized FakeResponse handle(FakeRequest r) {
    if (r.is("GET", "devices")) {
      r.require("devices.device.read");
      return list(r);
    }
    if (r.is("POST", "devices")) {
      r.require("devices.device.manage");
      return register(r);
    }
    if (r.path().matches("devices/[^/]+(/[a-z]+)?")) {
      String[] parts = r.path().split("/");
      String id = parts[1];
      String sub = parts.length > 2 ? parts[2] : "";
      switch (r.method() + " " + sub) {
        case "GET ":
          r.require("devices.device.read");
          return FakeResponse.json(require(r, id));
        case "GET records":
          r.require("devices.device.read");
          require(r, id);
          String kind = r.query("kind");
          if (kind != null && !KINDS.contains(kind)) {
            throw invalidParameter("kind must be one of " + KINDS + ".");
          }
          return FakeResponse.json(
              limited(
                  records.getOrDefault(id, List.of()).stream()
                      .filter(x -> kind == null || kind.equals(x.get("kind")))
                      .toList(),
                  r));
        case "GET commands":
          r.require("devices.device.read");
          require(r, id);
          return FakeResponse.json(limited(commands.getOrDefault(id, List.of()), r));
        case "POST commands":
          r.require("devices.device.command");
          return send(r, require(r, id));
        default:
          return null;
      }
    }
    return null;
  }

  private FakeResponse list(FakeRequest r) {
    String type = r.query("type");
    String status = r.query("status");
    if (status != null && !status.equals("active") && !status.equals("revoked")) {
      throw invalidParameter("status must be one of [active, revoked].");
    }
    List<Map<String, Object>> shown = new ArrayList<>();
    for (Map<String, Object> d : devices.values()) {
      boolean revoked = "revoked".equals(d.get("state"));
      if ((type == null || type.isBlank() || type.equals(d.get("type")))
          && (status == null || status.equals("revoked") == revoked)
          && within(r, d)) {
        shown.add(d);
      }
    }
    return FakeResponse.page(shown, r);
  }

  private FakeResponse register(FakeRequest r) {
    JsonNode in = r.body();
    String id = in.path("id").asText("");
    String type = in.path("type").asText("");
    String name = in.path("name").asText("");
    List<String> errors = new ArrayList<>();
    if (!id.matches("^[a-z0-9][a-z0-9_-]{0,63}$")) {
      errors.add("id 1-64 of a-z, 0-9, '_' and '-', starting with a letter or digit");
    }
    if (!type.matches("^[a-z][a-z0-9-]{1,39}$")) {
      errors.add("type a device type such as water-meter or door-controller");
    }
    if (name.isBlank() || name.length() > 100) {
      errors.add("name 1-100 characters");
    }
    String kind = in.path("location").path("kind").asText("");
    if (!Set.of("room", "building", "gate", "area").contains(kind)) {
      errors.add("location.kind one of [room, building, gate, area]");
    }
    if (!errors.isEmpty()) {
      throw new FakeProblem(
          422, "validation-failed", "Invalid input", String.join("; ", errors) + ".");
    }
    JsonNode estate = in.path("location").path("estateId");
    Long estateId = estate.isNumber() ? estate.asLong() : null;
    if (estateId == null
        && !r.caller().me().scopeOf("devices.device.manage").orElseThrow().companyWide()) {
      throw new FakeProblem(
          403,
          "outside-scope",
          "Outside your scope",
          "A device placed nowhere is tied to no estate or building: that needs the permission"
              + " granted for the whole company.");
    }
    if (!type.endsWith("-meter") && !type.equals("door-controller")) {
      throw new FakeProblem(
          422,
          "no-driver-for-type",
          "No driver for this device type",
          "No installed driver serves " + type + ". Installed drivers: [jsonmeter, gateframe].");
    }
    if (devices.containsKey(id)) {
      throw new FakeProblem(
          409, "device-exists", "Device exists", "This tenant already has a device " + id + ".");
    }
    device(id, type, name, estateId, "never-seen", null);
    Map<String, Object> d = new LinkedHashMap<>(devices.get(id));
    d.put("location", Map.of("kind", kind, "ref", in.path("location").path("ref").asText("")));
    d.put("mqtt", mqtt(id, "dev-secret-" + id));
    devices.get(id).put("location", d.get("location"));
    return FakeResponse.json(201, d);
  }

  private FakeResponse send(FakeRequest r, Map<String, Object> d) {
    if ("revoked".equals(d.get("state"))) {
      throw new FakeProblem(
          409, "device-revoked", "Device revoked", "Device " + d.get("id") + " is revoked.");
    }
    JsonNode in = r.body();
    String name = in.path("name").asText("");
    if (!name.matches("^[a-z][a-z0-9-]{0,39}$")) {
      throw new FakeProblem(
          400, "invalid-command", "Invalid command", "name: 1-40 of a-z, 0-9 and '-'.");
    }
    Map<String, String> args = new LinkedHashMap<>();
    in.path("arguments")
        .fields()
        .forEachRemaining(e -> args.put(e.getKey(), e.getValue().asText()));
    String driver = d.get("driver").toString();
    if (!driver.equals("jsonmeter") || !name.equals("set-interval")) {
      throw new FakeProblem(
          422,
          "command-unsupported",
          "Command not supported",
          "Driver " + driver + ": command " + name + "; known: set-interval");
    }
    long seconds;
    try {
      seconds = Long.parseLong(args.getOrDefault("seconds", ""));
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (seconds < 60 || seconds > 86_400) {
      throw new FakeProblem(
          422,
          "invalid-command-arguments",
          "Invalid command arguments",
          "Driver " + driver + ": seconds must be 60-86400");
    }
    String key = r.idempotencyKey();
    if (key != null) {
      if (key.length() > 200 || !key.chars().allMatch(ch -> ch >= 0x21 && ch <= 0x7e)) {
        throw new FakeProblem(
            400,
            "invalid-idempotency-key",
            "Invalid Idempotency-Key",
            "An Idempotency-Key is 1 to 200 visible ASCII characters.");
      }
      Map<String, Object> earlier = commandsByKey.get(key);
      if (earlier != null) {
        if (!earlier.get("deviceId").equals(d.get("id"))
            || !earlier.get("name").equals(name)
            || !earlier.get("arguments").equals(args)) {
          throw new FakeProblem(
              422,
              "idempotency-key-reused",
              "Idempotency-Key reused",
              "This Idempotency-Key was used for another command (command "
                  + earlier.get("id")
                  + " to device "
                  + earlier.get("deviceId")
                  + "); send a new key for a new command.");
        }
        return FakeResponse.json(202, earlier);
      }
    }
    Instant now = Instant.now();
    Map<String, Object> c = new LinkedHashMap<>();
    if (key != null) {
      commandsByKey.put(key, c);
    }
    c.put("id", nextCommand++);
    c.put("deviceId", d.get("id"));
    c.put("name", name);
    c.put("arguments", args);
    c.put("status", "sent");
    c.put("detail", null);
    c.put("createdAt", now.toString());
    c.put("sentAt", now.toString());
    c.put("answeredAt", null);
    commands.computeIfAbsent(d.get("id").toString(), k -> new ArrayList<>()).add(0, c);
    return FakeResponse.json(202, c);
  }

  private Map<String, Object> require(FakeRequest r, String id) {
    Map<String, Object> d = devices.get(id);
    if (d == null || !within(r, d)) {
      throw new FakeProblem(
          404, "device-not-found", "Device not found", "This tenant has no device " + id + ".");
    }
    return d;
  }

  /** A device is in scope when its estate is; one tied to none, for the whole company only. */
  @SuppressWarnings("unchecked")
  private static boolean within(FakeRequest r, Map<String, Object> d) {
    Object estate = ((Map<String, Object>) d.get("location")).get("estateId");
    var held = r.caller().me().scopeOf("devices.device.read");
    if (held.isEmpty()) {
      return false;
    }
    return held.get().companyWide()
        || (estate instanceof Number n && held.get().estates().contains(n.longValue()));
  }

  private static List<Map<String, Object>> limited(List<Map<String, Object>> all, FakeRequest r) {
    int limit;
    try {
      limit = r.query("limit") == null ? 50 : Integer.parseInt(r.query("limit"));
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > 500) {
      throw new FakeProblem(
          400, "invalid-limit", "Invalid limit", "limit must be a whole number between 1 and 500.");
    }
    return all.subList(0, Math.min(limit, all.size()));
  }

  private static FakeProblem invalidParameter(String detail) {
    return new FakeProblem(400, "invalid-parameter", "Invalid query parameter", detail);
  }

  private static Map<String, Object> mqtt(String id, String password) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("username", "acme/" + id);
    m.put("password", password);
    m.put("publishTopic", "courtyard/acme/" + id + "/up");
    m.put("subscribeTopic", "courtyard/acme/" + id + "/down");
    return m;
  }
}
