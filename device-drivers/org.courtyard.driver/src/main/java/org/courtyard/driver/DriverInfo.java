package org.courtyard.driver;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a driver is: a stable id (also its Karaf feature's suffix), a display name, its vendor, its
 * version and the device types it decodes.
 *
 * @param id lower-case id, e.g. {@code jsonmeter}: {@value #ID_PATTERN}
 * @param deviceTypes lower-case types, e.g. {@code water-meter}: {@value #TYPE_PATTERN}
 */
public record DriverInfo(
    String id, String name, String vendor, String version, List<String> deviceTypes) {

  public static final String ID_PATTERN = "^[a-z][a-z0-9-]{1,39}$";
  public static final String TYPE_PATTERN = "^[a-z][a-z0-9-]{1,39}$";
  private static final Pattern ID = Pattern.compile(ID_PATTERN);
  private static final Pattern TYPE = Pattern.compile(TYPE_PATTERN);

  public DriverInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(vendor, "vendor");
    Objects.requireNonNull(version, "version");
    deviceTypes = List.copyOf(deviceTypes);
  }

  public static boolean validId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  public static boolean validDeviceType(String type) {
    return type != null && TYPE.matcher(type).matches();
  }

  public boolean serves(String deviceType) {
    return deviceTypes.contains(deviceType);
  }
}
