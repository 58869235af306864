package org.courtyard.devices;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives device records after they are stored, in batches of one tenant, in the order the devices
 * sent them. Called on the ingest thread: hand long work to your own executor. A listener that
 * throws is logged and does not stop the others; the records stay stored either way.
 */
@ConsumerType
public interface DeviceEventListener {

  void onEvents(List<DeviceEvent> events);
}
