package org.courtyard.driver.jsonmeter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.courtyard.driver.Command;
import org.courtyard.driver.ConfigDescriptor;
import org.courtyard.driver.ConfigField;
import org.courtyard.driver.DecodeResult;
import org.courtyard.driver.Decoded;
import org.courtyard.driver.DeviceConfig;
import org.courtyard.driver.DeviceDriver;
import org.courtyard.driver.DeviceRecord.Alarm;
import org.courtyard.driver.DeviceRecord.AlarmKind;
import org.courtyard.driver.DeviceRecord.CommandAck;
import org.courtyard.driver.DeviceRecord.MeterKind;
import org.courtyard.driver.DeviceRecord.MeterReading;
import org.courtyard.driver.DeviceRecord.SensorValue;
import org.courtyard.driver.DriverInfo;
import org.courtyard.driver.EncodeResult;
import org.courtyard.driver.PayloadNumber;
import org.courtyard.driver.RecordStatus;
import org.courtyard.driver.Uplink;
import org.osgi.service.component.annotations.Component;

/**
 * Qingyuan's NB-IoT/LoRa meters (fictional vendor, realistic format). A meter publishes JSON:
 *
 * <pre>
 * {"seq": 1024, "ts": 1764288000, "battery": 87, "alarms": ["leak"],
 *  "readings": [{"ch": "1", "type": "water", "total": "1234.567", "unit": "m3"},
 *               {"ch": "2", "type": "water", "err": 3}]}
 * </pre>
 *
 * {@code total} is the register (a string or a number; pulses times the device's {@code scale}
 * setting), {@code err} a sensor error code instead of a value. An acknowledgement of a command is
 * {@code {"seq": 1025, "ack": {"id": 7, "ok": true}}}. Commands: {@code set-interval} ({@code
 * seconds}, 60-86400) becomes {@code {"cmd":"interval","id":7,"seconds":900}}.
 */
@Component(service = DeviceDriver.class)
public final class JsonMeterDriver implements DeviceDriver {

  static final String WATER = "water-meter";
  static final String ELECTRICITY = "electricity-meter";
  static final String GAS = "gas-meter";

  private static final int MAX_PAYLOAD = 16 * 1024;
  private static final int MAX_READINGS = 32;
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final DriverInfo INFO =
      new DriverInfo(
          "jsonmeter",
          "Qingyuan JSON meters (water, electricity, gas)",
          "Qingyuan Metering Co. (sample)",
          "1.2.1",
          List.of(WATER, ELECTRICITY, GAS));

  private static final ConfigDescriptor CONFIG =
      ConfigDescriptor.of(
          ConfigField.decimal(
              "scale",
              "Register scale",
              "What one unit of the reported total is worth, e.g. 0.001 for a meter that counts"
                  + " litres but bills m3",
              "1",
              "0.000001",
              "1000"),
          ConfigField.choice(
              "timeSource",
              "Time of a reading",
              "device: the meter's own clock (ts); gateway: when the message arrived",
              "device",
              List.of("device", "gateway")),
          ConfigField.integer(
              "lowBatteryPercent",
              "Low battery alarm at",
              "Raise a low-battery alarm when the battery reports this percentage or less",
              15,
              0,
              100));

  @Override
  public DriverInfo info() {
    return INFO;
  }

  @Override
  public ConfigDescriptor configDescriptor() {
    return CONFIG;
  }

  @Override
  public DecodeResult decode(Uplink uplink, DeviceConfig config) {
    if (uplink.payload().length > MAX_PAYLOAD) {
      return DecodeResult.rejected(RecordStatus.MALFORMED, "payload over 16 KiB");
    }
    JsonNode root;
    try {
      root = JSON.readTree(uplink.payload());
    } catch (IOException e) {
      return DecodeResult.rejected(RecordStatus.MALFORMED, "not JSON: " + shown(firstLine(e), 200));
    }
    if (root == null || !root.isObject()) {
      return DecodeResult.rejected(RecordStatus.MALFORMED, "not a JSON object");
    }
    JsonNode seq = root.get("seq");
    if (seq == null || !seq.canConvertToLong() || seq.asLong() < 0) {
      return DecodeResult.rejected(RecordStatus.MALFORMED, "seq missing or not a whole number");
    }
    Instant at = uplink.receivedAt();
    if (config.string("timeSource").equals("device")) {
      JsonNode ts = root.get("ts");
      if (ts == null || !ts.canConvertToLong() || ts.asLong() < 0 || ts.asLong() > 253402300799L) {
        return DecodeResult.rejected(RecordStatus.MALFORMED, "ts missing or not epoch seconds");
      }
      at = Instant.ofEpochSecond(ts.asLong());
    }
    List<Decoded> items = new ArrayList<>();
    JsonNode ack = root.get("ack");
    if (ack != null) {
      JsonNode id = ack.get("id");
      if (id == null || !id.canConvertToLong()) {
        items.add(Decoded.bad(RecordStatus.MALFORMED, "ack without id"));
      } else {
        JsonNode ok = ack.get("ok");
        items.add(
            Decoded.good(
                new CommandAck(
                    id.asLong(),
                    ok != null && ok.asBoolean(),
                    ack.hasNonNull("error") ? shown(ack.get("error").asText(), 64) : null,
                    at)));
      }
    }
    JsonNode readings = root.get("readings");
    if (readings != null) {
      if (!readings.isArray() || readings.size() > MAX_READINGS) {
        return DecodeResult.rejected(
            RecordStatus.MALFORMED, "readings must be an array of at most " + MAX_READINGS);
      }
      for (JsonNode r : readings) {
        items.add(reading(r, config, at));
      }
    }
    JsonNode battery = root.get("battery");
    if (battery != null) {
      if (!battery.isNumber() || battery.asInt() < 0 || battery.asInt() > 100) {
        items.add(
            Decoded.bad(RecordStatus.OUT_OF_RANGE, "battery " + shown(battery.toString(), 24)));
      } else {
        items.add(
            Decoded.good(new SensorValue("battery", BigDecimal.valueOf(battery.asInt()), "%", at)));
        if (battery.asInt() <= config.integer("lowBatteryPercent")) {
          items.add(
              Decoded.good(
                  new Alarm(AlarmKind.LOW_BATTERY, "battery", true, battery.asInt() + "%", at)));
        }
      }
    }
    JsonNode alarms = root.get("alarms");
    if (alarms != null && alarms.isArray()) {
      for (JsonNode a : alarms) {
        items.add(alarm(a.asText(), at));
      }
    }
    return DecodeResult.of(seq.asLong(), items);
  }

