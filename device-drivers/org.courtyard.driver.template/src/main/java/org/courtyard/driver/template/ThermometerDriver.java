package org.courtyard.driver.template;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.courtyard.driver.Command;
import org.courtyard.driver.ConfigDescriptor;
import org.courtyard.driver.ConfigField;
import org.courtyard.driver.DecodeResult;
import org.courtyard.driver.Decoded;
import org.courtyard.driver.DeviceConfig;
import org.courtyard.driver.DeviceDriver;
import org.courtyard.driver.DeviceRecord.SensorValue;
import org.courtyard.driver.DriverInfo;
import org.courtyard.driver.EncodeResult;
import org.courtyard.driver.PayloadNumber;
import org.courtyard.driver.RecordStatus;
import org.courtyard.driver.Uplink;
import org.osgi.service.component.annotations.Component;

/**
 * The template's driver: a thermometer that publishes {@code <seq>:<celsius>}, e.g. {@code
 * 42:21.5}. Replace the format, keep the shape: bound the payload's size first, read numbers with
 * {@link PayloadNumber} (never {@code new BigDecimal} or {@code Long.parseLong} on device text),
 * reject what you cannot read with a status and a reason, flag bad values per item, never throw,
 * never block.
 */
@Component(service = DeviceDriver.class)
public final class ThermometerDriver implements DeviceDriver {

  static final String THERMOMETER = "thermometer";
  private static final int MAX_PAYLOAD = 40;

  private static final DriverInfo INFO =
      new DriverInfo(
          "template", "Template thermometer", "Your company", "1.0.0", List.of(THERMOMETER));

  private static final ConfigDescriptor CONFIG =
      ConfigDescriptor.of(
          ConfigField.decimal(
              "offset", "Correction (°C)", "Added to every reading", "0", "-10", "10"));

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
    // size first: a 1 MiB payload is refused before it becomes a String
    if (uplink.payload().length > MAX_PAYLOAD) {
      return DecodeResult.rejected(
          RecordStatus.MALFORMED, "payload over " + MAX_PAYLOAD + " bytes");
    }
    String text = new String(uplink.payload(), StandardCharsets.US_ASCII).trim();
    int colon = text.indexOf(':');
    if (colon <= 0) {
      return DecodeResult.rejected(RecordStatus.MALFORMED, "expected <seq>:<celsius>");
    }
    PayloadNumber seq = PayloadNumber.whole(text.substring(0, colon), 0, Long.MAX_VALUE);
    if (!seq.isGood()) {
      return DecodeResult.rejected(seq.status(), "sequence: " + seq.problem());
    }
    // bounded before the offset is added: 1E-500000000 would be kept with half a billion digits,
    // and 1E+999999999 plus the offset does not return
    PayloadNumber reading = PayloadNumber.decimal(text.substring(colon + 1), 3, 6);
    if (!reading.isGood()) {
      return DecodeResult.of(seq.longValue(), List.of(reading.asBad("temperature")));
    }
    BigDecimal celsius = reading.value().add(config.decimal("offset"));
    Decoded item =
        celsius.abs().compareTo(BigDecimal.valueOf(100)) > 0
            ? Decoded.bad(RecordStatus.OUT_OF_RANGE, celsius + " °C")
            : Decoded.good(new SensorValue("temperature", celsius, "°C", uplink.receivedAt()));
    return DecodeResult.of(seq.longValue(), List.of(item));
  }

  @Override
  public EncodeResult encode(Command command, String deviceType, DeviceConfig config) {
    return EncodeResult.unsupported("this thermometer takes no commands");
  }
}
