package org.courtyard.devices.platform.internal;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.courtyard.api.TenantSlug;
import org.courtyard.broker.MqttBroker;
import org.courtyard.devices.platform.DeviceRuntime;
import org.courtyard.devices.platform.DriverView;
import org.courtyard.devices.platform.RegisteredDevice;
import org.courtyard.driver.DeviceDriver;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@link DeviceRuntime} the devices module sees: the registry, the driver runtime and the
 * gateway behind one service, so that the module names none of them.
 */
@Component(service = DeviceRuntime.class)
public final class DeviceRuntimeService implements DeviceRuntime {

  private final DeviceRegistry registry;
  private final DriverRuntime drivers;
  private final Gateway gateway;

  @Activate
  public DeviceRuntimeService(
      @Reference DeviceRegistry registry,
      @Reference DriverRuntime drivers,
      @Reference Gateway gateway) {
    this.registry = registry;
    this.drivers = drivers;
    this.gateway = gateway;
  }

  @Override
  public void load(TenantSlug tenant, Collection<RegisteredDevice> devices) {
    registry.load(tenant, devices);
  }

  @Override
  public void unload(TenantSlug tenant) {
    registry.unload(tenant);
  }

  @Override
  public void put(RegisteredDevice device) {
    registry.put(device);
  }

  @Override
  public void remove(TenantSlug tenant, String deviceId) {
    registry.remove(tenant, deviceId);
    gateway.forget(RegisteredDevice.username(tenant, deviceId));
  }

  @Override
  public MqttBroker broker() {
    return gateway.broker();
  }

  @Override
  public void publish(RegisteredDevice device, byte[] payload) throws IOException {
    try {
      gateway.publish(device, payload);
    } catch (MqttException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  @Override
  public int heartbeatTimeoutSeconds() {
    return gateway.heartbeatTimeoutSeconds();
  }

  @Override
  public DeviceDriver driver(String id) {
    return drivers.installed(id);
  }

  @Override
  public List<String> driversFor(String deviceType) {
    return drivers.driversFor(deviceType);
  }

  @Override
  public List<DriverView> drivers() {
    return drivers.drivers().stream()
        .map(
            s -> {
              DeviceDriver driver = drivers.installed(s.id());
              return new DriverView(
                  s.id(),
                  s.name(),
                  s.vendor(),
                  s.version(),
                  s.deviceTypes(),
                  driver == null ? List.of() : driver.configDescriptor().fields(),
                  s.quarantined() ? "quarantined" : "active",
                  s.reason(),
                  s.quarantinedAt(),
                  s.decoded(),
                  s.failures(),
                  registry.countByDriver(s.id()));
            })
        .toList();
  }

  @Override
  public boolean releaseDevice(RegisteredDevice device) {
    return drivers.releaseDevice(device);
  }

  @Override
  public String refusal(RegisteredDevice device) {
    return drivers.refusal(device);
  }
}
