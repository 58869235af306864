package org.courtyard.broker;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A client that consumes what devices publish (the device gateway), registered as a service. The
 * embedded broker, before it stops, disconnects the devices and waits until every consumer's {@link
 * #received()} stops moving, so that nothing it acknowledged to a device is left in flight.
 */
@ConsumerType
public interface MqttConsumer {

  /** Messages received from the broker since start. */
  long received();
}
