package org.courtyard.devices;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives device records after they are stored, in batches of one tenant, in the order the devices
 * sent them.
 *
 * <p>Called on a thread of the platform's shared {@link org.courtyard.api.Workers}, never on the
 * gateway's ingest thread, and never twice at once for the same tenant (calls for different tenants
 * may run at the same time). So a listener may do its own transaction here; while it runs, the
 * records stored meanwhile gather for its next call. A listener that falls far behind (100,000
 * records of one tenant waiting) is not given the excess, which is logged as an error; a listener
 * that throws is logged and does not stop the others. The records stay stored either way.
 */
@ConsumerType
public interface DeviceEventListener {

  void onEvents(List<DeviceEvent> events);
}
