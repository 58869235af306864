package org.courtyard.admin.contract;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.Test;

/**
 * What the alarm and access-log screens rely on in {@code /security}: both lists as cursor pages
 * with their filters, the refusals of a bad filter or cursor, and acknowledging or resolving an
 * alarm: who acts is required (422 before anything else), an unknown alarm is 404 {@code
 * alarm-not-found}. (A new company has no alarms: devices raise them, so moving a real one on is
 * covered by the fake's Karibu tests and the platform's own ITs.) The credential screen relies on
 * the list's {@code holder}/{@code status} filters, issuing (201 with the credential, 422 {@code
 * validation-failed} naming each field in {@code errors}, 409 {@code credential-in-use}) and
 * revoking (409 {@code credential-revoked} the second time, 404 {@code credential-not-found}); the
 * patrol screen on routes, scheduling a day (400 {@code invalid-date}), the rounds list and one
 * round (404 {@code round-not-found}). Since #12's second pass: the credentials list's {@code kind}
 * and {@code door} filters (a controller: any of its doors; a door: also through a credential for
 * its whole controller), one credential by id, revoking with an optional reason that is kept with
 * who revoked (422 for one too long); a route by id, edited at its version (409 {@code
 * stale-version} with {@code currentVersion}, 422 naming {@code version} when it is missing),
 * retired (409 {@code route-retired} after, and no new rounds) and deleted only while no round of
 * it began (409 {@code route-in-use}).
 */
public abstract class SecurityContract extends TenantApiContract {

  @Test
  public void alarmsAreACursorListFilteredByStatus() {
    String guard = accessToken(target().newStaff("guard"));
    assertPage(send("GET", "security/alarms", null, guard));
    assertPage(send("GET", "security/alarms?status=raised&limit=5", null, guard));
    assertProblem(
        send("GET", "security/alarms?status=panic", null, guard), 400, "invalid-parameter");
    assertProblem(
        send("GET", "security/alarms?cursor=nonsense", null, guard), 400, "invalid-cursor");
  }

  @Test
  public void movingAnAlarmOnNeedsWhoActsAndAnAlarm() {
    String guard = accessToken(target().newStaff("guard"));
    assertProblem(
        send("POST", "security/alarms/987654/acknowledge", Map.of("note", "on my way"), guard),
        422,
        "validation-failed");
    assertProblem(
        send("POST", "security/alarms/987654/acknowledge", Map.of("by", "Guard Wang"), guard),
        404,
        "alarm-not-found");
    assertProblem(
        send("POST", "security/alarms/987654/resolve", Map.of("by", "Guard Wang"), guard),
        404,
        "alarm-not-found");

    String auditor = accessToken(target().newStaff("auditor"));
    assertPage(send("GET", "security/alarms", null, auditor));
    assertProblem(
        send("POST", "security/alarms/987654/resolve", Map.of("by", "Auditor"), auditor),
        403,
        "permission-denied");
  }

  @Test
  public void theAccessLogIsACursorListFilteredByDeviceAndDecision() {
    String guard = accessToken(target().newStaff("guard"));
    assertPage(send("GET", "security/access-events?granted=false&deviceId=gate-1", null, guard));
    assertProblem(
        send("GET", "security/access-events?granted=maybe", null, guard), 400, "invalid-parameter");
    assertProblem(
        send("GET", "security/access-events?cursor=nonsense", null, guard), 400, "invalid-cursor");

    String cashier = accessToken(target().newStaff("cashier"));
    Answer refused = send("GET", "security/access-events", null, cashier);
    assertEquals(describe(refused), 403, refused.status());
    assertProblem(refused, 403, "permission-denied");
  }

