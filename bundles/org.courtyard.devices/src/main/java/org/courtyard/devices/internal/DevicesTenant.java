package org.courtyard.devices.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TenantModule;
import org.courtyard.api.TenantPersistence;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.TenantStatistics;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.Page;
import org.courtyard.devices.internal.dto.CommandInput;
import org.courtyard.devices.internal.dto.CommandView;
import org.courtyard.devices.internal.dto.DeviceInput;
import org.courtyard.devices.internal.dto.DeviceRecordView;
import org.courtyard.devices.internal.dto.DeviceView;
import org.courtyard.driver.Command;
import org.courtyard.driver.DeviceDriver;
import org.courtyard.driver.DriverInfo;
import org.courtyard.driver.EncodeResult;
import org.courtyard.estate.EstateDirectory;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devices module of one tenant: its device registry rows, loaded into the broker's {@link
 * DeviceRegistry} while this instance runs, and the operations of its REST API.
 */
@Component(
    name = DevicesTenant.PID,
    configurationPolicy = ConfigurationPolicy.REQUIRE,
    immediate = true,
    service = {TenantModule.class, DevicesTenant.class},
    property = CourtyardConstants.MODULE + "=" + DevicesModule.ID)
@Designate(ocd = DevicesTenant.Config.class, factory = true)
public final class DevicesTenant implements TenantModule, TenantStatistics {

