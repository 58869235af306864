package org.courtyard.broker.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The platform gateway's account on the broker: a password made at each start, the right to
 * subscribe to every device's up topic and to publish to every device's down topic, nothing else.
 */
final class GatewayAccount {

  static final String USERNAME = "courtyard-gateway";
  static final String SUBSCRIPTION = "t/+/d/+/up";
  static final String DOWN_PATTERN = "t/+/d/+/down";
  private static final Pattern DOWN = Pattern.compile("^t/[^/+#]+/d/[^/+#]+/down$");

  private GatewayAccount() {}

  static String newPassword() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static boolean mayPublish(String topic) {
    return DOWN.matcher(topic).matches();
  }

  static boolean maySubscribe(String topic) {
    return SUBSCRIPTION.equals(topic);
  }
}
