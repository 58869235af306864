package org.courtyard.admin.property.security;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.api.TenantApi;
import org.courtyard.admin.property.CursorDataProvider;

/**
 * The security endpoints the alarm, access-log, credential and patrol screens call ({@code
 * /security/...}).
 */
public final class SecurityClient implements Serializable {

  private static final long serialVersionUID = 1L;

  private final TenantApi api;

  public SecurityClient(TenantApi api) {
    this.api = api;
  }

  /** Alarms in the user's scope, newest raised first; filter {@code status}. */
  public CursorDataProvider<Alarm> alarms() {
    return CursorDataProvider.of(api, "security/alarms", Alarm.class);
  }

  /**
   * The newest alarms of a status (blank: all), one short page: what the alarm screen watches to
   * know that its list changed.
   */
  public List<Alarm> newest(String status, int limit) {
    return api.page(
            "security/alarms",
            Map.of("status", status == null ? "" : status, "limit", limit),
            Alarm.class)
        .items();
  }

  public Alarm acknowledge(long id, Alarm.Action action) {
    return api.post("security/alarms/" + id + "/acknowledge", action, Alarm.class);
  }

  public Alarm resolve(long id, Alarm.Action action) {
    return api.post("security/alarms/" + id + "/resolve", action, Alarm.class);
  }

  /** Door and gate decisions, newest first; filters {@code deviceId} and {@code granted}. */
  public CursorDataProvider<AccessEvent> accessEvents() {
    return CursorDataProvider.of(api, "security/access-events", AccessEvent.class);
  }

  /**
   * Credentials in the user's scope, newest first; filters {@code holder}, {@code kind}, {@code
   * door} (a controller, or one of its doors) and {@code status}.
   */
  public CursorDataProvider<Credential> credentials() {
    return CursorDataProvider.of(api, "security/credentials", Credential.class);
  }

  /**
   * Issues a credential; {@code key} is made once per user action, so a retry issues none twice.
   */
  public Credential issue(Credential.Input input, String key) {
    return api.post("security/credentials", input, Credential.class, key);
  }

  public Credential credential(long id) {
    return api.get("security/credentials/" + id, Credential.class);
  }

  /** Revokes a credential; {@code reason} may be blank. Who revoked it is the signed-in user. */
  public Credential revoke(long id, String reason) {
    String why = reason == null || reason.isBlank() ? null : reason.strip();
    return api.post(
        "security/credentials/" + id + "/revoke", new Credential.Revocation(why), Credential.class);
  }

  /** Patrol routes, by id. */
  public CursorDataProvider<Patrol.Route> routes() {
    return CursorDataProvider.of(api, "security/patrol/routes", Patrol.Route.class);
  }

  public Patrol.Route route(long id) {
    return api.get("security/patrol/routes/" + id, Patrol.Route.class);
  }

  public Patrol.Route createRoute(Patrol.RouteInput input) {
    return api.post("security/patrol/routes", input, Patrol.Route.class);
  }

  /**
   * Edits a route at the version in {@code input}; its rounds that have not begun are made again,
   * their times read in {@code zone}.
   */
  public Patrol.Route updateRoute(long id, Patrol.RouteInput input, String zone) {
    return api.put(
        "security/patrol/routes/" + id + TenantApi.query(Map.of("zone", zone)),
        input,
        Patrol.Route.class);
  }

  /** Retires a route: it keeps its rounds and gets no new ones. */
  public Patrol.Route retireRoute(long id) {
    return api.post("security/patrol/routes/" + id + "/retire", null, Patrol.Route.class);
  }

  /** Rounds overlapping the last and the next 24 hours, earliest start first. */
  public CursorDataProvider<Patrol.Round> rounds() {
    return CursorDataProvider.of(api, "security/patrol/rounds", Patrol.Round.class);
  }

  public Patrol.Round round(long id) {
    return api.get("security/patrol/rounds/" + id, Patrol.Round.class);
  }

  /**
   * Creates the rounds of every route for a day ({@code YYYY-MM-DD}), times read in {@code zone}.
   */
  public List<Patrol.Round> schedule(String date, String zone) {
    return List.of(
        api.post(
            "security/patrol/schedule" + TenantApi.query(Map.of("date", date, "zone", zone)),
            null,
            Patrol.Round[].class));
  }
}