  static final String PID = CourtyardConstants.MODULE_FACTORY_PID_PREFIX + DevicesModule.ID;
  private static final Logger LOG = LoggerFactory.getLogger(DevicesTenant.class);
  private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}$");
  private static final Set<String> LOCATION_KINDS = Set.of("room", "building", "gate", "area");
  private static final Pattern REF = Pattern.compile("^[\\p{L}\\p{N} ._/#-]{1,64}$");
  private static final Pattern COMMAND = Pattern.compile("^[a-z][a-z0-9-]{0,39}$");

  @ObjectClassDefinition(
      id = PID,
      name = "Courtyard devices module, per tenant",
      description = "Created by the platform when a tenant enables the devices module.")
  @interface Config {
    @AttributeDefinition(name = "Tenant")
    String tenant();
  }

  private final TenantSlug tenant;
  private final TenantPersistence persistence;
  private final DeviceRegistry registry;
  private final DriverRuntime drivers;
  private final Gateway gateway;
  private final EstateDirectory estate;
  private final DeviceStore store;
  private final Clock clock = Clock.systemUTC();

  @Activate
  public DevicesTenant(
      Config config,
      @Reference(name = "persistence") TenantPersistence persistence,
      @Reference(name = "registry") DeviceRegistry registry,
      @Reference(name = "drivers") DriverRuntime drivers,
      @Reference(name = "gateway") Gateway gateway,
      @Reference(name = "estate") EstateDirectory estate) {
    this.tenant = TenantSlug.of(config.tenant());
    this.persistence = persistence;
    this.registry = registry;
    this.drivers = drivers;
    this.gateway = gateway;
    this.estate = estate;
    this.store = new DeviceStore(tenant, new Jdbc(persistence.dataSource(tenant)));
    registry.load(tenant, store.active().stream().map(store::entry).toList());
  }

  @Deactivate
  void deactivate() {
    registry.unload(tenant);
    LOG.info("Devices of tenant {} may no longer connect", tenant);
  }

  @Override
  public Map<String, Object> statistics() {
    return store.statistics();
  }

  @Override
  public TenantSlug tenant() {
    return tenant;
  }

  @Override
  public String moduleId() {
    return DevicesModule.ID;
  }

  DeviceStore store() {
    return store;
  }

  // ------------------------------------------------------------------------------ registry

  DeviceView register(DeviceInput in) {
    FieldErrors errors = new FieldErrors();
    if (in.id() == null || !ID.matcher(in.id()).matches()) {
      errors.add("id", "1-64 of a-z, 0-9, '_' and '-', starting with a letter or digit");
    }
    if (in.type() == null || !DriverInfo.validDeviceType(in.type())) {
      errors.add("type", "a device type such as water-meter or door-controller");
    }
    if (in.name() == null || in.name().isBlank() || in.name().length() > 100) {
      errors.add("name", "1-100 characters");
    }
    DeviceInput.Location loc = in.location();
    Long roomId = null;
    if (loc == null || loc.kind() == null || !LOCATION_KINDS.contains(loc.kind())) {
      errors.add("location.kind", "one of " + LOCATION_KINDS);
    } else if (loc.ref() == null || !REF.matcher(loc.ref()).matches()) {
      errors.add("location.ref", "1-64 letters, digits, spaces or ._/#-");
    } else if (loc.kind().equals("room")) {
      try {
        roomId = Long.parseLong(loc.ref());
      } catch (NumberFormatException e) {
        errors.add("location.ref", "the room's id");
      }
    }
    errors.throwIfAny();
    if (roomId != null && estate.room(tenant, roomId).isEmpty()) {
      throw ProblemException.unprocessable(
          "unknown-room", "Unknown room", "There is no room " + roomId + " in this estate.");
    }
    String driverId = chooseDriver(in.type(), in.driver());
    DeviceDriver driver = drivers.installed(driverId);
    Map<String, String> settings = in.settings() == null ? Map.of() : Map.copyOf(in.settings());
    List<String> problems = driver.configDescriptor().problems(settings);
    if (!problems.isEmpty()) {
      throw ProblemException.unprocessable(
          "invalid-settings",
          "Invalid device settings",
          "Driver " + driverId + " does not accept these settings: " + String.join("; ", problems));
    }
    String secret = Secrets.newSecret();
    Instant now = clock.instant();
    DeviceStore.Row row =
        new DeviceStore.Row(
            in.id(),
            in.type(),
            driverId,
            in.name().strip(),
            loc.kind(),
            loc.ref(),
            roomId,
            settings,
            Secrets.hash(secret),
            "active",
            now,
            null,
            null,
            null,
            0,
            0,
            0,
            null,
            null);
    if (!store.insert(row, now)) {
      throw ProblemException.conflict(
          "device-exists", "Device exists", "This tenant already has a device " + in.id() + ".");
    }
    DeviceEntry entry = store.entry(row);
    try {
      broker().grant(entry.username(), secret, entry.upTopic(), entry.downTopic());
    } catch (RuntimeException e) {
      store.delete(in.id());
      LOG.error("Tenant {}: the broker refused device {}'s account", tenant, in.id(), e);
      throw new ProblemException(
          503,
          "broker-unavailable",
          "Broker unavailable",
          "The MQTT broker could not create the device's account; nothing was registered. Try"
              + " again.");
    }
    registry.put(entry);
    LOG.info(
        "Tenant {}: device {} ({}, driver {}) registered", tenant, in.id(), in.type(), driverId);
    return view(row, secret);
  }

  private String chooseDriver(String type, String requested) {
    if (requested != null) {
      DeviceDriver d = drivers.installed(requested);
      if (d == null) {
        throw ProblemException.unprocessable(
            "driver-not-installed",
            "Driver not installed",
            "No driver " + requested + " is installed. Installed drivers: " + installedIds() + ".");
      }
      if (!d.info().serves(type)) {
        throw ProblemException.unprocessable(
            "driver-does-not-serve-type",
            "Driver does not serve this type",
            "Driver " + requested + " serves " + d.info().deviceTypes() + ", not " + type + ".");
      }
      return requested;
    }
    List<String> candidates = drivers.driversFor(type);
    if (candidates.isEmpty()) {
      throw ProblemException.unprocessable(
          "no-driver-for-type",
          "No driver for this device type",
          "No installed driver serves " + type + ". Installed drivers: " + installedIds() + ".");
    }
    if (candidates.size() > 1) {
      throw ProblemException.unprocessable(
          "driver-ambiguous",
          "Choose a driver",
          "Several drivers serve " + type + ": " + candidates + ". Name one in 'driver'.");
    }
    return candidates.get(0);
  }

  private List<String> installedIds() {
    return drivers.drivers().stream().map(DriverRuntime.DriverState::id).toList();
  }

  DeviceView get(String id) {
    return view(require(id), null);
  }

  Page<DeviceView> list(String type, String status, String after, int limit) {
    List<DeviceStore.Row> rows = store.list(type, status, after, limit + 1);
    String next = null;
    if (rows.size() > limit) {
      rows = rows.subList(0, limit);
      next = rows.get(limit - 1).id();
    }
    return new Page<>(rows.stream().map(r -> view(r, null)).toList(), next);
  }

  DeviceView revoke(String id) {
    DeviceStore.Row row = require(id);
    if (!store.revoke(id, clock.instant())) {
      throw ProblemException.conflict(
          "device-revoked", "Device already revoked", "Device " + id + " is revoked already.");
    }
    registry.remove(tenant, id);
    gateway.forget(DeviceEntry.username(tenant, id));
    LOG.info("Tenant {}: device {} revoked", tenant, id);
    return view(store.get(row.id()), null);
  }

  /** A new password for an active device; its current sessions end. */
  DeviceView replaceSecret(String id) {
    require(id);
    String secret = Secrets.newSecret();
    if (!store.replaceSecret(id, Secrets.hash(secret))) {
      throw ProblemException.conflict(
          "device-revoked", "Device revoked", "Device " + id + " is revoked; register a new one.");
    }
    DeviceStore.Row row = store.get(id);
    DeviceEntry entry = store.entry(row);
    // the old password's sessions end; the account takes the new one
    broker().disconnect(entry.username());
    broker().grant(entry.username(), secret, entry.upTopic(), entry.downTopic());
    registry.put(entry);
    return view(row, secret);
  }

  List<DeviceRecordView> records(String id, String kind, int limit) {
    require(id);
    return store.records(id, kind, limit);
  }

  /** The device's latest refused messages (kept with their payload and reason), newest first. */
  List<Map<String, Object>> refusals(String id, int limit) {
    require(id);
    return store.refusals(id, limit);
  }

  /** Lets a quarantined device's messages be decoded again. */
  DeviceView release(String id) {
    DeviceStore.Row row = require(id);
    if (!drivers.releaseDevice(store.entry(row))) {
      throw ProblemException.conflict(
          "device-not-quarantined",
          "Device not quarantined",
          "Device "
              + id
              + " is not quarantined itself"
              + (drivers.refusal(store.entry(row)) == null
                  ? "."
                  : "; its driver is, which only an operator can release."));
    }
    return view(row, null);
  }

  CommandView send(String id, CommandInput in) {
    DeviceStore.Row row = require(id);
    if (!row.status().equals("active")) {
      throw ProblemException.conflict(
          "device-revoked", "Device revoked", "Device " + id + " is revoked.");
    }
    if (in.name() == null || !COMMAND.matcher(in.name()).matches()) {
      throw ProblemException.badRequest(
          "invalid-command", "Invalid command", "name: 1-40 of a-z, 0-9 and '-'.");
    }
    Map<String, String> args =
        in.arguments() == null ? Map.of() : new LinkedHashMap<>(in.arguments());
    DeviceDriver driver = drivers.installed(row.driver());
    if (driver == null) {
      throw ProblemException.conflict(
          "driver-not-installed",
          "Driver not installed",
          "The device's driver " + row.driver() + " is not installed.");
    }
    DeviceEntry entry = store.entry(row);
    CommandView cmd = store.insertCommand(id, in.name(), args, clock.instant());
    EncodeResult encoded;
    try {
      encoded =
          driver.encode(
              new Command(cmd.id(), in.name(), args),
              row.type(),
              driver.configDescriptor().configure(row.settings()));
    } catch (RuntimeException e) {
      store.failCommand(cmd.id(), "driver failed to encode: " + e);
      throw ProblemException.unprocessable(
          "command-not-encoded", "Command not encoded", "Driver " + row.driver() + " failed: " + e);
    }
    if (encoded.status() != EncodeResult.Status.OK) {
      store.failCommand(cmd.id(), encoded.detail());
      throw ProblemException.unprocessable(
          encoded.status() == EncodeResult.Status.UNSUPPORTED
              ? "command-unsupported"
              : "invalid-command-arguments",
          encoded.status() == EncodeResult.Status.UNSUPPORTED
              ? "Command not supported"
              : "Invalid command arguments",
          "Driver " + row.driver() + ": " + encoded.detail());
    }
    try {
      gateway.publish(entry, encoded.payload());
    } catch (MqttException e) {
      store.failCommand(cmd.id(), "not published: " + e.getMessage());
      throw new ProblemException(
          503,
          "broker-unavailable",
          "Broker unavailable",
          "The command could not be published: " + e.getMessage());
    }
    return store.command(id, cmd.id());
  }

  List<CommandView> commands(String id, int limit) {
    require(id);
    return store.commands(id, limit);
  }

  private org.courtyard.broker.MqttBroker broker() {
    org.courtyard.broker.MqttBroker b = gateway.broker();
    if (b == null) {
      throw new ProblemException(
          503, "broker-unavailable", "Broker unavailable", "The MQTT broker is not running.");
    }
    return b;
  }

  /** The active devices and whether each is heard from within the heartbeat timeout. */
  List<org.courtyard.devices.DeviceStatus> statuses() {
    Instant now = clock.instant();
    long timeout = gateway.heartbeatTimeoutSeconds();
    return store.active().stream()
        .map(
            r ->
                new org.courtyard.devices.DeviceStatus(
                    r.id(),
                    r.type(),
                    r.lastSeenAt(),
                    r.lastSeenAt() != null
                        && Duration.between(r.lastSeenAt(), now).getSeconds() <= timeout))
        .toList();
  }

  private DeviceStore.Row require(String id) {
    DeviceStore.Row row = id == null || !ID.matcher(id).matches() ? null : store.get(id);
    if (row == null) {
      throw ProblemException.notFound(
          "device-not-found", "Device not found", "This tenant has no device " + id + ".");
    }
    return row;
  }

  private DeviceView view(DeviceStore.Row r, String secret) {
    String state;
    String fault = null;
    DriverRuntime.DriverState d = drivers.driver(r.driver());
    String refusal = d == null ? null : drivers.refusal(store.entry(r));
    if (r.status().equals("revoked")) {
      state = "revoked";
    } else if (d == null) {
      state = "faulty";
      fault = "driver " + r.driver() + " is not installed";
    } else if (refusal != null) {
      state = "faulty";
      fault = refusal;
    } else if (r.lastSeenAt() == null) {
      state = "never-seen";
    } else if (Duration.between(r.lastSeenAt(), clock.instant()).getSeconds()
        > gateway.heartbeatTimeoutSeconds()) {
      state = "offline";
    } else {
      state = "online";
    }
    String username = DeviceEntry.username(tenant, r.id());
    DeviceEntry e = store.entry(r);
    return new DeviceView(
        r.id(),
        r.type(),
        r.driver(),
        r.name(),
        new DeviceInput.Location(r.locationKind(), r.locationRef()),
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