  private static Decoded reading(JsonNode r, DeviceConfig config, Instant at) {
    if (!r.isObject()) {
      return Decoded.bad(RecordStatus.MALFORMED, "a reading is not an object");
    }
    String channel = r.hasNonNull("ch") ? r.get("ch").asText() : "1";
    if (channel.isEmpty() || channel.length() > 16 || !printable(channel)) {
      return Decoded.bad(RecordStatus.MALFORMED, "channel must be 1-16 printable characters");
    }
    MeterKind kind;
    switch (r.path("type").asText("")) {
      case "water" -> kind = MeterKind.WATER;
      case "electricity", "power" -> kind = MeterKind.ELECTRICITY;
      case "gas" -> kind = MeterKind.GAS;
      case "heat" -> kind = MeterKind.HEAT;
      default -> {
        return Decoded.bad(
            RecordStatus.UNSUPPORTED,
            "channel " + channel + ": meter type " + shown(r.path("type").toString(), 24));
      }
    }
    if (r.has("err")) {
      return new Decoded(
          RecordStatus.DEVICE_FAULT,
          null,
          "channel " + channel + ": sensor error " + shown(r.get("err").asText(), 24));
    }
    JsonNode total = r.get("total");
    if (total == null || !(total.isTextual() || total.isNumber())) {
      return Decoded.bad(RecordStatus.MALFORMED, "channel " + channel + ": total missing");
    }
    // bounded before any arithmetic: "1E-500000000" would make setScale below run for minutes.
    // Up to 20 places, rounded to 6 below: meters that compute in doubles send 1234.5670000000001
    PayloadNumber number = PayloadNumber.decimal(total.asText(), 12, 20);
    if (!number.isGood()) {
      return number.asBad("channel " + channel + ": total");
    }
    BigDecimal value = number.value();
    if (value.signum() < 0) {
      return Decoded.bad(RecordStatus.OUT_OF_RANGE, "channel " + channel + ": total " + value);
    }
    BigDecimal scaled = value.multiply(config.decimal("scale"));
    if (scaled.scale() > 6) {
      scaled = scaled.setScale(6, RoundingMode.HALF_UP);
    }
    String unit = r.hasNonNull("unit") ? r.get("unit").asText() : defaultUnit(kind);
    if (unit.isEmpty() || unit.length() > 8 || !printable(unit)) {
      return Decoded.bad(
          RecordStatus.MALFORMED, "channel " + channel + ": unit " + shown(unit, 24));
    }
    return Decoded.good(new MeterReading(channel, kind, scaled.stripTrailingZeros(), unit, at));
  }

  private static Decoded alarm(String code, Instant at) {
    AlarmKind kind =
        switch (code.toLowerCase(Locale.ROOT)) {
          case "leak" -> AlarmKind.WATER_LEAK;
          case "tamper", "magnet" -> AlarmKind.TAMPER;
          case "fault" -> AlarmKind.SENSOR_FAULT;
          default -> null;
        };
    return kind == null
        ? Decoded.bad(RecordStatus.UNSUPPORTED, "alarm " + shown(code, 24))
        : Decoded.good(new Alarm(kind, "meter", true, code, at));
  }

  private static String defaultUnit(MeterKind kind) {
    return switch (kind) {
      case WATER, GAS -> "m3";
      case ELECTRICITY, HEAT -> "kWh";
    };
  }

  @Override
  public EncodeResult encode(Command command, String deviceType, DeviceConfig config) {
    if (!INFO.serves(deviceType)) {
      return EncodeResult.unsupported("device type " + deviceType);
    }
    if (!command.name().equals("set-interval")) {
      return EncodeResult.unsupported("command " + command.name() + "; known: set-interval");
    }
    long seconds;
    try {
      seconds = Long.parseLong(command.argument("seconds", ""));
    } catch (NumberFormatException e) {
      return EncodeResult.invalid("seconds must be a whole number");
    }
    if (seconds < 60 || seconds > 86_400) {
      return EncodeResult.invalid("seconds must be 60-86400");
    }
    ObjectNode cmd = JSON.createObjectNode();
    cmd.put("cmd", "interval").put("id", command.id() & 0xFFFFFFFFL).put("seconds", seconds);
    try {
      return EncodeResult.ok(JSON.writeValueAsString(cmd).getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean printable(String s) {
    return s.chars().noneMatch(Character::isISOControl);
  }

  /** Device text as a detail shows it: control characters (NUL among them) replaced, clipped. */
  private static String shown(String s, int max) {
    String clean = s.replaceAll("\\p{Cc}", "\uFFFD");
    return clean.length() > max ? clean.substring(0, max) + "…" : clean;
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
