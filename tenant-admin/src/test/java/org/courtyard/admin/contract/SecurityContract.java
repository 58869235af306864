package org.courtyard.admin.contract;

import static org.junit.Assert.assertEquals;

import java.util.Map;
import org.junit.Test;

/**
 * What the alarm and access-log screens rely on in {@code /security}: both lists as cursor pages
 * with their filters, the refusals of a bad filter or cursor, and acknowledging or resolving an
 * alarm: who acts is required (422 before anything else), an unknown alarm is 404 {@code
 * alarm-not-found}. (A new company has no alarms: devices raise them, so moving a real one on is
 * covered by the fake's Karibu tests and the platform's own ITs.)
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
}
