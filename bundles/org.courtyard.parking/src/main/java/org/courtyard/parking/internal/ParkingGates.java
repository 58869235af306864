package org.courtyard.parking.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.devices.DeviceEvent;
import org.courtyard.devices.DeviceEventListener;
import org.courtyard.driver.DeviceRecord.ParkingSpaceState;
import org.courtyard.driver.DeviceRecord.PlateRead;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plate reads of the tenants' gate cameras, for the tenants that run parking (the devices
 * module calls this after it stored the reads, one tenant's chunk at a time, in order): each read
 * of a lane that is a gate is decided and written as a passage by {@link Gates}, and a gate that
 * should open is sent its open command once the passage is committed, unless the read reached
 * parking more than {@link #TOO_LATE} after it arrived (the car is gone; the guard's screen shows
 * the passage without a command). A read that fails (the database away) is logged and stays in the
 * device's stored messages; the others are decided. Occupancy sensors' readings of the spaces they
 * watch are kept on those spaces ({@link Spaces#sensed}).
 */
@Component(
    service = DeviceEventListener.class,
    property = CourtyardConstants.MODULE + "=" + ParkingModule.ID)
public final class ParkingGates implements DeviceEventListener {

  private static final Logger LOG = LoggerFactory.getLogger(ParkingGates.class);

  /** A read handed over later than this after it arrived opens no barrier. */
  static final Duration TOO_LATE = Duration.ofMinutes(2);

  private final ParkingInstances instances;

  @Activate
  public ParkingGates(@Reference ParkingInstances instances) {
    this.instances = instances;
  }

  @Override
  public void onEvents(List<DeviceEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    ParkingTenant parking = instances.find(events.get(0).tenant());
    if (parking == null) {
      return;
    }
    for (DeviceEvent e : events) {
      if (e.record() instanceof ParkingSpaceState state) {
        sensed(parking, e, state);
        continue;
      }
      if (!(e.record() instanceof PlateRead read)) {
        continue;
      }
      try {
        Optional<Gates.Opening> opening =
            parking
                .gates()
                .read(e.deviceId(), read, e.receivedAt())
                .flatMap(Gates.Handled::opening);
        if (opening.isPresent() && late(e)) {
          // the car that stood there is long gone: its passage says open, without a command
          LOG.warn(
              "Tenant {}: the read of {} lane {} arrived {} late; the barrier was not opened",
              e.tenant(),
              e.deviceId(),
              read.lane(),
              Duration.between(e.receivedAt(), Instant.now()));
        } else {
          opening.ifPresent(o -> instances.open(e.tenant(), parking, o));
        }
      } catch (RuntimeException ex) {
        LOG.warn(
            "Tenant {}: a plate read of {} lane {} was not decided",
            e.tenant(),
            e.deviceId(),
            read.lane(),
            ex);
      }
    }
  }

  /** A sensor's reading of a space it watches; one the lot does not know of is ignored. */
  private static void sensed(ParkingTenant parking, DeviceEvent e, ParkingSpaceState state) {
    try {
      parking.spaces().sensed(e.deviceId(), state.space(), state.occupied(), state.at());
    } catch (RuntimeException ex) {
      LOG.warn(
          "Tenant {}: the reading of {} for space {} was not kept",
          e.tenant(),
          e.deviceId(),
          state.space(),
          ex);
    }
  }

  private static boolean late(DeviceEvent e) {
    return e.receivedAt() != null
        && Duration.between(e.receivedAt(), Instant.now()).compareTo(TOO_LATE) > 0;
  }
}
