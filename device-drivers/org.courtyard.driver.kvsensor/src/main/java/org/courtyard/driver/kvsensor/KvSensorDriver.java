package org.courtyard.driver.kvsensor;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.courtyard.driver.DeviceRecord.ParkingSpaceState;
import org.courtyard.driver.DeviceRecord.SensorValue;
import org.courtyard.driver.DriverInfo;
import org.courtyard.driver.EncodeResult;
import org.courtyard.driver.PayloadNumber;
import org.courtyard.driver.RecordStatus;
import org.courtyard.driver.Uplink;
import org.osgi.service.component.annotations.Component;

/**
 * Lvdi's low-cost environment and parking-space sensors (fictional vendor, realistic format): one
 * line of {@code key=value} pairs separated by {@code ;}, e.g.
 *
 * <pre>
 * seq=17;ts=1764288000;t=21.5;h=48;co2=612;smoke=0;leak=1;bat=76
 * seq=3;ts=1764288000;sp=B1-023;occ=1;bat=90
 * seq=18;ts=1764288100;ack=7;ok=1
 * </pre>
 *
 * A value of {@code ERR} means the sensor behind that key failed. Keys this driver does not know
 * are reported as {@code UNSUPPORTED} items, so a firmware update that adds one does not lose the
 * rest of the message.
 */
@Component(service = DeviceDriver.class)
public final class KvSensorDriver implements DeviceDriver {

  static final String ENV = "env-sensor";
  static final String PARKING = "parking-sensor";
  private static final int MAX_PAYLOAD = 1024;

  private static final DriverInfo INFO =
      new DriverInfo(
          "kvsensor",
          "Lvdi environment and parking sensors (key=value)",
          "Lvdi IoT (sample)",
          "0.9.4",
          List.of(ENV, PARKING));

