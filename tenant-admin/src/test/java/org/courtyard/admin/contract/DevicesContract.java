package org.courtyard.admin.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.Test;

/**
 * What the device screens rely on in {@code /devices}: the device list (cursor pages, {@code type}
 * and {@code status}), one device with its state and last message, its records by kind, and
 * commands answered {@code 202 sent} and listed with their state. A {@code water-meter} (the
 * jsonmeter driver) is registered to have a device; it takes {@code set-interval}.
 */
public abstract class DevicesContract extends TenantApiContract {

  private String admin;

  private String admin() {
    if (admin == null) {
      admin = accessToken(target().newStaff("administrator"));
    }
    return admin;
  }

  private String register() {
    String id = "ct-" + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("type", "water-meter");
    body.put("name", "Meter " + id);
    body.put("location", Map.of("kind", "area", "ref", "Plant room"));
    Answer a = send("POST", "devices/devices", body, admin());
    assertEquals(describe(a), 201, a.status());
    assertFalse(describe(a), a.body().path("mqtt").path("password").asText("").isBlank());
    return id;
  }

  @Test
  public void aRegisteredDeviceIsListedWithItsStateAndHasNoRecordsYet() {
    String id = register();

    Answer one = send("GET", "devices/devices/" + id, null, admin());
    assertEquals(describe(one), 200, one.status());
    assertEquals("never-seen", one.body().path("state").asText());
    assertTrue(one.body().path("lastSeenAt").isNull());
    assertEquals("water-meter", one.body().path("type").asText());
    assertEquals("area", one.body().path("location").path("kind").asText());
    assertTrue(one.body().path("mqtt").path("password").isNull());

    boolean listed = false;
    String cursor = null;
    do {
      Answer page =
          send(
              "GET",
              "devices/devices?type=water-meter&status=active&limit=100"
                  + (cursor == null ? "" : "&cursor=" + cursor),
              null,
              admin());
      assertPage(page);
      for (JsonNode d : page.body().path("items")) {
        listed |= d.path("id").asText().equals(id);
        assertEquals("water-meter", d.path("type").asText());
      }
      cursor =
          page.body().path("nextCursor").isNull() ? null : page.body().path("nextCursor").asText();
    } while (cursor != null && !listed);
    assertTrue(listed);

    Answer readings =
        send(
            "GET", "devices/devices/" + id + "/records?kind=meter_reading&limit=10", null, admin());
    assertEquals(describe(readings), 200, readings.status());
    assertTrue(readings.body().isArray());
    assertEquals(0, readings.body().size());

    assertProblem(
        send("GET", "devices/devices/" + id + "/records?kind=weather", null, admin()),
        400,
        "invalid-parameter");
    assertProblem(
        send("GET", "devices/devices?status=broken", null, admin()), 400, "invalid-parameter");
    assertProblem(
        send("GET", "devices/devices/no-such-device", null, admin()), 404, "device-not-found");
  }

  @Test
  public void aCommandIsSentAndListedUntilTheDeviceAnswers() {
    String id = register();
    Map<String, Object> command = new LinkedHashMap<>();
    command.put("name", "set-interval");
    command.put("arguments", Map.of("seconds", "900"));

    Answer sent = send("POST", "devices/devices/" + id + "/commands", command, admin());
    assertEquals(describe(sent), 202, sent.status());
    assertEquals("sent", sent.body().path("status").asText());
    assertEquals("900", sent.body().path("arguments").path("seconds").asText());
    long commandId = sent.body().path("id").asLong();

    Answer listed = send("GET", "devices/devices/" + id + "/commands?limit=5", null, admin());
    assertEquals(describe(listed), 200, listed.status());
    assertEquals(commandId, listed.body().get(0).path("id").asLong());
    assertEquals("sent", listed.body().get(0).path("status").asText());
    assertTrue(listed.body().get(0).path("answeredAt").isNull());

    command.put("arguments", Map.of("seconds", "5"));
    assertProblem(
        send("POST", "devices/devices/" + id + "/commands", command, admin()),
        422,
        "invalid-command-arguments");
    command.put("name", "self-destruct");
    assertProblem(
        send("POST", "devices/devices/" + id + "/commands", command, admin()),
        422,
        "command-unsupported");
    command.put("name", "Not A Name");
    assertProblem(
        send("POST", "devices/devices/" + id + "/commands", command, admin()),
        400,
        "invalid-command");
  }

  @Test
  public void aCommandRepeatedWithItsIdempotencyKeyIsTheSameCommand() {
    String id = register();
    Map<String, Object> command =
        Map.of("name", "set-interval", "arguments", Map.of("seconds", "900"));
    String key = java.util.UUID.randomUUID().toString();
    Answer first =
        send(
            "POST",
            "devices/devices/" + id + "/commands",
            command,
            admin(),
            Map.of("Idempotency-Key", key));
    Answer again =
        send(
            "POST",
            "devices/devices/" + id + "/commands",
            command,
            admin(),
            Map.of("Idempotency-Key", key));
    assertEquals(describe(first), 202, first.status());
    assertEquals(describe(again), 202, again.status());
    assertEquals(first.body().path("id").asLong(), again.body().path("id").asLong());
    Answer listed = send("GET", "devices/devices/" + id + "/commands?limit=5", null, admin());
    assertEquals("one command sent", 1, listed.body().size());

    assertProblem(
        send(
            "POST",
            "devices/devices/" + id + "/commands",
            Map.of("name", "set-interval", "arguments", Map.of("seconds", "600")),
            admin(),
            Map.of("Idempotency-Key", key)),
        422,
        "idempotency-key-reused");
    assertProblem(
        send(
            "POST",
            "devices/devices/" + id + "/commands",
            command,
            admin(),
            Map.of("Idempotency-Key", "two words")),
        400,
        "invalid-idempotency-key");
  }

  @Test
  public void aGuardSeesDevicesButMayNotCommandThem() {
    String id = register();
    String guard = accessToken(target().newStaff("guard"));

    assertEquals(200, send("GET", "devices/devices/" + id, null, guard).status());
    Map<String, Object> command =
        Map.of("name", "set-interval", "arguments", Map.of("seconds", "900"));
    assertProblem(
        send("POST", "devices/devices/" + id + "/commands", command, guard),
        403,
        "permission-denied");

    String cashier = accessToken(target().newStaff("cashier"));
    assertProblem(send("GET", "devices/devices", null, cashier), 403, "permission-denied");
  }
}
