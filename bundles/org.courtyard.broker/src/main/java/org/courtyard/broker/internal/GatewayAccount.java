package org.courtyard.broker.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The platform gateway's account on the broker: a password made at each start, the right to
 * subscribe to every device's up topic (all at once, or tenant by tenant) and to publish to every
 * device's down topic, nothing else. The gateway may hold several sessions at once, with the client
 * ids {@code courtyard-gateway} and {@code courtyard-gateway-<n>} ({@code n} from 0 to {@value
 * #MAX_SESSIONS} - 1); no one else may use these ids.
 */
final class GatewayAccount {

  static final String USERNAME = "courtyard-gateway";
  static final String SUBSCRIPTION = "t/+/d/+/up";
  static final String DOWN_PATTERN = "t/+/d/+/down";
  static final int MAX_SESSIONS = 16;
  private static final Pattern DOWN = Pattern.compile("^t/[^/+#]+/d/[^/+#]+/down$");
  private static final Pattern TENANT_UP = Pattern.compile("^t/[^/+#]+/d/\\+/up$");
  private static final Set<String> CLIENT_IDS =
      Set.copyOf(
          Stream.concat(
                  Stream.of(USERNAME),
                  IntStream.range(0, MAX_SESSIONS).mapToObj(n -> USERNAME + "-" + n))
              .toList());

  private GatewayAccount() {}

  static String newPassword() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether {@code clientId} is one of the gateway's session ids. */
  static boolean isClientId(String clientId) {
    return clientId != null && CLIENT_IDS.contains(clientId);
  }

  static boolean mayPublish(String topic) {
    return DOWN.matcher(topic).matches();
  }

  /** Every device's up topic, or one tenant's ({@code t/<tenant>/d/+/up}, a session's share). */
  static boolean maySubscribe(String topic) {
    return SUBSCRIPTION.equals(topic) || TENANT_UP.matcher(topic).matches();
  }
}
