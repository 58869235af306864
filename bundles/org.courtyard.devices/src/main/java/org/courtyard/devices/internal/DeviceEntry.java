package org.courtyard.devices.internal;

import java.util.Map;
import org.courtyard.api.TenantSlug;

/**
 * A device as the broker and the gateway need it, held in memory: who it is, how to check its
 * password, and which driver decodes it with which settings.
 */
record DeviceEntry(
    TenantSlug tenant,
    String id,
    String type,
    String driver,
    Map<String, String> settings,
    String secretHash,
    Long roomId) {

  /** The MQTT username of the device: {@code <tenant>/<device>}. */
  String username() {
    return username(tenant, id);
  }

  static String username(TenantSlug tenant, String deviceId) {
    return tenant.value() + "/" + deviceId;
  }

  String upTopic() {
    return "t/" + tenant.value() + "/d/" + id + "/up";
  }

  String downTopic() {
    return "t/" + tenant.value() + "/d/" + id + "/down";
  }
}
