package org.courtyard.admin.property.devices;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.api.TenantApi;
import org.courtyard.admin.property.CursorDataProvider;

/** The devices endpoints the device screens call ({@code /devices/devices/...}). */
public final class DevicesClient implements Serializable {

  private static final long serialVersionUID = 1L;

  private final TenantApi api;

  public DevicesClient(TenantApi api) {
    this.api = api;
  }

  /** The devices in the user's scope, paged by the API; filters {@code type} and {@code status}. */
  public CursorDataProvider<Device> devices() {
    return CursorDataProvider.of(api, "devices/devices", Device.class);
  }

  public Device device(String id) {
    return api.get("devices/devices/" + TenantApi.segment(id), Device.class);
  }

  /** The device's latest records of one kind (null for all), newest first. */
  public List<DeviceRecord> records(String id, String kind, int limit) {
    return api.get(
        "devices/devices/" + TenantApi.segment(id) + "/records",
        kind == null ? Map.of("limit", limit) : Map.of("kind", kind, "limit", limit),
        new TypeReference<List<DeviceRecord>>() {});
  }

  /** The commands sent to the device, newest first. */
  public List<DeviceCommand> commands(String id, int limit) {
    return api.get(
        "devices/devices/" + TenantApi.segment(id) + "/commands",
        Map.of("limit", limit),
        new TypeReference<List<DeviceCommand>>() {});
  }

  /**
   * Sends a command; the answer is {@code sent}, the acknowledgement comes later. The key is the
   * user action's ({@link TenantApi#newIdempotencyKey()}): a repeat answers the first command and
   * publishes nothing, so a double click opens a gate once.
   */
  public DeviceCommand send(String id, DeviceCommand.Input command, String idempotencyKey) {
    return api.post(
        "devices/devices/" + TenantApi.segment(id) + "/commands",
        command,
        DeviceCommand.class,
        idempotencyKey);
  }
}