  private static final ConfigDescriptor CONFIG =
      ConfigDescriptor.of(
          ConfigField.string(
              "space",
              "Parking space",
              "The space a parking sensor watches, if its own 'sp' value is not the space's code",
              ""),
          ConfigField.decimal(
              "temperatureOffset",
              "Temperature correction (°C)",
              "Added to every temperature, for a sensor mounted near a heat source",
              "0",
              "-10",
              "10"),
          ConfigField.bool(
              "smokeAlarm", "Smoke alarms", "Raise an alarm when the smoke detector trips", true));

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
    byte[] payload = uplink.payload();
    if (payload.length == 0 || payload.length > MAX_PAYLOAD) {
      return DecodeResult.rejected(
          RecordStatus.MALFORMED, "payload of " + payload.length + " bytes");
    }
    for (byte b : payload) {
      if ((b < 0x20 || b > 0x7E) && b != '\n' && b != '\r') {
        return DecodeResult.rejected(RecordStatus.MALFORMED, "not printable ASCII text");
      }
    }
    String text = new String(payload, StandardCharsets.US_ASCII).trim();
    if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
      // a line end inside a value would reach a stored space code or detail
      return DecodeResult.rejected(RecordStatus.MALFORMED, "more than one line");
    }
    Map<String, String> pairs = new LinkedHashMap<>();
    for (String part : text.split(";")) {
      int eq = part.indexOf('=');
      if (eq <= 0) {
        return DecodeResult.rejected(
            RecordStatus.MALFORMED, "'" + clip(part) + "' is not key=value");
      }
      String key = part.substring(0, eq).trim();
      if (pairs.put(key, part.substring(eq + 1).trim()) != null) {
        return DecodeResult.rejected(RecordStatus.MALFORMED, "key " + clip(key) + " twice");
      }
    }
    Long seq = whole(pairs.remove("seq"));
    if (seq == null) {
      return DecodeResult.rejected(RecordStatus.MALFORMED, "seq missing or not a whole number");
    }
    Long ts = whole(pairs.remove("ts"));
    if (ts == null || ts > 253402300799L) {
      return DecodeResult.rejected(RecordStatus.MALFORMED, "ts missing or not epoch seconds");
    }
    Instant at = Instant.ofEpochSecond(ts);
    List<Decoded> items = new ArrayList<>();
    String ack = pairs.remove("ack");
    String ok = pairs.remove("ok");
    if (ack != null) {
      Long id = whole(ack);
      items.add(
          id == null
              ? Decoded.bad(RecordStatus.MALFORMED, "ack " + clip(ack))
              : Decoded.good(
                  new CommandAck(id, "1".equals(ok), "1".equals(ok) ? null : "refused", at)));
    }
    String space = pairs.remove("sp");
    String occupied = pairs.remove("occ");
    if (occupied != null) {
      String code = config.string("space").isEmpty() ? space : config.string("space");
      if (code == null || code.isEmpty() || code.length() > 32) {
        items.add(Decoded.bad(RecordStatus.MALFORMED, "occupancy without a space code"));
      } else if (!occupied.equals("0") && !occupied.equals("1")) {
        items.add(flag(occupied, "occ"));
      } else {
        items.add(Decoded.good(new ParkingSpaceState(code, occupied.equals("1"), at)));
      }
    }
    for (Map.Entry<String, String> e : pairs.entrySet()) {
      items.add(value(e.getKey(), e.getValue(), config, at));
    }
    return DecodeResult.of(seq, items);
  }

  private static Decoded value(String key, String raw, DeviceConfig config, Instant at) {
    switch (key) {
      case "t" -> {
        PayloadNumber n = number(raw);
        if (!n.isGood()) {
          return flag(n, raw, key);
        }
        BigDecimal v = n.value().add(config.decimal("temperatureOffset"));
        return v.compareTo(BigDecimal.valueOf(-50)) < 0 || v.compareTo(BigDecimal.valueOf(90)) > 0
            ? Decoded.bad(RecordStatus.OUT_OF_RANGE, "temperature " + v)
            : Decoded.good(new SensorValue("temperature", v, "°C", at));
      }
      case "h" -> {
        return percent("humidity", raw, key, at);
      }
      case "bat" -> {
        return percent("battery", raw, key, at);
      }
      case "co2" -> {
        PayloadNumber n = number(raw);
        if (!n.isGood()) {
          return flag(n, raw, key);
        }
        BigDecimal v = n.value();
        return v.signum() < 0 || v.compareTo(BigDecimal.valueOf(40_000)) > 0
            ? Decoded.bad(RecordStatus.OUT_OF_RANGE, "co2 " + v)
            : Decoded.good(new SensorValue("co2", v, "ppm", at));
      }
      case "smoke", "leak" -> {
        if (!raw.equals("0") && !raw.equals("1")) {
          return flag(raw, key);
        }
        if (key.equals("smoke") && !config.bool("smokeAlarm")) {
          return Decoded.bad(RecordStatus.UNSUPPORTED, "smoke alarms are off for this device");
        }
        AlarmKind kind = key.equals("smoke") ? AlarmKind.SMOKE : AlarmKind.WATER_LEAK;
        return Decoded.good(new Alarm(kind, key, raw.equals("1"), null, at));
      }
      default -> {
        return Decoded.bad(RecordStatus.UNSUPPORTED, "key " + clip(key));
      }
    }
  }

  private static Decoded percent(String quantity, String raw, String key, Instant at) {
    PayloadNumber n = number(raw);
    if (!n.isGood()) {
      return flag(n, raw, key);
    }
    BigDecimal v = n.value();
    return v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0
        ? Decoded.bad(RecordStatus.OUT_OF_RANGE, quantity + " " + v)
        : Decoded.good(new SensorValue(quantity, v, "%", at));
  }

  private static Decoded flag(String raw, String key) {
    return raw.equals("ERR")
        ? Decoded.bad(RecordStatus.DEVICE_FAULT, "sensor " + key + " reports an error")
        : Decoded.bad(RecordStatus.MALFORMED, key + "=" + clip(raw));
  }

  /**
   * A sensor's value, bounded before any arithmetic: {@code t=1E+999999999} plus the offset would
   * not return, {@code h=1E-500000000} would be stored as a humidity of half a billion digits.
   */
  private static PayloadNumber number(String raw) {
    return PayloadNumber.decimal(raw, 6, 10);
  }

  private static Decoded flag(PayloadNumber refused, String raw, String key) {
    return refused.status() == RecordStatus.OUT_OF_RANGE ? refused.asBad(key) : flag(raw, key);
  }

  private static Long whole(String raw) {
    if (raw == null || raw.isEmpty() || raw.length() > 18) {
      return null;
    }
    for (int i = 0; i < raw.length(); i++) {
      if (raw.charAt(i) < '0' || raw.charAt(i) > '9') {
        return null;
      }
    }
    return Long.parseLong(raw);
  }

  private static String clip(String s) {
    return s.length() > 24 ? s.substring(0, 24) + "…" : s;
  }

  @Override
  public EncodeResult encode(Command command, String deviceType, DeviceConfig config) {
    if (!INFO.serves(deviceType)) {
      return EncodeResult.unsupported("device type " + deviceType);
    }
    if (!command.name().equals("reset")) {
      return EncodeResult.unsupported("command " + command.name() + "; known: reset");
    }
    return EncodeResult.ok(
        ("cmd=reset;id=" + (command.id() & 0xFFFFFFFFL)).getBytes(StandardCharsets.US_ASCII));
  }
}