  @Test
  public void credentialsAreIssuedListedByHolderAndRevokedOnce() {
    String admin = accessToken(target().newStaff("administrator"));
    String value = "C" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String holder = "Holder " + value;
    Map<String, Object> card =
        Map.of(
            "kind",
            "card",
            "credential",
            value,
            "holder",
            holder,
            "doors",
            List.of("gate-" + value.toLowerCase() + ":1"),
            "validTo",
            "2099-01-01T00:00:00Z");
    Answer issued = send("POST", "security/credentials", card, admin);
    assertEquals(describe(issued), 201, issued.status());
    JsonNode c = issued.body();
    long id = c.path("id").asLong();
    assertEquals("active", c.path("status").asText());
    assertEquals(holder, c.path("holder").asText());
    assertEquals("card", c.path("kind").asText());
    assertTrue(describe(issued), c.path("doors").isArray() && c.path("pushes").isArray());
    assertTrue(describe(issued), c.path("validFrom").isTextual());
    assertEquals("2099-01-01T00:00:00Z", c.path("validTo").asText());

    assertProblem(send("POST", "security/credentials", card, admin), 409, "credential-in-use");

    Answer mine =
        send(
            "GET", "security/credentials?status=active&holder=" + value.toLowerCase(), null, admin);
    assertPage(mine);
    assertEquals(describe(mine), 1, mine.body().path("items").size());
    assertEquals(id, mine.body().path("items").get(0).path("id").asLong());

    Answer revoked = send("POST", "security/credentials/" + id + "/revoke", null, admin);
    assertEquals(describe(revoked), 200, revoked.status());
    assertEquals("revoked", revoked.body().path("status").asText());
    assertTrue(describe(revoked), revoked.body().path("revokedAt").isTextual());
    assertProblem(
        send("POST", "security/credentials/" + id + "/revoke", null, admin),
        409,
        "credential-revoked");
    assertProblem(
        send("POST", "security/credentials/987654/revoke", null, admin),
        404,
        "credential-not-found");
    Answer gone = send("GET", "security/credentials?status=active&holder=" + value, null, admin);
    assertEquals(describe(gone), 0, gone.body().path("items").size());
    Answer still = send("GET", "security/credentials?status=revoked&holder=" + value, null, admin);
    assertEquals(describe(still), 1, still.body().path("items").size());
  }

  @Test
  public void issuingNamesEveryWrongFieldAndTheListRefusesABadFilter() {
    String admin = accessToken(target().newStaff("administrator"));
    Answer refused =
        send(
            "POST",
            "security/credentials",
            Map.of(
                "kind", "face",
                "credential", "",
                "holder", " ",
                "doors", List.of("Not A Door!"),
                "validFrom", "tomorrow"),
            admin);
    assertProblem(refused, 422, "validation-failed");
    Set<String> fields = new HashSet<>();
    refused.body().path("errors").forEach(e -> fields.add(e.path("field").asText()));
    assertEquals(Set.of("kind", "credential", "holder", "doors", "validFrom"), fields);

    assertProblem(
        send("GET", "security/credentials?status=lost", null, admin), 400, "invalid-parameter");
    assertProblem(
        send("GET", "security/credentials?cursor=nonsense", null, admin), 400, "invalid-cursor");

    String auditor = accessToken(target().newStaff("auditor"));
    assertPage(send("GET", "security/credentials", null, auditor));
    assertProblem(
        send("POST", "security/credentials/987654/revoke", null, auditor),
        403,
        "permission-denied");
    String cashier = accessToken(target().newStaff("cashier"));
    assertProblem(send("GET", "security/credentials", null, cashier), 403, "permission-denied");
  }

