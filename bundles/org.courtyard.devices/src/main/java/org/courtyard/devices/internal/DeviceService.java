package org.courtyard.devices.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Page;
import org.courtyard.broker.MqttBroker;
import org.courtyard.devices.DeviceStatus;
import org.courtyard.devices.internal.dto.CommandInput;
import org.courtyard.devices.internal.dto.CommandView;
import org.courtyard.devices.internal.dto.DeviceInput;
import org.courtyard.devices.internal.dto.DeviceRecordView;
import org.courtyard.devices.internal.dto.DeviceView;
import org.courtyard.devices.platform.DeviceRuntime;
import org.courtyard.devices.platform.DeviceSecrets;
import org.courtyard.devices.platform.DriverView;
import org.courtyard.devices.platform.RegisteredDevice;
import org.courtyard.driver.Command;
import org.courtyard.driver.DeviceDriver;
import org.courtyard.driver.EncodeResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devices of one tenant: registering one (for an installed driver that accepts its settings,
 * with a broker account and a password shown once), revoking it, replacing its password, releasing
 * it from quarantine, sending it commands through its driver, and how each looks to the tenant
 * (online, offline, faulty, ...). The field rules are {@link DeviceRules}; the rows are the {@link
 * DeviceStore}'s; who may connect, the drivers and the gateway are the {@link DeviceRuntime}'s.
 *
 * <p>Every operation takes the caller's {@link DataScope}: a device is in it when the estate or
 * building its location maps to is ({@link DevicePlaces}); one outside it answers 404 exactly as a
 * missing one, and so do its records, refusals and commands, which follow it.
 */
