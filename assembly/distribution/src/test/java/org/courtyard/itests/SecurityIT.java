package org.courtyard.itests;

import static org.courtyard.itests.Http.map;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.junit.Before;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * The security module fed by a real door controller over MQTT: the access log, alarms raised once
 * per open condition, resolved by the device or moved on by a guard, and tenant isolation.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class SecurityIT {

  private static Http operator;
  private static Http guard;
  private static Http other;
  private static String doorPassword;
  private static long forcedAlarm;

  @Configuration
  public Option[] config() {
    return CourtyardContainer.options();
  }

  @Before
  public void setUp() throws Exception {
    if (guard != null) {
      return;
    }
    Http anonymous = Http.anonymous(CourtyardContainer.httpPort());
    operator = anonymous.operator(CourtyardContainer.operatorPassword());
    guard = anonymous.tenant(operator.onboard("guard_co", "estate", "devices", "security"));
    other = anonymous.tenant(operator.onboard("other_co", "estate", "devices", "security"));
    Http.Reply door =
        guard.post(
            "/devices/devices",
            map(
                "id",
                "door-1",
                "type",
                "door-controller",
                "name",
                "Lobby doors",
                "location",
                map("kind", "gate", "ref", "Lobby")));
    assertEquals(door.toString(), 201, door.status);
    doorPassword = door.json.path("mqtt").path("password").asText();
  }

  /** A frame of the Anmen controller (see the gateframe driver): header, body, CRC-16/CCITT. */
  private static byte[] frame(int type, long seq, byte... body) {
    int len = 10 + body.length;
    ByteBuffer b = ByteBuffer.allocate(3 + len + 2);
    b.put((byte) 0xA5).put((byte) 0x5A).put((byte) len);
    b.put((byte) 1).put((byte) type).putInt((int) seq).putInt(1764288000 + (int) seq).put(body);
    int crc = 0xFFFF;
    for (int i = 3; i < 3 + len; i++) {
      crc ^= (b.array()[i] & 0xFF) << 8;
      for (int bit = 0; bit < 8; bit++) {
        crc = ((crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1) & 0xFFFF;
      }
    }
    b.putShort((short) crc);
    return b.array();
  }

  static byte[] access(long seq, int door, boolean granted, int reason, int kind, String who) {
    byte[] cred = who.getBytes(StandardCharsets.US_ASCII);
    byte[] body = new byte[5 + cred.length];
    body[0] = (byte) door;
    body[1] = (byte) (granted ? 1 : 0);
    body[2] = (byte) reason;
    body[3] = (byte) kind;
    body[4] = (byte) cred.length;
    System.arraycopy(cred, 0, body, 5, cred.length);
    return frame(0x01, seq, body);
  }

  static byte[] alarm(long seq, int door, int kind, boolean active) {
    return frame(0x02, seq, (byte) door, (byte) kind, (byte) (active ? 1 : 0));
  }

  @Test
  public void a01_securityNeedsTheDevicesModule() throws Exception {
    assertEquals(
        201, operator.post("/operator/tenants", Map.of("slug", "bare_sec", "name", "Bare")).status);
    Http.Reply r = operator.post("/operator/tenants/bare_sec/modules/security", "");
    assertEquals(r.toString(), 409, r.status);
    assertEquals("module-requires", r.problemType());
  }

  @Test
  public void a02_doorEventsFillTheAccessLogAndRaiseAlarmsOncePerCondition() throws Exception {
    MqttClient door = DevicesIT.connect("guard_co/door-1", doorPassword);
    try {
      String up = "t/guard_co/d/door-1/up";
      door.publish(up, access(1, 1, true, 0, 1, "04A1B2C3D4"), 1, false);
      door.publish(up, access(2, 2, false, 2, 2, "PIN-0042"), 1, false);
      door.publish(up, alarm(3, 1, 1, true), 1, false); // door 1 forced
      door.publish(up, alarm(4, 2, 2, true), 1, false); // door 2 held open
      door.publish(up, alarm(5, 2, 2, false), 1, false); // door 2 closed again
      door.publish(up, alarm(6, 1, 1, true), 1, false); // forced again, still the same alarm
    } finally {
      door.disconnect();
    }
    DevicesIT.await(guard, "/devices/devices/door-1", j -> j.path("messages").asLong() == 6);
    JsonNode log =
        DevicesIT.await(guard, "/security/access-events", j -> j.path("items").size() == 2)
            .path("items");
    JsonNode denied = items(guard, "/security/access-events?granted=false");
    assertEquals(denied.toString(), 1, denied.size());
    assertEquals("PIN-0042", denied.get(0).path("credential").asText());
    assertEquals("pin", denied.get(0).path("credentialKind").asText());
    assertEquals("credential expired", denied.get(0).path("reason").asText());
    assertEquals("2", denied.get(0).path("door").asText());
    assertTrue(log.toString(), log.toString().contains("\"credential\":\"04A1B2C3D4\""));

    JsonNode alarms =
        DevicesIT.await(guard, "/security/alarms", j -> j.path("items").size() == 2).path("items");
    for (JsonNode a : alarms) {
      if (a.path("kind").asText().equals("door_held_open")) {
        assertEquals(a.toString(), "resolved", a.path("status").asText());
        assertEquals("device", a.path("resolvedBy").asText());
      } else {
        assertEquals(a.toString(), "door_forced", a.path("kind").asText());
        assertEquals("raised", a.path("status").asText());
        assertEquals("1", a.path("source").asText());
        forcedAlarm = a.path("id").asLong();
      }
    }
    assertEquals(1, items(guard, "/security/alarms?status=raised").size());
    assertEquals(400, guard.get("/security/alarms?status=sleeping").status);
    // several states at once: the open ones, or every one
    assertEquals(1, items(guard, "/security/alarms?status=raised,acknowledged").size());
    assertEquals(2, items(guard, "/security/alarms?status=raised,resolved").size());
    assertEquals(400, guard.get("/security/alarms?status=raised,sleeping").status);
  }

  @Test
  public void a03_aGuardAcknowledgesThenResolvesAnAlarmInThatOrderOnly() throws Exception {
    String base = "/security/alarms/" + forcedAlarm;
    Http.Reply noOne = guard.post(base + "/acknowledge", map("by", " "));
    assertEquals(noOne.toString(), 422, noOne.status);
    Http.Reply ack = guard.post(base + "/acknowledge", map("by", "Guard Wang 王"));
    assertEquals(ack.toString(), 200, ack.status);
    assertEquals("acknowledged", ack.json.path("status").asText());
    assertEquals("Guard Wang 王", ack.json.path("acknowledgedBy").asText());
    Http.Reply twice = guard.post(base + "/acknowledge", map("by", "Guard Li"));
    assertEquals(twice.toString(), 409, twice.status);
    assertEquals("alarm-acknowledged", twice.problemType());
    Http.Reply resolved =
        guard.post(
            base + "/resolve", map("by", "Guard Wang 王", "note", "door checked, latch replaced"));
    assertEquals(resolved.toString(), 200, resolved.status);
    assertEquals("resolved", resolved.json.path("status").asText());
    assertEquals("door checked, latch replaced", resolved.json.path("note").asText());
    assertEquals("alarm-resolved", guard.post(base + "/resolve", map("by", "x")).problemType());
    assertEquals(404, guard.post("/security/alarms/999999/resolve", map("by", "x")).status);
  }

  @Test
  public void a04_anotherTenantSeesNoneOfIt() throws Exception {
    assertEquals(0, items(other, "/security/alarms").size());
    assertEquals(0, items(other, "/security/access-events").size());
    Http.Reply r =
        other.post("/security/alarms/" + forcedAlarm + "/acknowledge", map("by", "intruder"));
    assertEquals(r.toString(), 404, r.status);
    assertEquals("alarm-not-found", r.problemType());
  }

  private static JsonNode decision(Http api, String kind, String credential, String door, String at)
      throws Exception {
    Http.Reply r =
        api.get(
            "/security/credentials/decision?kind="
                + kind
                + "&credential="
                + credential
                + "&door="
                + door
                + (at == null ? "" : "&at=" + at));
    assertEquals(r.toString(), 200, r.status);
    return r.json;
  }

  @Test
  public void a05_credentialsOpenTheirDoorsDuringTheirTimeOnly() throws Exception {
    Http.Reply card =
        guard.post(
            "/security/credentials",
            map(
                "kind", "card",
                "credential", "04A1B2C3D4",
                "holder", "Zhang Wei 张伟",
                "doors", List.of("door-1:1"),
                "validFrom", "2026-01-01T00:00:00Z",
                "validTo", "2036-01-01T00:00:00Z"));
    assertEquals(card.toString(), 201, card.status);
    long id = card.json.path("id").asLong();
    assertEquals(
        "credential-in-use",
        guard
            .post(
                "/security/credentials",
                map(
                    "kind",
                    "card",
                    "credential",
                    "04A1B2C3D4",
                    "holder",
                    "Someone",
                    "doors",
                    List.of("door-1")))
            .problemType());
    Http.Reply bad =
        guard.post(
            "/security/credentials",
            map(
                "kind",
                "iris",
                "credential",
                "",
                "holder",
                " ",
                "doors",
                List.of("Door 1"),
                "validFrom",
                "yesterday"));
    assertEquals(bad.toString(), 422, bad.status);
    assertEquals(5, bad.json.path("errors").size());

    assertTrue(decision(guard, "card", "04A1B2C3D4", "door-1:1", null).path("allowed").asBoolean());
    JsonNode otherDoor = decision(guard, "card", "04A1B2C3D4", "door-1:2", null);
    assertEquals("not valid for this door", otherDoor.path("reason").asText());
    assertEquals("Zhang Wei 张伟", otherDoor.path("holder").asText());
    assertEquals(
        "not valid yet",
        decision(guard, "card", "04A1B2C3D4", "door-1:1", "2025-06-01T00:00:00Z")
            .path("reason")
            .asText());
    assertEquals(
        "expired",
        decision(guard, "card", "04A1B2C3D4", "door-1:1", "2036-06-01T00:00:00Z")
            .path("reason")
            .asText());
    assertEquals(
        "unknown credential",
        decision(guard, "qr", "nothing", "door-1:1", null).path("reason").asText());
    assertEquals(400, guard.get("/security/credentials/decision?kind=card&credential=x").status);

    // the access log names the holder of the card the controller reported
    JsonNode log = items(guard, "/security/access-events?granted=true");
    assertEquals(log.toString(), "Zhang Wei 张伟", log.get(0).path("holder").asText());

    // another tenant cannot see or revoke it
    assertEquals(0, items(other, "/security/credentials").size());
    assertEquals(404, other.post("/security/credentials/" + id + "/revoke", "").status);
    assertEquals(
        "unknown credential",
        decision(other, "card", "04A1B2C3D4", "door-1:1", null).path("reason").asText());

    Http.Reply revoked = guard.post("/security/credentials/" + id + "/revoke", "");
    assertEquals(revoked.toString(), 200, revoked.status);
    assertEquals("revoked", revoked.json.path("status").asText());
    assertEquals(
        "revoked", decision(guard, "card", "04A1B2C3D4", "door-1:1", null).path("reason").asText());
    assertEquals(409, guard.post("/security/credentials/" + id + "/revoke", "").status);
    assertEquals(1, items(guard, "/security/credentials?holder=zhang&status=revoked").size());
  }

  @Test
  public void a06_patrolRoundsAreCompletedByBadgeAndAppAndMissedRoundsNameTheirCheckpoints()
      throws Exception {
    java.time.ZonedDateTime now = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC);
    String start = String.format("%02d:%02d", now.getHour(), now.getMinute());
    Http.Reply route =
        guard.post(
            "/security/patrol/routes",
            map(
                "name",
                "Night round 夜巡",
                "checkpoints",
                List.of("door-1:1", "TAG-GARDEN"),
                "times",
                List.of(start),
                "roundMinutes",
                30));
    assertEquals(route.toString(), 201, route.status);
    assertEquals(
        "route-exists",
        guard
            .post(
                "/security/patrol/routes",
                map(
                    "name",
                    "Night round 夜巡",
                    "checkpoints",
                    List.of("x"),
                    "times",
                    List.of("00:00"),
                    "roundMinutes",
                    30))
            .problemType());
    assertEquals(
        422,
        guard.post(
                "/security/patrol/routes",
                map(
                    "name",
                    "Bad",
                    "checkpoints",
                    List.of("a", "a"),
                    "times",
                    List.of("25:00"),
                    "roundMinutes",
                    1))
            .status);

    Http.Reply today =
        guard.post("/security/patrol/schedule?zone=UTC&date=" + now.toLocalDate(), "");
    assertEquals(today.toString(), 200, today.status);
    assertEquals(1, today.json.size());
    long round = today.json.get(0).path("id").asLong();
    assertEquals("scheduled", today.json.get(0).path("status").asText());
    // scheduling the same day again creates nothing new
    assertEquals(
        round,
        guard
            .post("/security/patrol/schedule?zone=UTC&date=" + now.toLocalDate(), "")
            .json
            .get(0)
            .path("id")
            .asLong());

    // the guard badges his card at door 1 (a checkpoint): the controller reports it, he checks in
    assertEquals(
        201,
        guard.post(
                "/security/credentials",
                map(
                    "kind",
                    "card",
                    "credential",
                    "GUARD-007",
                    "holder",
                    "Guard Wang 王",
                    "doors",
                    List.of("door-1")))
            .status);
    MqttClient door = DevicesIT.connect("guard_co/door-1", doorPassword);
    try {
      long seconds = java.time.Instant.now().getEpochSecond();
      byte[] frame = access(100, 1, true, 0, 1, "GUARD-007");
      // the frame's time is the device's: now
      java.nio.ByteBuffer.wrap(frame).putInt(9, (int) seconds);
      fixCrc(frame);
      door.publish("t/guard_co/d/door-1/up", frame, 1, false);
    } finally {
      door.disconnect();
    }
    JsonNode inProgress =
        DevicesIT.await(
            guard,
            "/security/patrol/rounds/" + round,
            j -> j.path("status").asText().equals("in_progress"));
    assertEquals("device", inProgress.path("checkins").get(0).path("source").asText());
    assertEquals("Guard Wang 王", inProgress.path("checkins").get(0).path("guard").asText());

    String checkins = "/security/patrol/rounds/" + round + "/checkins";
    assertEquals(
        "not-a-checkpoint",
        guard.post(checkins, map("checkpoint", "TAG-POOL", "guard", "Guard Wang 王")).problemType());
    Http.Reply done =
        guard.post(checkins, map("checkpoint", "TAG-GARDEN", "guard", "Guard Wang 王"));
    assertEquals(done.toString(), 200, done.status);
    assertEquals("completed", done.json.path("status").asText());
    assertEquals(
        "already-checked-in",
        guard.post(checkins, map("checkpoint", "TAG-GARDEN", "guard", "Guard Li")).problemType());

    // yesterday's round was never walked: missed, with both checkpoints named
    Http.Reply yesterday =
        guard.post("/security/patrol/schedule?zone=UTC&date=" + now.toLocalDate().minusDays(1), "");
    JsonNode missed = yesterday.json.get(0);
    assertEquals(missed.toString(), "missed", missed.path("status").asText());
    assertEquals(
        List.of("door-1:1", "TAG-GARDEN"),
        List.of(missed.path("missed").get(0).asText(), missed.path("missed").get(1).asText()));
    assertEquals(
        "outside-round-window",
        guard
            .post(
                "/security/patrol/rounds/" + missed.path("id").asLong() + "/checkins",
                map("checkpoint", "TAG-GARDEN", "guard", "Guard Wang 王"))
            .problemType());

    // a day's rounds, past days included, and one route's
    long routeId = route.json.path("id").asLong();
    String day = "/security/patrol/rounds?zone=UTC&date=";
    List<Long> todays = new ArrayList<>();
    items(guard, day + now.toLocalDate()).forEach(r -> todays.add(r.path("id").asLong()));
    assertTrue(todays.toString(), todays.contains(round));
    assertFalse(todays.toString(), todays.contains(missed.path("id").asLong()));
    JsonNode yesterdays =
        items(guard, day + now.toLocalDate().minusDays(1) + "&routeId=" + routeId);
    assertEquals(yesterdays.toString(), 1, yesterdays.size());
    assertEquals(missed.path("id").asLong(), yesterdays.get(0).path("id").asLong());
    assertEquals("missed", yesterdays.get(0).path("status").asText());
    assertEquals(0, items(guard, day + "2001-01-01").size());
    assertEquals("invalid-date", guard.get(day + "yesterday").problemType());
    assertEquals(400, guard.get("/security/patrol/rounds?date=2026-01-01&zone=Mars/Base").status);

    assertEquals(0, items(other, "/security/patrol/routes").size());
    assertEquals(404, other.get("/security/patrol/rounds/" + round).status);
    assertEquals(404, other.post(checkins, map("checkpoint", "TAG-GARDEN", "guard", "x")).status);
  }

  /** Recomputes the CRC of a frame whose header was changed. */
  private static void fixCrc(byte[] frame) {
    int len = frame[2] & 0xFF;
    int crc = 0xFFFF;
    for (int i = 3; i < 3 + len; i++) {
      crc ^= (frame[i] & 0xFF) << 8;
      for (int bit = 0; bit < 8; bit++) {
        crc = ((crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1) & 0xFFFF;
      }
    }
    frame[3 + len] = (byte) (crc >> 8);
    frame[3 + len + 1] = (byte) crc;
  }

  @javax.inject.Inject private org.osgi.service.cm.ConfigurationAdmin configurations;

  private void configure(String pid, String key, Object value) throws Exception {
    org.osgi.service.cm.Configuration cfg = configurations.getConfiguration(pid, "?");
    java.util.Dictionary<String, Object> props = cfg.getProperties();
    if (props == null) {
      props = new java.util.Hashtable<>();
    }
    props.put(key, value);
    cfg.update(props);
  }

  @Test
  public void a07_aDeviceThatStopsReportingRaisesAnAlarmResolvedWhenItIsBack() throws Exception {
    // a heartbeat timeout of 2 s and a check every second, for the test's sake
    configure("org.courtyard.devices.gateway", "heartbeatTimeoutSeconds", 2);
    configure("org.courtyard.security", "offlineCheckSeconds", 1);
    try {
      MqttClient door = DevicesIT.connect("guard_co/door-1", doorPassword);
      try {
        door.publish("t/guard_co/d/door-1/up", frame(0x03, 200), 1, false); // heartbeat
      } finally {
        door.disconnect();
      }
      JsonNode raised =
          DevicesIT.await(
              guard,
              "/security/alarms?status=raised",
              j -> j.toString().contains("\"kind\":\"device_offline\""));
      assertTrue(raised.toString(), raised.toString().contains("\"source\":\"heartbeat\""));
      door = DevicesIT.connect("guard_co/door-1", doorPassword);
      try {
        door.publish("t/guard_co/d/door-1/up", frame(0x03, 201), 1, false);
      } finally {
        door.disconnect();
      }
      JsonNode resolved =
          DevicesIT.await(
              guard,
              "/security/alarms?status=resolved",
              j -> j.toString().contains("\"kind\":\"device_offline\""));
      assertTrue(resolved.toString(), resolved.toString().contains("\"resolvedBy\":\"device\""));
    } finally {
      configure("org.courtyard.devices.gateway", "heartbeatTimeoutSeconds", 300);
      configure("org.courtyard.security", "offlineCheckSeconds", 60);
    }
  }

  @Test
  public void a08_aGuardOpensADoorRemotelyAndTheLogSaysWhoAndWhy() throws Exception {
    try (Downlink down = Downlink.of("guard_co/door-1", doorPassword)) {
      Http.Reply opened =
          guard.post(
              "/security/doors/door-1/open",
              map("door", "1", "by", "Guard Li", "reason", "courier"));
      assertEquals(opened.toString(), 202, opened.status);
      assertEquals("sent", opened.json.path("command").path("status").asText());
      byte[] frame = down.poll(10, TimeUnit.SECONDS);
      assertTrue("the controller got no open frame", frame != null);
      assertEquals(0xA5, frame[0] & 0xFF);
      assertEquals(0x81, frame[4] & 0xFF); // OPEN
      JsonNode log = items(guard, "/security/access-events?deviceId=door-1");
      JsonNode first = log.get(0);
      assertEquals(log.toString(), "remote", first.path("credentialKind").asText());
      assertTrue(log.toString(), first.path("granted").asBoolean());
      assertEquals("opened remotely by Guard Li: courier", first.path("reason").asText());
    }
    long lines = items(guard, "/security/access-events?deviceId=door-1&limit=500").size();
    // bad input, an unknown device and another tenant's door: refused, nothing sent or logged
    assertEquals(422, guard.post("/security/doors/door-1/open", map("door", "1")).status);
    assertEquals(
        422, guard.post("/security/doors/door-1/open", map("door", "x", "by", "Li")).status);
    Http.Reply unknown = guard.post("/security/doors/no-such-door/open", map("by", "Li"));
    assertEquals(unknown.toString(), 404, unknown.status);
    Http.Reply foreign = other.post("/security/doors/door-1/open", map("by", "Intruder"));
    assertEquals(foreign.toString(), 404, foreign.status);
    Http.Reply tooMany = guard.post("/security/doors/door-1/open", map("door", "9", "by", "Li"));
    assertEquals(tooMany.toString(), 422, tooMany.status);
    assertEquals(lines, items(guard, "/security/access-events?deviceId=door-1&limit=500").size());
  }

  @Test
  public void a09_tomorrowsRoundsAreCreatedWithoutAnyoneAskingAndOnlyOnce() throws Exception {
    Http.Reply route =
        other.post(
            "/security/patrol/routes",
            map(
                "name",
                "Day round 日巡",
                "checkpoints",
                List.of("TAG-GATE"),
                "times",
                List.of("09:00", "21:00"),
                "roundMinutes",
                20));
    assertEquals(route.toString(), 201, route.status);
    String rounds =
        "select count(*) from t_other_co.patrol_round r join t_other_co.patrol_route p"
            + " on p.id = r.route_id where p.name = 'Day round 日巡'";
    assertEquals(0, PlatformIT.count(rounds));
    configure("org.courtyard.security", "patrolScheduleSeconds", 1);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (PlatformIT.count(rounds) < 4 && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      // two times a day, today and tomorrow in Asia/Shanghai
      assertEquals(4, PlatformIT.count(rounds));
      Thread.sleep(2_500); // more runs of the job
      assertEquals(4, PlatformIT.count(rounds));
      assertEquals(
          1,
          PlatformIT.count(
              "select count(*) from t_other_co.patrol_round r join t_other_co.patrol_route p on"
                  + " p.id = r.route_id where p.name = 'Day round 日巡' and r.starts_at = ?",
              java.sql.Timestamp.from(
                  java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                      .plusDays(1)
                      .atTime(9, 0)
                      .atZone(java.time.ZoneId.of("Asia/Shanghai"))
                      .toInstant())));
    } finally {
      configure("org.courtyard.security", "patrolScheduleSeconds", 3600);
    }
  }

  @Test
  public void a10_aCredentialIsPushedToItsControllersAndTakenBackWhenRevoked() throws Exception {
    try (Downlink down = Downlink.of("guard_co/door-1", doorPassword)) {
      Http.Reply issued =
          guard.post(
              "/security/credentials",
              map(
                  "kind",
                  "card",
                  "credential",
                  "C-7788",
                  "holder",
                  "Li Na 李娜",
                  "doors",
                  List.of("door-1:2", "no-such-gate"),
                  "validFrom",
                  "2026-01-01T00:00:00Z",
                  "validTo",
                  "2027-01-01T00:00:00Z"));
      assertEquals(issued.toString(), 201, issued.status);
      JsonNode pushes = issued.json.path("pushes");
      assertEquals(pushes.toString(), 2, pushes.size());
      JsonNode sent =
          pushes.get(0).path("deviceId").asText().equals("door-1") ? pushes.get(0) : pushes.get(1);
      JsonNode failed = sent == pushes.get(0) ? pushes.get(1) : pushes.get(0);
      assertEquals(sent.toString(), "sent", sent.path("status").asText());
      assertEquals("2", sent.path("door").asText());
      assertTrue(sent.toString(), sent.path("commandId").isNumber());
      assertEquals(failed.toString(), "failed", failed.path("status").asText());
      assertTrue(failed.toString(), failed.path("detail").asText().contains("no-such-gate"));

      byte[] add = down.poll(10, TimeUnit.SECONDS);
      assertTrue("the controller was told of the card", add != null);
      assertEquals(0x82, add[4] & 0xFF);
      assertEquals(1, add[13]); // card
      assertEquals(2, add[14]); // door 2
      assertEquals(
          "C-7788", new String(add, 24, add[23], StandardCharsets.US_ASCII)); // n, then the card
      // the device's commands list it too, and the listing shows the pushes
      assertTrue(guard.get("/devices/devices/door-1/commands").text.contains("\"credential-add\""));
      JsonNode listed = items(guard, "/security/credentials?holder=li%20na").get(0);
      assertEquals(2, listed.path("pushes").size());

      long id = issued.json.path("id").asLong();
      assertEquals(404, other.post("/security/credentials/" + id + "/revoke", "").status);
      assertTrue(down.poll(500, TimeUnit.MILLISECONDS) == null);
      Http.Reply revoked = guard.post("/security/credentials/" + id + "/revoke", "");
      assertEquals(revoked.toString(), 200, revoked.status);
      boolean removeSent = false;
      for (JsonNode p : revoked.json.path("pushes")) {
        removeSent |=
            p.path("action").asText().equals("remove")
                && p.path("deviceId").asText().equals("door-1")
                && p.path("status").asText().equals("sent");
      }
      assertTrue(revoked.text, removeSent);
      byte[] remove = down.poll(10, TimeUnit.SECONDS);
      assertTrue("the controller was told to forget the card", remove != null);
      assertEquals(0x83, remove[4] & 0xFF);
    }
  }

  // ------------------------------------------------------------------------------ pages

  /** The five lists of the module, each paginated by {@code limit} and {@code cursor}. */
  private static final List<String> LISTS =
      List.of(
          "/security/access-events",
          "/security/alarms",
          "/security/patrol/routes",
          "/security/patrol/rounds",
          "/security/credentials");

  @Test
  public void a11_theAccessLogAndAlarmsArePagedNewestFirstAndEachRowIsSeenOnce() throws Exception {
    Http.Reply second =
        guard.post(
            "/devices/devices",
            map(
                "id",
                "door-2",
                "type",
                "door-controller",
                "name",
                "Garage gate",
                "location",
                map("kind", "gate", "ref", "Garage")));
    assertEquals(second.toString(), 201, second.status);
    String secondPassword = second.json.path("mqtt").path("password").asText();
    long eventsBefore = PlatformIT.count("select count(*) from t_guard_co.access_event");
    long alarmsBefore = PlatformIT.count("select count(*) from t_guard_co.alarm");
    // 130 access lines, three to a second (so that pages end inside a second) over two
    // controllers, every fifth refused; 64 door-forced alarms, three to a second: six left raised
    // on door-2 (one per door and kind: one open alarm each), the others cleared by door-1 at once
    long base = 1_764_300_000L;
    int events = 130;
    int alarms = 64;
    int open = 0;
    MqttClient door1 = DevicesIT.connect("guard_co/door-1", doorPassword);
    MqttClient door2 = DevicesIT.connect("guard_co/door-2", secondPassword);
    try {
      long seq = 10_000;
      for (int i = 0; i < events; i++) {
        byte[] f =
            at(access(seq++, 1 + i % 2, i % 5 != 0, i % 5 == 0 ? 2 : 0, 1, "PG" + i), base + i / 3);
        (i % 3 == 0 ? door2 : door1).publish(up(i % 3 == 0 ? "door-2" : "door-1"), f, 1, false);
      }
      for (int i = 0; i < alarms; i++) {
        long time = base + i / 3;
        if (i % 10 == 0 && open < 6) {
          int kind = 1 + open % 3;
          int door = 1 + open / 3;
          door2.publish(up("door-2"), at(alarm(seq++, door, kind, true), time), 1, false);
          open++;
        } else {
          int door = 1 + i % 2;
          door1.publish(up("door-1"), at(alarm(seq++, door, 1, true), time), 1, false);
          door1.publish(up("door-1"), at(alarm(seq++, door, 1, false), time), 1, false);
        }
      }
    } finally {
      door1.disconnect();
      door2.disconnect();
    }
    awaitCount("select count(*) from t_guard_co.access_event", eventsBefore + events);
    awaitCount("select count(*) from t_guard_co.alarm", alarmsBefore + alarms);
    awaitCount(
        "select count(*) from t_guard_co.alarm where device_id = 'door-1' and kind ="
            + " 'door_forced' and status = 'resolved' and raised_at >= to_timestamp("
            + base
            + ")",
        alarms - open);
    assertEquals(6, open);

    String events0 = "select id from t_guard_co.access_event";
    String eventOrder = " order by at desc, id desc";
    for (String[] walk :
        new String[][] {
          {"", ""},
          {"granted=false", " where not granted"},
          {"deviceId=door-2", " where device_id = 'door-2'"},
          {"deviceId=door-1&granted=true", " where device_id = 'door-1' and granted"},
        }) {
      for (int limit : new int[] {7, 50}) {
        List<JsonNode> seen = walk(guard, "/security/access-events?" + walk[0], limit);
        assertEquals(walk[0] + " limit " + limit, ids(events0 + walk[1] + eventOrder), ids(seen));
      }
    }
    // the default page is 50 lines, and the next one follows on
    Http.Reply first = guard.get("/security/access-events");
    assertEquals(50, first.json.path("items").size());
    assertTrue(first.text, first.json.path("nextCursor").isTextual());
    Http.Reply on =
        guard.get("/security/access-events?cursor=" + first.json.path("nextCursor").asText());
    assertEquals(
        ids(events0 + eventOrder).subList(50, 50 + on.json.path("items").size()),
        ids(toList(on.json.path("items"))));
    // newest first, also inside a second: by id
    List<JsonNode> all = walk(guard, "/security/access-events", 11);
    for (int i = 1; i < all.size(); i++) {
      Instant a = Instant.parse(all.get(i - 1).path("at").asText());
      Instant b = Instant.parse(all.get(i).path("at").asText());
      assertTrue(
          all.get(i - 1) + " before " + all.get(i),
          a.isAfter(b)
              || (a.equals(b)
                  && all.get(i - 1).path("id").asLong() > all.get(i).path("id").asLong()));
    }

    String alarms0 = "select id from t_guard_co.alarm";
    String alarmOrder = " order by raised_at desc, id desc";
    for (String[] walk :
        new String[][] {
          {"", ""},
          {"status=raised", " where status = 'raised'"},
          {"status=resolved", " where status = 'resolved'"},
        }) {
      for (int limit : new int[] {5, 50}) {
        List<JsonNode> seen = walk(guard, "/security/alarms?" + walk[0], limit);
        assertEquals(walk[0] + " limit " + limit, ids(alarms0 + walk[1] + alarmOrder), ids(seen));
      }
    }
    assertTrue(ids(alarms0 + " where status = 'raised'").size() >= open);
  }

  @Test
  public void a12_routesRoundsAndCredentialsArePagedAndEachIsSeenOnce() throws Exception {
    int routes = 55;
    for (int i = 0; i < routes; i++) {
      Http.Reply r =
          guard.post(
              "/security/patrol/routes",
              map(
                  "name",
                  String.format("Page route %02d", i),
                  "checkpoints",
                  List.of("TAG-P" + i),
                  "times",
                  List.of("06:00", "18:00"),
                  "roundMinutes",
                  30));
      assertEquals(r.toString(), 201, r.status);
    }
    List<JsonNode> seen = walk(guard, "/security/patrol/routes", 8);
    assertEquals(ids("select id from t_guard_co.patrol_route order by id"), ids(seen));
    assertEquals(
        ids("select id from t_guard_co.patrol_route order by id"),
        ids(walk(guard, "/security/patrol/routes", 500)));

    // today's rounds: 55 routes start at 06:00 and 18:00 (UTC), so pages end inside a start time
    Http.Reply today =
        guard.post("/security/patrol/schedule?zone=UTC&date=" + LocalDate.now(ZoneOffset.UTC), "");
    assertEquals(today.toString(), 200, today.status);
    Set<Long> scheduled = new HashSet<>(ids(toList(today.json)));
    assertTrue(today.text, scheduled.size() >= 2 * routes);
    for (int limit : new int[] {9, 50}) {
      Instant before = Instant.now();
      List<JsonNode> rounds = walk(guard, "/security/patrol/rounds", limit);
      Instant after = Instant.now();
      List<Long> ids = ids(rounds);
      assertTrue(ids.toString(), ids.containsAll(scheduled));
      for (int i = 1; i < rounds.size(); i++) {
        Instant a = Instant.parse(rounds.get(i - 1).path("startsAt").asText());
        Instant b = Instant.parse(rounds.get(i).path("startsAt").asText());
        assertTrue(
            rounds.get(i - 1) + " before " + rounds.get(i),
            a.isBefore(b) || (a.equals(b) && ids.get(i - 1) < ids.get(i)));
      }
      // exactly the rounds of the last and next 24 hours (give or take the walk's own time)
      String window =
          "select id from t_guard_co.patrol_round where starts_at < ? and due_at > ? order by id";
      Set<Long> surely =
          new HashSet<>(
              ids(
                  window,
                  Timestamp.from(before.plus(Duration.ofDays(1))),
                  Timestamp.from(after.minus(Duration.ofDays(1)))));
      Set<Long> atMost =
          new HashSet<>(
              ids(
                  window,
                  Timestamp.from(after.plus(Duration.ofDays(1))),
                  Timestamp.from(before.minus(Duration.ofDays(1)))));
      assertTrue(ids + " holds " + surely, new HashSet<>(ids).containsAll(surely));
      assertTrue(atMost + " holds " + ids, atMost.containsAll(ids));
    }

    int credentials = 60;
    for (int i = 0; i < credentials; i++) {
      Http.Reply r =
          guard.post(
              "/security/credentials",
              map(
                  "kind",
                  "card",
                  "credential",
                  "PAGE-" + i,
                  "holder",
                  "Page Holder " + i,
                  "doors",
                  List.of("no-gate-" + i)));
      assertEquals(r.toString(), 201, r.status);
      if (i % 6 == 0) {
        assertEquals(
            200,
            guard.post("/security/credentials/" + r.json.path("id").asLong() + "/revoke", "")
                .status);
      }
    }
    String creds = "select id from t_guard_co.access_credential";
    for (String[] walk :
        new String[][] {
          {"", ""},
          {"holder=page%20HOLDER", " where lower(holder) like '%page holder%'"},
          {"status=revoked", " where status = 'revoked'"},
          {"holder=page&status=active", " where lower(holder) like '%page%' and status = 'active'"},
        }) {
      for (int limit : new int[] {7, 50}) {
        List<JsonNode> page = walk(guard, "/security/credentials?" + walk[0], limit);
        assertEquals(
            walk[0] + " limit " + limit, ids(creds + walk[1] + " order by id desc"), ids(page));
      }
    }
    // each listed credential still says what its controllers were told
    JsonNode one = items(guard, "/security/credentials?holder=page%20holder%2059");
    assertEquals(one.toString(), 1, one.size());
    assertEquals("failed", one.get(0).path("pushes").get(0).path("status").asText());
    // the holder filter matches its characters as they are: _ and % are no wildcards
    assertEquals(0, items(guard, "/security/credentials?holder=_").size());
    assertEquals(0, items(guard, "/security/credentials?holder=%25").size());
    assertEquals(0, items(guard, "/security/credentials?holder=page_holder").size());
  }

  @Test
  public void a13_aLimitOutOfBoundsOrACursorThisApiDidNotGiveIsA400Problem() throws Exception {
    for (String list : LISTS) {
      for (String limit : List.of("0", "501", "abc", "-1", "1.5", "99999999999")) {
        Http.Reply r = guard.get(list + "?limit=" + limit);
        assertProblem(r, 400, "invalid-limit");
      }
      assertEquals(1, items(guard, list + "?limit=1").size());
      assertEquals(200, guard.get(list + "?limit=500").status);
      assertEquals(200, guard.get(list + "?cursor=").status);
      Http.Reply first = guard.get(list + "?limit=2");
      String cursor = first.json.path("nextCursor").asText();
      assertTrue(list + " " + first.text, !cursor.isEmpty());
      assertEquals(200, guard.get(list + "?limit=2&cursor=" + cursor).status);
      char c = cursor.charAt(0);
      for (String bad :
          List.of(
              (c == 'Q' ? 'R' : 'Q') + cursor.substring(1), // the list's name in it changed
              cursor + "!!",
              "not-a-cursor",
              "x".repeat(300),
              "%20" + cursor,
              Base64.getUrlEncoder()
                  .withoutPadding()
                  .encodeToString("id:-5".getBytes(StandardCharsets.US_ASCII)),
              Base64.getUrlEncoder()
                  .withoutPadding()
                  .encodeToString(
                      "ae:99999999999999999999:1".getBytes(StandardCharsets.US_ASCII)))) {
        assertProblem(guard.get(list + "?cursor=" + bad), 400, "invalid-cursor");
      }
    }
    // a cursor of one list is refused by another
    String alarmsCursor = guard.get("/security/alarms?limit=1").json.path("nextCursor").asText();
    assertProblem(
        guard.get("/security/access-events?cursor=" + alarmsCursor), 400, "invalid-cursor");
    assertProblem(
        guard.get("/security/patrol/rounds?cursor=" + alarmsCursor), 400, "invalid-cursor");
    assertProblem(
        guard.get("/security/patrol/routes?cursor=" + alarmsCursor), 400, "invalid-cursor");
    String routesCursor =
        guard.get("/security/patrol/routes?limit=1").json.path("nextCursor").asText();
    assertProblem(guard.get("/security/alarms?cursor=" + routesCursor), 400, "invalid-cursor");

    // the served document says so
    JsonNode doc = Http.anonymous(CourtyardContainer.httpPort()).get("/openapi.json").json;
    for (String list : LISTS) {
      JsonNode get = doc.path("paths").path("/v1" + list).path("get");
      List<String> params = new ArrayList<>();
      get.path("parameters").forEach(p -> params.add(p.path("name").asText()));
      assertTrue(list + " " + params, params.containsAll(List.of("limit", "cursor")));
      String ref =
          get.path("responses")
              .path("200")
              .path("content")
              .path("application/json")
              .path("schema")
              .path("$ref")
              .asText();
      JsonNode schema =
          doc.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
      assertEquals(
          list + " " + ref, "array", schema.path("properties").path("items").path("type").asText());
      assertEquals(
          list + " " + ref,
          "string",
          schema.path("properties").path("nextCursor").path("type").asText());
    }
  }

  @Test
  public void a14_anotherTenantsPagesHoldOnlyItsOwnRows() throws Exception {
    for (int i = 0; i < 8; i++) {
      assertEquals(
          201,
          other.post(
                  "/security/patrol/routes",
                  map(
                      "name",
                      "Other route " + i,
                      "checkpoints",
                      List.of("TAG-O" + i),
                      "times",
                      List.of("07:00"),
                      "roundMinutes",
                      20))
              .status);
      assertEquals(
          201,
          other.post(
                  "/security/credentials",
                  map(
                      "kind",
                      "pin",
                      "credential",
                      "OTHER-" + i,
                      "holder",
                      "Other Holder " + i,
                      "doors",
                      List.of("no-gate")))
              .status);
    }
    assertEquals(
        200,
        other.post("/security/patrol/schedule?zone=UTC&date=" + LocalDate.now(ZoneOffset.UTC), "")
            .status);
    assertEquals(
        ids("select id from t_other_co.patrol_route order by id"),
        ids(walk(other, "/security/patrol/routes", 3)));
    assertEquals(
        ids("select id from t_other_co.access_credential order by id desc"),
        ids(walk(other, "/security/credentials", 3)));
    for (String list : LISTS) {
      // walked with its own pages and with a cursor of the guard's: nothing of the guard's
      List<JsonNode> rows = walk(other, list, 3);
      String guardsCursor = guard.get(list + "?limit=2").json.path("nextCursor").asText();
      Http.Reply fromGuards = other.get(list + "?limit=500&cursor=" + guardsCursor);
      assertEquals(fromGuards.toString(), 200, fromGuards.status);
      rows.addAll(toList(fromGuards.json.path("items")));
      for (JsonNode row : rows) {
        String text = row.toString();
        assertTrue(list + ": " + text, !text.contains("door-1") && !text.contains("door-2"));
        assertTrue(
            list + ": " + text, !text.contains("Page route") && !text.contains("Page Holder"));
        assertTrue(list + ": " + text, !text.contains("PAGE-") && !text.contains("\"PG"));
      }
    }
    assertEquals(0, walk(other, "/security/access-events", 3).size());
    assertEquals(0, walk(other, "/security/alarms", 3).size());
    assertTrue(walk(other, "/security/patrol/rounds", 3).size() >= 8);
  }

  // ------------------------------------------------------------------------------ #12

  private static long issueCard(
      String kind, String value, String holder, Long personId, List<String> doors)
      throws Exception {
    Map<String, Object> body =
        new java.util.HashMap<>(
            map("kind", kind, "credential", value, "holder", holder, "doors", doors));
    if (personId != null) {
      body.put("personId", personId);
    }
    Http.Reply r = guard.post("/security/credentials", body);
    assertEquals(r.toString(), 201, r.status);
    return r.json.path("id").asLong();
  }

  /** The ids of every credential a filtered list holds. */
  private static Set<Long> credentialIds(String query) throws Exception {
    return new HashSet<>(ids(walk(guard, "/security/credentials?" + query, 2)));
  }

  @Test
  public void a15_credentialsAreFoundByKindDoorAndPersonAndARevocationSaysWhoAndWhy()
      throws Exception {
    long f1 = issueCard("card", "F-CARD-1", "Filter Ma", 501L, List.of("fgate-1"));
    long f2 = issueCard("pin", "F-PIN-2", "Filter Ma", 501L, List.of("fgate-1:2"));
    long f3 = issueCard("qr", "F-QR-3", "Filter Niu", null, List.of("fgate-2:1", "fgate-1:3"));
    long f4 = issueCard("card", "F-CARD-4", "Filter Niu", null, List.of("fgate-2"));

    // a controller: any of its doors; a door: that door, or the whole controller
    assertEquals(Set.of(f1, f2, f3), credentialIds("door=fgate-1"));
    assertEquals(Set.of(f1, f2), credentialIds("door=fgate-1:2"));
    assertEquals(Set.of(f1), credentialIds("door=fgate-1:9"));
    assertEquals(Set.of(f3, f4), credentialIds("door=fgate-2"));
    assertEquals(Set.of(f3, f4), credentialIds("door=fgate-2:1"));
    assertEquals(Set.of(), credentialIds("door=fgate-3"));
    assertEquals(Set.of(f4), credentialIds("kind=card&door=fgate-2"));
    assertEquals(Set.of(f3), credentialIds("kind=qr&holder=filter"));
    assertEquals(Set.of(f2), credentialIds("kind=pin&holder=filter%20ma"));
    assertEquals(Set.of(f1, f2), credentialIds("personId=501"));
    assertEquals(
        new HashSet<>(ids("select id from t_guard_co.access_credential where kind = 'card'")),
        credentialIds("kind=card"));
    assertProblem(guard.get("/security/credentials?kind=face"), 400, "invalid-parameter");
    assertProblem(guard.get("/security/credentials?door=Gate%201"), 400, "invalid-parameter");
    assertProblem(guard.get("/security/credentials?door=fgate-1:"), 400, "invalid-parameter");
    assertProblem(guard.get("/security/credentials?personId=abc"), 400, "invalid-parameter");

    Http.Reply one = guard.get("/security/credentials/" + f2);
    assertEquals(one.toString(), 200, one.status);
    assertEquals("F-PIN-2", one.json.path("credential").asText());
    assertEquals(501, one.json.path("personId").asLong());
    assertEquals(one.toString(), 1, one.json.path("pushes").size());
    assertTrue(one.toString(), one.json.path("revokedBy").isNull());
    assertProblem(guard.get("/security/credentials/999999"), 404, "credential-not-found");
    assertProblem(other.get("/security/credentials/" + f2), 404, "credential-not-found");

    Http.Reply revoked =
        guard.post("/security/credentials/" + f2 + "/revoke", map("reason", "card lost 卡丢失"));
    assertEquals(revoked.toString(), 200, revoked.status);
    assertEquals("revoked", revoked.json.path("status").asText());
    assertEquals("card lost 卡丢失", revoked.json.path("reason").asText());
    String by = revoked.json.path("revokedBy").asText();
    assertFalse(revoked.toString(), by.isBlank());
    assertTrue(revoked.toString(), revoked.json.path("revokedAt").isTextual());
    Http.Reply again = guard.get("/security/credentials/" + f2);
    assertEquals(by, again.json.path("revokedBy").asText());
    assertEquals("card lost 卡丢失", again.json.path("reason").asText());
    assertEquals(revoked.json.path("revokedAt"), again.json.path("revokedAt"));
    assertEquals(
        List.of(1L),
        ids(
            "select 1 from t_guard_co.access_credential where id = ? and revoked_by = ?"
                + " and revoke_reason = 'card lost 卡丢失' and revoked_at is not null",
            f2,
            by));

    // no body and no content type at all: revoked, without a reason
    java.net.http.HttpResponse<String> bare =
        guard.raw("POST", "/security/credentials/" + f1 + "/revoke", Map.of(), null, false);
    assertEquals(bare.body(), 200, bare.statusCode());
    Http.Reply plain = guard.get("/security/credentials/" + f1);
    assertEquals("revoked", plain.json.path("status").asText());
    assertTrue(plain.toString(), plain.json.path("reason").isNull());
    assertEquals(by, plain.json.path("revokedBy").asText());

    Http.Reply tooLong =
        guard.post("/security/credentials/" + f3 + "/revoke", map("reason", "x".repeat(201)));
    assertProblem(tooLong, 422, "validation-failed");
    assertEquals("reason", tooLong.json.path("errors").get(0).path("field").asText());
    assertProblem(
        guard.post("/security/credentials/" + f3 + "/revoke", map("why", "lost")),
        400,
        "malformed-json");
    assertProblem(
        guard.postBytes(
            "/security/credentials/" + f3 + "/revoke",
            "text/plain",
            "card lost".getBytes(StandardCharsets.UTF_8)),
        415,
        "unsupported-media-type");
    assertProblem(
        guard.post("/security/credentials/" + f3 + "/revoke", "{\"reason\": "),
        400,
        "malformed-json");
    assertEquals("active", guard.get("/security/credentials/" + f3).json.path("status").asText());
    assertEquals(Set.of(f1, f2), credentialIds("status=revoked&door=fgate-1"));
    assertEquals(Set.of(f3), credentialIds("status=active&door=fgate-1"));
  }

  /** How many rounds of the route the database holds, {@code when} (SQL) with its arguments. */
  private static long routeRounds(long route, String when, Object... args) throws Exception {
    Object[] all = new Object[args.length + 1];
    all[0] = route;
    System.arraycopy(args, 0, all, 1, args.length);
    return PlatformIT.count(
        "select count(*) from t_guard_co.patrol_round where route_id = ?" + when, all);
  }

  @Test
  public void a16_aRouteIsEditedAtItsVersionRetiredWithItsHistoryOrDeletedWhileUnused()
      throws Exception {
    java.time.ZonedDateTime soon =
        java.time.ZonedDateTime.now(ZoneOffset.UTC)
            .plusHours(2)
            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    String at = soon.toLocalTime().toString();
    Http.Reply created =
        guard.post(
            "/security/patrol/routes",
            map(
                "name",
                "Edit loop",
                "checkpoints",
                List.of("door-1:1", "tag-e1"),
                "times",
                List.of(at),
                "roundMinutes",
                30));
    assertEquals(created.toString(), 201, created.status);
    long route = created.json.path("id").asLong();
    assertEquals("active", created.json.path("status").asText());
    assertEquals(0, created.json.path("version").asInt());
    Http.Reply read = guard.get("/security/patrol/routes/" + route);
    assertEquals(read.toString(), created.json, read.json);
    assertProblem(guard.get("/security/patrol/routes/999999"), 404, "route-not-found");
    assertProblem(other.get("/security/patrol/routes/" + route), 404, "route-not-found");

    // a round that began yesterday (missed: its history) and one still to come
    LocalDate yesterday = soon.toLocalDate().minusDays(1);
    Http.Reply past = guard.post("/security/patrol/schedule?zone=UTC&date=" + yesterday, "");
    long pastRound = 0;
    for (JsonNode r : past.json) {
      if (r.path("routeId").asLong() == route) {
        pastRound = r.path("id").asLong();
      }
    }
    assertTrue(past.text, pastRound > 0);
    assertEquals(
        200,
        guard.post("/security/patrol/schedule?zone=UTC&date=" + soon.toLocalDate(), "").status);
    assertEquals(
        1, routeRounds(route, " and starts_at = ?", java.sql.Timestamp.from(soon.toInstant())));

    Map<String, Object> edit =
        new java.util.HashMap<>(
            map(
                "name",
                "Edit loop 2",
                "checkpoints",
                List.of("door-1:1", "tag-e2"),
                "times",
                List.of(soon.plusHours(1).toLocalTime().toString()),
                "roundMinutes",
                45,
                "version",
                0));
    Http.Reply edited = guard.put("/security/patrol/routes/" + route + "?zone=UTC", edit);
    assertEquals(edited.toString(), 200, edited.status);
    assertEquals("Edit loop 2", edited.json.path("name").asText());
    assertEquals(List.of("door-1:1", "tag-e2"), strings(edited.json.path("checkpoints")));
    assertEquals(45, edited.json.path("roundMinutes").asInt());
    assertEquals(1, edited.json.path("version").asInt());
    // the round still to come went with the old route; the edited one's come instead
    assertEquals(
        0, routeRounds(route, " and starts_at = ?", java.sql.Timestamp.from(soon.toInstant())));
    assertEquals(
        1,
        routeRounds(
            route, " and starts_at = ?", java.sql.Timestamp.from(soon.plusHours(1).toInstant())));
    assertEquals(
        0,
        routeRounds(
            route, " and starts_at > now() and checkpoints <> array['door-1:1', 'tag-e2']"));
    // the round that began keeps what it was made with, so it still missed tag-e1
    Http.Reply history = guard.get("/security/patrol/rounds/" + pastRound);
    assertEquals(history.toString(), 200, history.status);
    assertEquals("missed", history.json.path("status").asText());
    assertEquals(List.of("door-1:1", "tag-e1"), strings(history.json.path("missed")));

    assertProblem(guard.put("/security/patrol/routes/" + route, edit), 409, "stale-version");
    assertEquals(
        1, guard.put("/security/patrol/routes/" + route, edit).json.path("currentVersion").asInt());
    edit.remove("version");
    Http.Reply noVersion = guard.put("/security/patrol/routes/" + route, edit);
    assertProblem(noVersion, 422, "validation-failed");
    assertEquals("version", noVersion.json.path("errors").get(0).path("field").asText());
    Http.Reply otherRoute =
        guard.post(
            "/security/patrol/routes",
            map(
                "name",
                "Edit neighbour",
                "checkpoints",
                List.of("tag-n"),
                "times",
                List.of(at),
                "roundMinutes",
                30));
    edit.put("version", 1);
    edit.put("name", "Edit neighbour");
    assertProblem(guard.put("/security/patrol/routes/" + route, edit), 409, "route-exists");
    edit.put("name", "Edit loop 2");
    assertProblem(guard.put("/security/patrol/routes/999999", edit), 404, "route-not-found");
    assertProblem(other.put("/security/patrol/routes/" + route, edit), 404, "route-not-found");

    // a round began on it: deleting it would lose that, so it is retired instead
    assertProblem(guard.delete("/security/patrol/routes/" + route), 409, "route-in-use");
    assertProblem(
        other.post("/security/patrol/routes/" + route + "/retire", ""), 404, "route-not-found");
    Http.Reply retired = guard.post("/security/patrol/routes/" + route + "/retire", "");
    assertEquals(retired.toString(), 200, retired.status);
    assertEquals("retired", retired.json.path("status").asText());
    assertTrue(retired.toString(), retired.json.path("retiredAt").isTextual());
    assertEquals(2, retired.json.path("version").asInt());
    assertEquals(0, routeRounds(route, " and starts_at > now()"));
    assertEquals(200, guard.get("/security/patrol/rounds/" + pastRound).status);
    assertProblem(
        guard.post("/security/patrol/routes/" + route + "/retire", ""), 409, "route-retired");
    edit.put("version", 2);
    assertProblem(guard.put("/security/patrol/routes/" + route, edit), 409, "route-retired");
    boolean listed = false;
    for (JsonNode r : walk(guard, "/security/patrol/routes", 50)) {
      if (r.path("id").asLong() == route) {
        listed = r.path("status").asText().equals("retired");
      }
    }
    assertTrue("a retired route is still listed, as retired", listed);

    // no schedule makes rounds for it any more, asked for or by the job
    for (LocalDate d : List.of(soon.toLocalDate(), soon.toLocalDate().plusDays(1))) {
      Http.Reply day = guard.post("/security/patrol/schedule?zone=UTC&date=" + d, "");
      assertEquals(day.toString(), 200, day.status);
      for (JsonNode r : day.json) {
        assertTrue(r.toString(), r.path("routeId").asLong() != route);
      }
    }
    long neighbour = otherRoute.json.path("id").asLong();
    configure("org.courtyard.security", "patrolScheduleSeconds", 1);
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      // the job has run once the neighbour has its rounds for tomorrow in Asia/Shanghai
      java.sql.Timestamp tomorrow =
          java.sql.Timestamp.from(
              LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))
                  .plusDays(1)
                  .atTime(soon.toLocalTime())
                  .atZone(java.time.ZoneId.of("Asia/Shanghai"))
                  .toInstant());
      while (routeRounds(neighbour, " and starts_at = ?", tomorrow) == 0
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      assertEquals(1, routeRounds(neighbour, " and starts_at = ?", tomorrow));
      Thread.sleep(1_500);
      assertEquals(0, routeRounds(route, " and starts_at > now()"));
    } finally {
      configure("org.courtyard.security", "patrolScheduleSeconds", 3600);
    }

    // a route none of whose rounds began is deleted, with the rounds made for later
    Http.Reply unused =
        guard.post(
            "/security/patrol/routes",
            map(
                "name",
                "Edit unused",
                "checkpoints",
                List.of("tag-u"),
                "times",
                List.of(at),
                "roundMinutes",
                30));
    long gone = unused.json.path("id").asLong();
    guard.post("/security/patrol/schedule?zone=UTC&date=" + soon.toLocalDate(), "");
    assertEquals(1, routeRounds(gone, ""));
    assertProblem(other.delete("/security/patrol/routes/" + gone), 404, "route-not-found");
    Http.Reply deleted = guard.delete("/security/patrol/routes/" + gone);
    assertEquals(deleted.toString(), 204, deleted.status);
    assertProblem(guard.get("/security/patrol/routes/" + gone), 404, "route-not-found");
    assertEquals(0, routeRounds(gone, ""));
    assertProblem(guard.delete("/security/patrol/routes/" + gone), 404, "route-not-found");
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  /** The items of the first page. */
  private static JsonNode items(Http api, String path) throws Exception {
    Http.Reply r = api.get(path);
    assertEquals(r.toString(), 200, r.status);
    assertTrue(r.text, r.json.path("items").isArray());
    return r.json.path("items");
  }

  /**
   * Every row of a list, page after page of {@code limit}: each page full but the last, and a
   * cursor exactly when another page follows.
   */
  private static List<JsonNode> walk(Http api, String path, int limit) throws Exception {
    List<JsonNode> rows = new ArrayList<>();
    String cursor = null;
    for (int pages = 1; ; pages++) {
      assertTrue(path + ": more than 1,000 pages", pages <= 1000);
      String uri =
          path
              + (path.contains("?") ? "&" : "?")
              + "limit="
              + limit
              + (cursor == null ? "" : "&cursor=" + cursor);
      Http.Reply r = api.get(uri);
      assertEquals(r.toString(), 200, r.status);
      JsonNode items = r.json.path("items");
      JsonNode next = r.json.path("nextCursor");
      assertTrue(uri + " " + r.text, items.isArray() && r.json.has("nextCursor"));
      rows.addAll(toList(items));
      if (next.isNull()) {
        assertTrue(uri + " " + r.text, items.size() <= limit);
        return rows;
      }
      assertEquals(uri + " " + r.text, limit, items.size());
      cursor = next.asText();
    }
  }

  private static List<JsonNode> toList(JsonNode array) {
    List<JsonNode> out = new ArrayList<>();
    array.forEach(out::add);
    return out;
  }

  /** The ids of rows, in order; an id seen twice fails. */
  private static List<Long> ids(List<JsonNode> rows) {
    List<Long> ids = new ArrayList<>();
    for (JsonNode r : rows) {
      ids.add(r.path("id").asLong());
    }
    assertEquals("an id seen twice: " + ids, ids.size(), new HashSet<>(ids).size());
    return ids;
  }

  /** What the database holds: the first column of a query, in its order. */
  private static List<Long> ids(String sql, Object... args) throws Exception {
    try (Connection c = PlatformIT.db();
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      List<Long> ids = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getLong(1));
        }
      }
      return ids;
    }
  }

  private static void awaitCount(String sql, long expected) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    long n = PlatformIT.count(sql);
    while (n < expected && System.nanoTime() < deadline) {
      Thread.sleep(100);
      n = PlatformIT.count(sql);
    }
    assertEquals(sql, expected, n);
  }

  private static void assertProblem(Http.Reply r, int status, String type) {
    assertEquals(r.toString(), status, r.status);
    assertTrue(r.toString(), r.contentType.startsWith("application/problem+json"));
    assertEquals(r.toString(), type, r.problemType());
  }

  private static String up(String device) {
    return "t/guard_co/d/" + device + "/up";
  }

  /** The frame with its device time set to {@code seconds}. */
  private static byte[] at(byte[] frame, long seconds) {
    ByteBuffer.wrap(frame).putInt(9, (int) seconds);
    fixCrc(frame);
    return frame;
  }

  /** A device's down topic as the device sees it: what the platform sent it, in order. */
  private static final class Downlink implements AutoCloseable {
    private final MqttClient client;
    private final BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();

    private Downlink(MqttClient client) {
      this.client = client;
    }

    static Downlink of(String username, String password) throws Exception {
      Downlink d = new Downlink(DevicesIT.connect(username, password));
      String topic = "t/" + username.replace("/", "/d/") + "/down";
      d.client.subscribe(topic, 1, (t, m) -> d.received.add(m.getPayload()));
      return d;
    }

    byte[] poll(long time, TimeUnit unit) throws InterruptedException {
      return received.poll(time, unit);
    }

    @Override
    public void close() throws Exception {
      client.disconnect();
    }
  }
}
