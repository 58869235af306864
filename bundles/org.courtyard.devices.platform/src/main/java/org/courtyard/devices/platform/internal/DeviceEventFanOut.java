package org.courtyard.devices.platform.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Workers;
import org.courtyard.devices.DeviceEvent;
import org.courtyard.devices.DeviceEventListener;
import org.courtyard.devices.platform.DecodedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Tells the {@link DeviceEventListener}s (other modules) the good records of messages just stored,
 * on the shared {@link Workers}, never on the ingest writer that stored them: one lane per
 * (listener, tenant), one delivery at a time, so each listener sees a tenant's records in the order
 * they were stored (a device's in the order it sent them), and a listener that is slow or fails
 * costs the other listeners and the other tenants nothing.
 *
 * <p>What happens when a listener falls behind. Blocking the writer (the lane's {@code execute})
 * would be backpressure for the wrong party: a writer stores the batches of every tenant whose
 * devices share its decode lane, and holding back the acknowledgements of one tenant also fills the
 * broker's in-flight window of the MQTT session it shares with other tenants. So a slow listener of
 * tenant A would stall tenant B's ingest. The writer therefore never waits here: records wait in
 * the (listener, tenant) mailbox, and when the lane runs, it takes what has gathered, up to {@link
 * #CHUNK} at a time (a flood of one-message batches costs one delivery, not one each). The mailbox
 * is bounded ({@link #MAX_PENDING} records); records that would exceed it are not delivered to that
 * listener, which is logged as an error naming the listener, the tenant, how many records and the
 * time they were received, and counted ({@link #undelivered()}). They stay stored in the tenant's
 * {@code device_message} either way: this only ever costs a listener's copy, never the reading.
 */
final class DeviceEventFanOut {

  private static final Logger LOG = LoggerFactory.getLogger(DeviceEventFanOut.class);

  /** Records handed to a listener in one call at most. */
  static final int CHUNK = 1_000;

  /** Records waiting for one listener of one tenant at most (about 20 MB). */
  static final int MAX_PENDING = 100_000;

  /** How long a listener that goes away (or the gateway stopping) may take to get what waits. */
  static final Duration DRAIN = Duration.ofSeconds(5);

  private final Workers workers;
  private final Map<DeviceEventListener, Map<TenantSlug, Mailbox>> listeners =
      new ConcurrentHashMap<>();
  private final AtomicLong undelivered = new AtomicLong();

  DeviceEventFanOut(Workers workers) {
    this.workers = workers;
  }

  void add(DeviceEventListener listener) {
    listeners.putIfAbsent(listener, new ConcurrentHashMap<>());
  }

  /** The listener is going: what waits for it is delivered (for a while), then its lanes close. */
  void remove(DeviceEventListener listener) {
    Map<TenantSlug, Mailbox> boxes = listeners.remove(listener);
    if (boxes != null) {
      close(boxes.values());
    }
  }

  /** The gateway stops: every listener gets what waits for it (for a while), then lanes close. */
  void close() {
    List<Mailbox> all = new ArrayList<>();
    listeners.values().forEach(boxes -> all.addAll(boxes.values()));
    listeners.clear();
    close(all);
  }

  /** Records not delivered to a listener since start, for it had too many waiting. */
  long undelivered() {
    return undelivered.get();
  }

  /** Called after the transaction that stored the messages committed; never waits. */
  void stored(TenantSlug tenant, List<DecodedMessage> stored) {
    if (listeners.isEmpty() || stored.isEmpty()) {
      return;
    }
    List<DeviceEvent> events = new ArrayList<>();
    for (DecodedMessage a : stored) {
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
    if (events.isEmpty()) {
      return;
    }
    List<DeviceEvent> shared = List.copyOf(events);
    listeners.forEach(
        (listener, boxes) ->
            boxes.computeIfAbsent(tenant, t -> new Mailbox(listener, t)).post(shared));
  }

  private void close(Collection<Mailbox> boxes) {
    long deadline = System.nanoTime() + DRAIN.toNanos();
    try {
      for (Mailbox box : boxes) {
        box.close(deadline);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** What waits for one listener of one tenant, delivered on its own lane of the shared pool. */
  private final class Mailbox {
    private final DeviceEventListener listener;
    private final TenantSlug tenant;
    private final String name;
    private final Workers.Lane lane;
    private final ArrayDeque<DeviceEvent> pending = new ArrayDeque<>();

    /** A delivery is queued or running: it takes what is posted meanwhile. */
    private boolean scheduled;

    private boolean closed;

    Mailbox(DeviceEventListener listener, TenantSlug tenant) {
      this.listener = listener;
      this.tenant = tenant;
      this.name = "device-events " + listener.getClass().getName() + " " + tenant;
      // one delivery running and its successor queued: that is all a mailbox ever asks of it
      this.lane = workers.lane(name, 1, 2);
    }

    void post(List<DeviceEvent> events) {
      synchronized (this) {
        if (closed || pending.size() + events.size() > MAX_PENDING) {
          refuse(events, closed ? "its lane is closed" : MAX_PENDING + " records already wait");
          return;
        }
        pending.addAll(events);
        if (scheduled) {
          return;
        }
        scheduled = true;
      }
      schedule();
    }

    private void schedule() {
      if (!lane.offer(this::deliver)) {
        List<DeviceEvent> lost;
        synchronized (this) {
          lost = new ArrayList<>(pending);
          pending.clear();
          scheduled = false;
          notifyAll();
        }
        refuse(lost, "its lane is closed");
      }
    }

    private void deliver() {
      List<DeviceEvent> chunk = new ArrayList<>();
      synchronized (this) {
        while (chunk.size() < CHUNK && !pending.isEmpty()) {
          chunk.add(pending.poll());
        }
      }
      MDC.put("tenant", tenant.value());
      try {
        if (!chunk.isEmpty()) {
          listener.onEvents(chunk);
        }
      } catch (RuntimeException e) {
        LOG.error("Device event listener {} failed", listener.getClass().getName(), e);
      } finally {
        MDC.remove("tenant");
      }
      synchronized (this) {
        if (pending.isEmpty()) {
          scheduled = false;
          notifyAll();
          return;
        }
      }
      // more came meanwhile: queued behind this run, so the lane stays in order
      schedule();
    }

    /** Waits (until {@code deadline}, nanoTime) for what is posted to be delivered, then closes. */
    void close(long deadline) throws InterruptedException {
      synchronized (this) {
        closed = true;
        while (scheduled) {
          long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
          if (left <= 0) {
            break;
          }
          wait(left);
        }
        if (!pending.isEmpty()) {
          List<DeviceEvent> lost = new ArrayList<>(pending);
          pending.clear();
          refuse(lost, "it did not take them within " + DRAIN.toSeconds() + " s of going away");
        }
      }
      lane.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    private void refuse(List<DeviceEvent> events, String why) {
      if (events.isEmpty()) {
        return;
      }
      long total = undelivered.addAndGet(events.size());
      LOG.error(
          "{} device record(s) of tenant {} received {} to {} not delivered to {}: {}; they stay"
              + " stored in device_message ({} undelivered since start)",
          events.size(),
          tenant,
          events.get(0).receivedAt(),
          events.get(events.size() - 1).receivedAt(),
          listener.getClass().getName(),
          why,
          total);
    }
  }
}
