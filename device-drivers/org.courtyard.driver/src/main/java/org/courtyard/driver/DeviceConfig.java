package org.courtyard.driver;

import java.math.BigDecimal;
import java.util.Map;
import java.util.NoSuchElementException;

/** A device's settings, validated against its driver's {@link ConfigDescriptor}. */
public final class DeviceConfig {

  private final Map<String, String> values;

  DeviceConfig(Map<String, String> values) {
    this.values = Map.copyOf(values);
  }

  public Map<String, String> asMap() {
    return values;
  }

  public String string(String key) {
    String v = values.get(key);
    if (v == null) {
      throw new NoSuchElementException("no setting " + key);
    }
    return v;
  }

  public long integer(String key) {
    return Long.parseLong(string(key));
  }

  public BigDecimal decimal(String key) {
    return new BigDecimal(string(key));
  }

  public boolean bool(String key) {
    return Boolean.parseBoolean(string(key));
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
