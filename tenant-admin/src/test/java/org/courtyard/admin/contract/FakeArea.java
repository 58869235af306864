package org.courtyard.admin.contract;

import java.util.List;
import java.util.Map;

/**
 * One screen area's part of {@link FakeTenantApi}, written by that area's engineer in a file of
 * their own (e.g. {@code FakeBillingArea}) and found with {@link java.util.ServiceLoader}: add the
 * class's name as a line to {@code src/test/resources/META-INF/services/
 * org.courtyard.admin.contract.FakeArea} (append, never rewrite). Each fake server gets fresh
 * instances, so state kept in fields belongs to one test class's fake.
 *
 * <p>The fake has already checked the access token; {@link FakeRequest#caller()} says who is
 * calling and what they may do where. Answer with the platform's paths, JSON shapes, status codes
 * and problem types: the area's contract class (extending {@link TenantApiContract}) runs against
 * this fake and the real platform alike.
 */
public interface FakeArea {

  /** The first path segment under {@code /api/v1} this area answers, e.g. {@code "billing"}. */
  String module();

  /**
   * Answers a request under {@code /api/v1/<module>/}; null when the path is not one of the area's
   * (404). Refuse with {@link FakeRequest#require} or by throwing {@link FakeProblem}.
   */
  FakeResponse handle(FakeRequest request);

  /** The permission ids the area's endpoints check (listed by {@code /auth/me}). */
  default List<String> permissions() {
    return List.of();
  }

  /** Extra role templates, role code → permission patterns (added to the fake's own). */
  default Map<String, List<String>> roles() {
    return Map.of();
  }

  /**
   * The tiles this area puts on {@code /today} for the caller, in the API's JSON shape (id, module,
   * permission, titleEn, titleZh, value, unit, currency, tone, link, series). The fake drops tiles
   * whose permission the caller does not hold.
   */
  default List<Map<String, Object>> todayTiles(FakeRequest.Caller caller) {
    return List.of();
  }

  /** Called once after the fake started, e.g. to seed data through the fake's own helpers. */
  default void started(FakeTenantApi fake) {}
}
