package org.courtyard.devices.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The device topics: {@code t/<tenant>/d/<device>/up} and {@code …/down}. */
final class Topics {

  static final String ALL_UP = "t/+/d/+/up";
  private static final Pattern TOPIC =
      Pattern.compile("^t/([a-z][a-z0-9_]{2,39})/d/([a-z0-9][a-z0-9_-]{0,63})/(up|down)$");

  /** A device topic's parts. */
  record Parts(String tenant, String device, boolean up) {}

  private Topics() {}

  /** The parts of a device topic, or null if {@code topic} is not one. */
  static Parts parse(String topic) {
    Matcher m = TOPIC.matcher(topic);
    return m.matches() ? new Parts(m.group(1), m.group(2), m.group(3).equals("up")) : null;
  }

  static boolean isUp(String topic) {
    Parts p = parse(topic);
    return p != null && p.up();
  }

  static boolean isDown(String topic) {
    Parts p = parse(topic);
    return p != null && !p.up();
  }
}
