package org.courtyard.driver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The settings a driver reads from each of its devices' configuration. */
public record ConfigDescriptor(List<ConfigField> fields) {

  public ConfigDescriptor {
    fields = List.copyOf(fields);
  }

  public static ConfigDescriptor of(ConfigField... fields) {
    return new ConfigDescriptor(List.of(fields));
  }

  /** The problems of a device's settings: unknown keys, missing required ones, bad values. */
  public List<String> problems(Map<String, String> settings) {
    List<String> problems = new ArrayList<>();
    for (String key : settings.keySet()) {
      if (fields.stream().noneMatch(f -> f.key().equals(key))) {
        problems.add("unknown setting " + key);
      }
    }
    for (ConfigField f : fields) {
      String problem = f.problem(settings.get(f.key()));
      if (problem != null) {
        problems.add(problem);
      }
    }
    return problems;
  }

  /**
   * The device's configuration with defaults filled in.
   *
   * @throws IllegalArgumentException with every problem, if the settings are not acceptable
   */
  public DeviceConfig configure(Map<String, String> settings) {
    List<String> problems = problems(settings);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (ConfigField f : fields) {
      String v = settings.getOrDefault(f.key(), f.defaultValue());
      if (v != null) {
        values.put(f.key(), v.trim());
      }
    }
    return new DeviceConfig(values);
  }

  /** Every field at its default (what a device without settings gets). */
  public DeviceConfig defaults() {
    return configure(Map.of());
  }
}
