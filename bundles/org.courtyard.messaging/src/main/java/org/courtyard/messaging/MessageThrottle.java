package org.courtyard.messaging;

import java.time.Duration;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A limit on messages besides the platform's own per-recipient limit (PID {@code
 * org.courtyard.messaging}): the identity module may allow one sign-in code per phone number a
 * minute, for instance. {@link Messages} asks every registered throttle before it accepts a
 * message, and refuses it if any asks to wait.
 */
@ConsumerType
public interface MessageThrottle {

  /**
   * Whether {@code message} may go now. A throttle that lets it pass counts it (so answer quickly:
   * it is asked on the caller's thread).
   *
   * @return {@link Duration#ZERO} to let it pass, else how long until a message like it may go
   */
  Duration admit(Message message);
}