  @Test
  public void aRouteIsScheduledIntoTheDaysRoundsWithTheirCheckins() {
    String admin = accessToken(target().newStaff("administrator"));
    String name = "Route " + UUID.randomUUID().toString().substring(0, 8);
    Map<String, Object> route =
        Map.of(
            "name",
            name,
            "checkpoints",
            List.of("tag-north", "tag-south"),
            "times",
            List.of("00:00", "12:00"),
            "roundMinutes",
            30);
    Answer created = send("POST", "security/patrol/routes", route, admin);
    assertEquals(describe(created), 201, created.status());
    long routeId = created.body().path("id").asLong();
    assertEquals(name, created.body().path("name").asText());
    assertEquals(2, created.body().path("checkpoints").size());
    assertEquals(30, created.body().path("roundMinutes").asInt());
    assertProblem(send("POST", "security/patrol/routes", route, admin), 409, "route-exists");
    Answer bad =
        send(
            "POST",
            "security/patrol/routes",
            Map.of("name", "", "checkpoints", List.of(), "times", List.of("25:00")),
            admin);
    assertProblem(bad, 422, "validation-failed");
    assertEquals(describe(bad), 4, bad.body().path("errors").size());
    assertPage(send("GET", "security/patrol/routes?limit=5", null, admin));

    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    Answer day =
        send("POST", "security/patrol/schedule?date=" + today + "&zone=Asia/Shanghai", null, admin);
    assertEquals(describe(day), 200, day.status());
    JsonNode mine = null;
    for (JsonNode round : day.body()) {
      if (round.path("routeId").asLong() == routeId) {
        mine = round;
      }
    }
    assertTrue(describe(day), mine != null);
    assertEquals(name, mine.path("route").asText());
    assertTrue(describe(day), mine.path("startsAt").isTextual() && mine.path("dueAt").isTextual());
    assertTrue(describe(day), mine.path("checkins").isArray() && mine.path("missed").isArray());
    assertTrue(
        describe(day),
        Set.of("scheduled", "in_progress", "completed", "missed")
            .contains(mine.path("status").asText()));

    Answer one = send("GET", "security/patrol/rounds/" + mine.path("id").asLong(), null, admin);
    assertEquals(describe(one), 200, one.status());
    assertEquals(routeId, one.body().path("routeId").asLong());
    assertPage(send("GET", "security/patrol/rounds?limit=10", null, admin));
    assertProblem(
        send("GET", "security/patrol/rounds/987654", null, admin), 404, "round-not-found");
    assertProblem(
        send("GET", "security/patrol/rounds?cursor=nonsense", null, admin), 400, "invalid-cursor");
    assertProblem(
        send("POST", "security/patrol/schedule?date=someday", null, admin), 400, "invalid-date");
    // a day's rounds, and one route's
    Answer todays =
        send(
            "GET",
            "security/patrol/rounds?date=" + today + "&zone=Asia/Shanghai&routeId=" + routeId,
            null,
            admin);
    assertPage(todays);
    Set<Long> todaysIds = new java.util.HashSet<>();
    todays.body().path("items").forEach(x -> todaysIds.add(x.path("id").asLong()));
    assertTrue(describe(todays), todaysIds.contains(mine.path("id").asLong()));
    todays.body().path("items").forEach(x -> assertEquals(routeId, x.path("routeId").asLong()));
    Answer longAgo = send("GET", "security/patrol/rounds?date=2001-01-01", null, admin);
    assertPage(longAgo);
    assertEquals(describe(longAgo), 0, longAgo.body().path("items").size());
    assertProblem(
        send("GET", "security/patrol/rounds?date=someday", null, admin), 400, "invalid-date");

    String auditor = accessToken(target().newStaff("auditor"));
    assertPage(send("GET", "security/patrol/rounds", null, auditor));
    assertProblem(
        send("POST", "security/patrol/schedule?date=" + today, null, auditor),
        403,
        "permission-denied");
  }

  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8).toLowerCase();
  }

  private long issue(String admin, String kind, String value, List<String> doors) {
    Answer a =
        send(
            "POST",
            "security/credentials",
            Map.of("kind", kind, "credential", value, "holder", "Holder " + value, "doors", doors),
            admin);
    assertEquals(describe(a), 201, a.status());
    return a.body().path("id").asLong();
  }

  private Set<Long> ids(Answer page) {
    assertPage(page);
    Set<Long> out = new HashSet<>();
    page.body().path("items").forEach(x -> out.add(x.path("id").asLong()));
    return out;
  }

  @Test
  public void credentialsAreFilteredByKindAndDoorReadByIdAndRevokedWithAReason() {
    TenantTarget.StaffAccount who = target().newStaff("administrator");
    String admin = accessToken(who);
    String v = unique();
    String w = unique();
    long card = issue(admin, "card", "K" + v + "1", List.of("gate-" + v + ":1"));
    long pin = issue(admin, "pin", "P" + v + "2", List.of("gate-" + v));
    long qr = issue(admin, "qr", "Q" + v + "3", List.of("gate-" + w + ":1"));

    String list = "security/credentials?limit=50&";
    assertEquals(Set.of(card, pin), ids(send("GET", list + "door=gate-" + v, null, admin)));
    assertEquals(Set.of(card, pin), ids(send("GET", list + "door=gate-" + v + ":1", null, admin)));
    assertEquals(Set.of(pin), ids(send("GET", list + "door=gate-" + v + ":2", null, admin)));
    assertEquals(Set.of(qr), ids(send("GET", list + "kind=qr&door=gate-" + w, null, admin)));
    assertEquals(Set.of(), ids(send("GET", list + "kind=card&door=gate-" + w, null, admin)));
    assertProblem(send("GET", list + "kind=face", null, admin), 400, "invalid-parameter");
    assertProblem(send("GET", list + "door=Not%20A%20Door", null, admin), 400, "invalid-parameter");

    Answer one = send("GET", "security/credentials/" + pin, null, admin);
    assertEquals(describe(one), 200, one.status());
    assertEquals("P" + v + "2", one.body().path("credential").asText());
    assertEquals("active", one.body().path("status").asText());
    assertTrue(describe(one), one.body().path("pushes").isArray());
    assertTrue(describe(one), one.body().path("revokedBy").isNull());
    assertProblem(
        send("GET", "security/credentials/987654", null, admin), 404, "credential-not-found");

    Answer revoked =
        send("POST", "security/credentials/" + pin + "/revoke", Map.of("reason", "lost 丢失"), admin);
    assertEquals(describe(revoked), 200, revoked.status());
    assertEquals("revoked", revoked.body().path("status").asText());
    assertEquals("lost 丢失", revoked.body().path("reason").asText());
    assertEquals(who.username(), revoked.body().path("revokedBy").asText());
    Answer again = send("GET", "security/credentials/" + pin, null, admin);
    assertEquals(who.username(), again.body().path("revokedBy").asText());
    assertEquals("lost 丢失", again.body().path("reason").asText());
    assertEquals(
        Set.of(pin), ids(send("GET", list + "status=revoked&door=gate-" + v, null, admin)));

    Answer tooLong =
        send(
            "POST",
            "security/credentials/" + card + "/revoke",
            Map.of("reason", "x".repeat(201)),
            admin);
    assertProblem(tooLong, 422, "validation-failed");
    assertEquals("reason", tooLong.body().path("errors").get(0).path("field").asText());
    assertEquals(
        "active",
        send("GET", "security/credentials/" + card, null, admin).body().path("status").asText());

    String auditor = accessToken(target().newStaff("auditor"));
    assertEquals(200, send("GET", "security/credentials/" + card, null, auditor).status());
  }

  private static Map<String, Object> route(String name, List<String> times, Integer version) {
    Map<String, Object> r = new java.util.LinkedHashMap<>();
    r.put("name", name);
    r.put("checkpoints", List.of("tag-a", "tag-b"));
    r.put("times", times);
    r.put("roundMinutes", 30);
    if (version != null) {
      r.put("version", version);
    }
    return r;
  }

  @Test
  public void aRouteIsEditedAtItsVersionRetiredWithItsRoundsOrDeletedWhileUnused() {
    String admin = accessToken(target().newStaff("administrator"));
    String name = "Edited " + unique();
    Answer created =
        send("POST", "security/patrol/routes", route(name, List.of("08:00"), null), admin);
    assertEquals(describe(created), 201, created.status());
    long id = created.body().path("id").asLong();
    assertEquals("active", created.body().path("status").asText());
    assertEquals(0, created.body().path("version").asInt());
    Answer read = send("GET", "security/patrol/routes/" + id, null, admin);
    assertEquals(describe(read), 200, read.status());
    assertEquals(created.body(), read.body());
    assertProblem(
        send("GET", "security/patrol/routes/987654", null, admin), 404, "route-not-found");

    String path = "security/patrol/routes/" + id;
    Answer edited = send("PUT", path, route(name + " 2", List.of("20:00", "06:30"), 0), admin);
    assertEquals(describe(edited), 200, edited.status());
    assertEquals(name + " 2", edited.body().path("name").asText());
    assertEquals("06:30", edited.body().path("times").get(0).asText());
    assertEquals(1, edited.body().path("version").asInt());
    Answer stale = send("PUT", path, route(name + " 3", List.of("09:00"), 0), admin);
    assertProblem(stale, 409, "stale-version");
    assertEquals(1, stale.body().path("currentVersion").asInt());
    Answer noVersion = send("PUT", path, route(name + " 3", List.of("09:00"), null), admin);
    assertProblem(noVersion, 422, "validation-failed");
    assertEquals("version", noVersion.body().path("errors").get(0).path("field").asText());
    assertProblem(
        send("PUT", path, route("", List.of("25:00"), 1), admin), 422, "validation-failed");
    assertProblem(
        send("PUT", "security/patrol/routes/987654", route("x", List.of("09:00"), 1), admin),
        404,
        "route-not-found");
    String neighbour = "Neighbour " + unique();
    Answer other =
        send("POST", "security/patrol/routes", route(neighbour, List.of("08:00"), null), admin);
    assertEquals(describe(other), 201, other.status());
    assertProblem(
        send("PUT", path, route(neighbour, List.of("09:00"), 1), admin), 409, "route-exists");

    // a round of it began yesterday: it is kept by retiring the route, never by deleting it
    String yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
    Answer past =
        send(
            "POST",
            "security/patrol/schedule?date=" + yesterday + "&zone=Asia/Shanghai",
            null,
            admin);
    assertEquals(describe(past), 200, past.status());
    assertProblem(send("DELETE", path, null, admin), 409, "route-in-use");
    String auditor = accessToken(target().newStaff("auditor"));
    assertEquals(200, send("GET", path, null, auditor).status());
    assertProblem(send("POST", path + "/retire", null, auditor), 403, "permission-denied");
    Answer retired = send("POST", path + "/retire", null, admin);
    assertEquals(describe(retired), 200, retired.status());
    assertEquals("retired", retired.body().path("status").asText());
    assertTrue(describe(retired), retired.body().path("retiredAt").isTextual());
    assertEquals(2, retired.body().path("version").asInt());
    assertProblem(send("POST", path + "/retire", null, admin), 409, "route-retired");
    assertProblem(send("PUT", path, route(name, List.of("09:00"), 2), admin), 409, "route-retired");
    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    Answer day =
        send("POST", "security/patrol/schedule?date=" + today + "&zone=Asia/Shanghai", null, admin);
    assertEquals(describe(day), 200, day.status());
    day.body().forEach(r -> assertTrue(r.toString(), r.path("routeId").asLong() != id));
    Answer kept =
        send(
            "GET",
            "security/patrol/rounds?date=" + yesterday + "&zone=Asia/Shanghai&routeId=" + id,
            null,
            admin);
    assertEquals(describe(kept), 2, kept.body().path("items").size());

    long unused = other.body().path("id").asLong();
    Answer gone = send("DELETE", "security/patrol/routes/" + unused, null, admin);
    assertProblem(gone, 409, "route-in-use"); // the neighbour had a round yesterday too
    String fresh = "Fresh " + unique();
    Answer fresher =
        send("POST", "security/patrol/routes", route(fresh, List.of("08:00"), null), admin);
    long freshId = fresher.body().path("id").asLong();
    Answer deleted = send("DELETE", "security/patrol/routes/" + freshId, null, admin);
    assertEquals(describe(deleted), 204, deleted.status());
    assertProblem(
        send("GET", "security/patrol/routes/" + freshId, null, admin), 404, "route-not-found");
  }
}
