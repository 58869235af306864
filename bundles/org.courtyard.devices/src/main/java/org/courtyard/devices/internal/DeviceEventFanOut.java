package org.courtyard.devices.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.courtyard.api.TenantSlug;
import org.courtyard.devices.DeviceEvent;
import org.courtyard.devices.DeviceEventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the {@link DeviceEventListener}s (other modules) the good records of messages just stored.
 * A listener that fails costs the others nothing.
 */
final class DeviceEventFanOut {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceEventFanOut.class);

  private final List<DeviceEventListener> listeners = new CopyOnWriteArrayList<>();

  void add(DeviceEventListener listener) {
    listeners.add(listener);
  }

  void remove(DeviceEventListener listener) {
    listeners.remove(listener);
  }

  /** Called after the transaction that stored the messages committed. */
  void stored(TenantSlug tenant, List<Accepted> stored) {
    if (listeners.isEmpty() || stored.isEmpty()) {
      return;
    }
    List<DeviceEvent> events = new ArrayList<>();
    for (Accepted a : stored) {
      for (var d : a.result().items()) {
        if (d.isGood()) {
          events.add(
              new DeviceEvent(
                  tenant,
                  a.device().id(),
                  a.device().type(),
                  a.device().roomId(),
                  d.record(),
                  a.receivedAt()));
        }
      }
    }
    for (DeviceEventListener l : listeners) {
      try {
        l.onEvents(events);
      } catch (RuntimeException ex) {
        LOG.error("Device event listener {} failed", l.getClass().getName(), ex);
      }
    }
  }
}
