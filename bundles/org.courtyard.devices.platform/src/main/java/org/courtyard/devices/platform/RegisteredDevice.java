package org.courtyard.devices.platform;

import java.util.Map;
import org.courtyard.api.TenantSlug;

/**
 * A device as the broker and the gateway need it, held in memory while its tenant's devices module
 * runs: who it is, how to check its password, and which driver decodes it with which settings.
 *
 * @param secretHash the SHA-256 of its password ({@link DeviceSecrets#hash})
 * @param roomId the room it is installed in, or null
 */
public record RegisteredDevice(
    TenantSlug tenant,
    String id,
    String type,
    String driver,
    Map<String, String> settings,
    String secretHash,
    Long roomId) {

  /** The MQTT username of the device: {@code <tenant>/<device>}. */
  public String username() {
    return username(tenant, id);
  }

  public static String username(TenantSlug tenant, String deviceId) {
    return tenant.value() + "/" + deviceId;
  }

  public String upTopic() {
    return "t/" + tenant.value() + "/d/" + id + "/up";
  }

  public String downTopic() {
    return "t/" + tenant.value() + "/d/" + id + "/down";
  }
}