final class DeviceService {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceService.class);

  private static final Texts TEXTS = Texts.of(DeviceService.class);

  private final TenantSlug tenant;
  private final DeviceStore store;
  private final DeviceRuntime runtime;
  private final DevicePlaces places;
  private final Clock clock;

  DeviceService(
      TenantSlug tenant,
      DeviceStore store,
      DeviceRuntime runtime,
      DevicePlaces places,
      Clock clock) {
    this.tenant = tenant;
    this.store = store;
    this.runtime = runtime;
    this.places = places;
    this.clock = clock;
  }

  /**
   * Registers a device where its location says, which must be within {@code scope}: a room,
   * building or estate outside it is answered as unknown, and a device placed in no estate needs
   * the whole company's scope (403 {@code outside-scope}).
   */
  DeviceView register(DeviceInput in, DataScope scope) {
    DeviceRules.Names names = DeviceRules.checkRegistration(in);
    DeviceInput.Location loc = in.location();
    DevicePlaces.Place place = places.of(names);
    DevicePlaces.checkWithin(scope, names, place);
    DeviceRules.checkStatedPlace(loc, place.estateId(), place.buildingId());
    String driverId = chooseDriver(in.type(), in.driver());
    DeviceDriver driver = runtime.driver(driverId);
    Map<String, String> settings = in.settings() == null ? Map.of() : Map.copyOf(in.settings());
    List<String> problems = driver.configDescriptor().problems(settings);
    if (!problems.isEmpty()) {
      throw TEXTS.problem(
          422,
          "invalid-settings",
          "device.invalid-settings",
          driverId,
          String.join("; ", problems));
    }
    String secret = DeviceSecrets.newSecret();
    Instant now = clock.instant();
    DeviceStore.Row row =
        new DeviceStore.Row(
            in.id(),
            in.type(),
            driverId,
            in.name().strip(),
            loc.kind(),
            loc.ref(),
            names.room(),
            settings,
            DeviceSecrets.hash(secret),
            "active",
            now,
            null,
            null,
            null,
            0,
            0,
            0,
            null,
            null,
            place.estateId(),
            place.buildingId());
    if (!store.insert(row, now)) {
      throw TEXTS.problem(409, "device-exists", "device.exists", in.id());
    }
    RegisteredDevice entry = store.entry(row);
    try {
      broker().grant(entry.username(), secret, entry.upTopic(), entry.downTopic());
    } catch (RuntimeException e) {
      store.delete(in.id());
      LOG.error("Tenant {}: the broker refused device {}'s account", tenant, in.id(), e);
      throw TEXTS.problem(503, "broker-unavailable", "device.broker-refused-account");
    }
    runtime.put(entry);
    LOG.info(
        "Tenant {}: device {} ({}, driver {}) registered", tenant, in.id(), in.type(), driverId);
    return view(row, secret);
  }

  private String chooseDriver(String type, String requested) {
    if (requested != null) {
      DeviceDriver d = runtime.driver(requested);
      if (d == null) {
        throw TEXTS.problem(
            422, "driver-not-installed", "driver.not-installed", requested, installedIds());
      }
      if (!d.info().serves(type)) {
        throw TEXTS.problem(
            422,
            "driver-does-not-serve-type",
            "driver.does-not-serve",
            requested,
            d.info().deviceTypes(),
            type);
      }
      return requested;
    }
    List<String> candidates = runtime.driversFor(type);
    if (candidates.isEmpty()) {
      throw TEXTS.problem(422, "no-driver-for-type", "driver.none-for-type", type, installedIds());
    }
    if (candidates.size() > 1) {
      throw TEXTS.problem(422, "driver-ambiguous", "driver.ambiguous", type, candidates);
    }
    return candidates.get(0);
  }

  private List<String> installedIds() {
    return runtime.drivers().stream().map(DriverView::id).toList();
  }

  DeviceView get(String id, DataScope scope) {
    return view(require(id, scope), null);
  }

  /**
   * The devices after {@code after} in id order, optionally of one type, status and {@link #STATES
   * state}. The state is judged row by row as {@link #get} and {@link #health} judge it (a device's
   * fault lives partly in the runtime's memory, so SQL cannot tell it), over as many rows in id
   * order as it takes to fill the page: the next page starts after the last device shown.
   */
  Page<DeviceView> list(
      String type, String status, String state, String after, int limit, DataScope scope) {
    Instant now = clock.instant();
    long timeout = runtime.heartbeatTimeoutSeconds();
    List<DeviceView> shown = new ArrayList<>(limit);
    String cursor = after;
    int batch = state == null ? limit + 1 : Math.max(limit + 1, SCAN);
    while (true) {
      List<DeviceStore.Row> rows = store.list(type, status, cursor, batch, scope);
      for (DeviceStore.Row r : rows) {
        Condition condition = condition(store.entry(r), r.status(), r.lastSeenAt(), now, timeout);
        if (state != null && !condition.state().equals(state)) {
          continue;
        }
        if (shown.size() == limit) {
          // a device after the page's last one: there is a next page, and it starts there
          return new Page<>(shown, shown.get(limit - 1).id());
        }
        shown.add(view(r, null, condition));
      }
      if (rows.size() < batch) {
        return new Page<>(shown, null);
      }
      cursor = rows.get(rows.size() - 1).id();
    }
  }

  DeviceView revoke(String id, DataScope scope) {
    DeviceStore.Row row = require(id, scope);
    if (!store.revoke(id, clock.instant())) {
      throw new ProblemException(
          409,
          "device-revoked",
          TEXTS.title("device-already-revoked"),
          TEXTS.text("device.revoked-already", id),
          Map.of());
    }
    runtime.remove(tenant, id);
    LOG.info("Tenant {}: device {} revoked", tenant, id);
    return view(store.get(row.id()), null);
  }

  /** A new password for an active device; its current sessions end. */
  DeviceView replaceSecret(String id, DataScope scope) {
    require(id, scope);
    String secret = DeviceSecrets.newSecret();
    if (!store.replaceSecret(id, DeviceSecrets.hash(secret))) {
      throw TEXTS.problem(409, "device-revoked", "device.revoked-register-new", id);
    }
    DeviceStore.Row row = store.get(id);
    RegisteredDevice entry = store.entry(row);
    // the old password's sessions end; the account takes the new one
    broker().disconnect(entry.username());
    broker().grant(entry.username(), secret, entry.upTopic(), entry.downTopic());
    runtime.put(entry);
    return view(row, secret);
  }

  List<DeviceRecordView> records(String id, String kind, int limit, DataScope scope) {
    require(id, scope);
    return store.records(id, kind, limit);
  }

  /** The device's latest refused messages (kept with their payload and reason), newest first. */
  List<Map<String, Object>> refusals(String id, int limit, DataScope scope) {
    require(id, scope);
    return store.refusals(id, limit);
  }

  /** Lets a quarantined device's messages be decoded again. */
  DeviceView release(String id, DataScope scope) {
    DeviceStore.Row row = require(id, scope);
    if (!runtime.releaseDevice(store.entry(row))) {
      throw runtime.refusal(store.entry(row)) == null
          ? TEXTS.problem(409, "device-not-quarantined", "device.not-quarantined", id)
          : TEXTS.problem(409, "device-not-quarantined", "device.driver-quarantined", id);
    }
    return view(row, null);
  }

  /** A command sent, or the one sent earlier under the same Idempotency-Key. */
  record Sent(CommandView command, boolean replayed) {}

  /**
   * Sends a command once: with an idempotency key, a repeat of the request answers the command sent
   * the first time and publishes nothing.
   */
  Sent send(String id, CommandInput in, DataScope scope, String idempotencyKey) {
    DeviceStore.Row row = require(id, scope);
    if (!row.status().equals("active")) {
      throw TEXTS.problem(409, "device-revoked", "device.revoked", id);
    }
    DeviceRules.checkCommandName(in.name());
    Map<String, String> args =
        in.arguments() == null ? Map.of() : new LinkedHashMap<>(in.arguments());
    DeviceDriver driver = runtime.driver(row.driver());
    if (driver == null) {
      throw TEXTS.problem(
          409, "driver-not-installed", "driver.of-device-not-installed", row.driver());
    }
    RegisteredDevice entry = store.entry(row);
    DeviceStore.StoredCommand stored =
        store.insertCommand(
            id, in.name(), args, clock.instant(), DeviceRules.idempotencyKey(idempotencyKey));
    if (stored.replayed()) {
      return new Sent(store.command(id, stored.id()), true);
    }
    CommandView cmd = store.command(id, stored.id());
    EncodeResult encoded;
    try {
      encoded =
          driver.encode(
              new Command(cmd.id(), in.name(), args),
              row.type(),
              driver.configDescriptor().configure(row.settings()));
    } catch (RuntimeException e) {
      store.failCommand(cmd.id(), "driver failed to encode: " + e);
      throw TEXTS.problem(422, "command-not-encoded", "command.failed", row.driver(), e);
    }
    if (encoded.status() != EncodeResult.Status.OK) {
      store.failCommand(cmd.id(), encoded.detail());
      throw encoded.status() == EncodeResult.Status.UNSUPPORTED
          ? TEXTS.problem(
              422, "command-unsupported", "command.refused", row.driver(), encoded.detail())
          : TEXTS.problem(
              422, "invalid-command-arguments", "command.refused", row.driver(), encoded.detail());
    }
    try {
      runtime.publish(entry, encoded.payload());
    } catch (IOException e) {
      store.failCommand(cmd.id(), "not published: " + e.getMessage());
      throw TEXTS.problem(503, "broker-unavailable", "device.not-published", e.getMessage());
    }
    return new Sent(store.command(id, cmd.id()), false);
  }

  List<CommandView> commands(String id, int limit, DataScope scope) {
    require(id, scope);
    return store.commands(id, limit);
  }

  private MqttBroker broker() {
    MqttBroker b = runtime.broker();
    if (b == null) {
      throw TEXTS.problem(503, "broker-unavailable", "device.broker-not-running");
    }
    return b;
  }

  /** The active devices and whether each is heard from within the heartbeat timeout. */
  List<DeviceStatus> statuses() {
    Instant now = clock.instant();
    long timeout = runtime.heartbeatTimeoutSeconds();
    return store.active().stream()
        .map(
            r ->
                new DeviceStatus(
                    r.id(),
                    r.type(),
                    r.lastSeenAt(),
                    r.lastSeenAt() != null
                        && Duration.between(r.lastSeenAt(), now).getSeconds() <= timeout))
        .toList();
  }

  /** The ids of the devices, revoked ones too, within {@code scope}. */
  List<String> idsWithin(DataScope scope) {
    return store.idsWithin(scope);
  }

  /** Those of {@code ids} that are devices within {@code scope}. */
  Set<String> within(DataScope scope, Collection<String> ids) {
    return store.within(scope, ids.stream().filter(DeviceRules::validId).toList());
  }

  /** Where each of {@code ids} that is a device is, by id. */
  Map<String, org.courtyard.devices.DevicePlace> places(Collection<String> ids) {
    return store.places(ids.stream().filter(DeviceRules::validId).toList());
  }

  /**
   * @throws ProblemException 404 {@code device-not-found} for the first of {@code ids} that is no
   *     device within {@code scope}
   */
  void requireWithin(DataScope scope, Collection<String> ids) {
    Set<String> found = within(scope, ids);
    for (String id : ids) {
      if (!found.contains(id)) {
        throw notFound(id);
      }
    }
  }

  /** The device, when it exists within {@code scope}; else 404, the same either way. */
  private DeviceStore.Row require(String id, DataScope scope) {
    DeviceStore.Row row = !DeviceRules.validId(id) ? null : store.get(id);
    if (row == null || !row.place().within(scope)) {
      throw notFound(id);
    }
    return row;
  }

  private static ProblemException notFound(String id) {
    return TEXTS.problem(404, "device-not-found", "device.not-found", id);
  }

  /** How a device looks to the tenant, and why when it is faulty. */
  private record Condition(String state, String fault) {}

  /** Every state {@link #condition} tells, the values of the device list's {@code state} filter. */
  static final List<String> STATES =
      List.of("online", "offline", "never-seen", "faulty", "revoked");

  /** Rows read per query while a state filter looks for a page's devices. */
  private static final int SCAN = 500;

  /**
   * A device's state: {@code revoked}; {@code faulty} while its driver is missing or it or its
   * driver is quarantined; {@code never-seen}; {@code offline} when not heard from within the
   * heartbeat timeout; else {@code online}.
   */
  private Condition condition(
      RegisteredDevice entry, String status, Instant lastSeenAt, Instant now, long timeout) {
    if (status.equals("revoked")) {
      return new Condition("revoked", null);
    }
    DeviceDriver d = runtime.driver(entry.driver());
    if (d == null) {
      return new Condition("faulty", "driver " + entry.driver() + " is not installed");
    }
    String refusal = runtime.refusal(entry);
    if (refusal != null) {
      return new Condition("faulty", refusal);
    }
    if (lastSeenAt == null) {
      return new Condition("never-seen", null);
    }
    return Duration.between(lastSeenAt, now).getSeconds() > timeout
        ? new Condition("offline", null)
        : new Condition("online", null);
  }

  /** How many of the active devices within a scope are offline, and how many faulty. */
  record Health(long offline, long faulty) {}

  /**
   * The active devices within {@code scope} counted by state, judged as {@link #get} shows each:
   * one query of three columns, so it stays a few milliseconds for thousands of devices.
   */
  Health health(DataScope scope) {
    Instant now = clock.instant();
    long timeout = runtime.heartbeatTimeoutSeconds();
    Map<String, Long> counts = new HashMap<>();
    for (DeviceStore.Presence p : store.presence(scope)) {
      RegisteredDevice entry =
          new RegisteredDevice(tenant, p.id(), null, p.driver(), Map.of(), null, null);
      counts.merge(condition(entry, "active", p.lastSeenAt(), now, timeout).state(), 1L, Long::sum);
    }
    return new Health(counts.getOrDefault("offline", 0L), counts.getOrDefault("faulty", 0L));
  }

  private DeviceView view(DeviceStore.Row r, String secret) {
    return view(
        r,
        secret,
        condition(
            store.entry(r),
            r.status(),
            r.lastSeenAt(),
            clock.instant(),
            runtime.heartbeatTimeoutSeconds()));
  }

  private DeviceView view(DeviceStore.Row r, String secret, Condition condition) {
    String state = condition.state();
    String fault = condition.fault();
    String username = RegisteredDevice.username(tenant, r.id());
    RegisteredDevice e = store.entry(r);
    return new DeviceView(
        r.id(),
        r.type(),
        r.driver(),
        r.name(),
        new DeviceInput.Location(r.locationKind(), r.locationRef(), r.estateId(), r.buildingId()),
        r.settings(),
        state,
        fault,
        r.lastSeenAt(),
        r.lastSequence(),
        r.messages(),
        r.duplicates(),
        r.rejected(),
        r.lastRefusal(),
        r.lastRefusedAt(),
        r.createdAt(),
        r.revokedAt(),
        new DeviceView.Mqtt(username, secret, e.upTopic(), e.downTopic()));
  }
}
