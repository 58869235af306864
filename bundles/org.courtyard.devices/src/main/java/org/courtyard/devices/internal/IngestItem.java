package org.courtyard.devices.internal;

/**
 * What a decode lane hands its writer: a decoded or a refused message, with the acknowledgement to
 * send once the transaction holding it committed.
 */
record IngestItem(Accepted accepted, Refused refused, GatewaySession.Ack ack) {

  DeviceEntry device() {
    return accepted != null ? accepted.device() : refused.device();
  }

  /** The same message as refused, for PostgreSQL refused what its driver made of it. */
  IngestItem refuse(String why) {
    Accepted a = accepted;
    return a == null
        ? this
        : new IngestItem(null, new Refused(a.device(), a.receivedAt(), why, a.payload()), ack);
  }
}
