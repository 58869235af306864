package org.courtyard.devices.platform.internal;

import org.courtyard.devices.platform.DecodedMessage;
import org.courtyard.devices.platform.RefusedMessage;
import org.courtyard.devices.platform.RegisteredDevice;

/**
 * What a decode lane hands its writer: a decoded or a refused message, with the acknowledgement to
 * send once the transaction holding it committed.
 */
record IngestItem(DecodedMessage accepted, RefusedMessage refused, GatewaySession.Ack ack) {

  RegisteredDevice device() {
    return accepted != null ? accepted.device() : refused.device();
  }

  /** The same message as refused, for PostgreSQL refused what its driver made of it. */
  IngestItem refuse(String why) {
    DecodedMessage a = accepted;
    return a == null
        ? this
        : new IngestItem(
            null, new RefusedMessage(a.device(), a.receivedAt(), why, a.payload()), ack);
  }
}
