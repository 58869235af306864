package org.courtyard.devices.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import org.courtyard.driver.Decoded;
import org.courtyard.driver.DeviceRecord;

/** How device records are stored: a kind, and the record's fields as JSON. */
final class RecordJson {

  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private RecordJson() {}

  static String kind(DeviceRecord r) {
    if (r instanceof DeviceRecord.MeterReading) {
      return "meter_reading";
    } else if (r instanceof DeviceRecord.AccessEvent) {
      return "access_event";
    } else if (r instanceof DeviceRecord.Alarm) {
      return "alarm";
    } else if (r instanceof DeviceRecord.SensorValue) {
      return "sensor_value";
    } else if (r instanceof DeviceRecord.ParkingSpaceState) {
      return "parking_space_state";
    } else if (r instanceof DeviceRecord.CommandAck) {
      return "command_ack";
    } else if (r instanceof DeviceRecord.PlateRead) {
      return "plate_read";
    }
    throw new IllegalArgumentException("unknown record " + r.getClass());
  }

  /** The GOOD items of a message as {@code [{"item":1,"kind":…,"at":…,"data":{…}}, …]}. */
  static String records(List<Decoded> items) {
    ArrayNode array = MAPPER.createArrayNode();
    int item = 0;
    for (Decoded d : items) {
      item++;
      if (!d.isGood()) {
        continue;
      }
      ObjectNode o = array.addObject();
      o.put("item", item);
      o.put("kind", kind(d.record()));
      o.put("at", d.record().at().toString());
      o.set("data", MAPPER.valueToTree(d.record()));
    }
    return array.toString();
  }

  static String json(DeviceRecord r) {
    try {
      return MAPPER.writeValueAsString(r);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a device record that does not serialize: " + r, e);
    }
  }
}
