package org.courtyard.admin.property.devices;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One record a device reported ({@code GET /devices/devices/{id}/records}): a meter reading, an
 * access event, an alarm, a sensor value... with its data as the driver decoded it.
 */
public record DeviceRecord(long seq, int item, String kind, Instant at, JsonNode data)
    implements Serializable {

  /** A meter reading's register value, or null for another record. */
  public BigDecimal value() {
    JsonNode v = data == null ? null : data.get("value");
    if (v == null || v.isNull()) {
      return null;
    }
    try {
      return new BigDecimal(v.asText());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public String channel() {
    return data == null ? "" : data.path("channel").asText("");
  }

  public String unit() {
    return data == null ? "" : data.path("unit").asText("");
  }
}
