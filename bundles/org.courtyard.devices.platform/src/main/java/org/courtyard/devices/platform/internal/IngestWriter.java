package org.courtyard.devices.platform.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.courtyard.api.TenantInstances;
import org.courtyard.api.TenantSlug;
import org.courtyard.devices.platform.DecodedMessage;
import org.courtyard.devices.platform.DeviceIngest;
import org.courtyard.devices.platform.RefusedMessage;
import org.courtyard.devices.platform.StoredBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The gateway's writers, one per decode lane (a device's batches are written in order, and lanes in
 * parallel): batches of a lane's ingest queue, split by tenant, each stored in one transaction of
 * the tenant's {@link DeviceIngest}. Only once it committed is each message acknowledged to the
 * broker and the listeners told.
 *
 * <p>While the database is away a writer keeps its batch and retries with backoff; nothing is
 * acknowledged meanwhile, the queues fill, and the broker holds the devices' messages. A batch
 * PostgreSQL refuses for its data is halved until the message at fault is alone: that one is stored
 * as refused, every other one as usual. A tenant whose module is not running is waited for, up to
 * the hold time; one whose devices are gone has its messages let go.
 */
final class IngestWriter {

  private static final Logger LOG = LoggerFactory.getLogger(IngestWriter.class);

  private final TenantInstances<DeviceIngest> tenants;
  private final DeviceRegistry registry;
  private final Supplier<Gateway.Config> config;
  private final GatewayStats stats;
  private final DeviceEventFanOut listeners;
  private final ExecutorService writer;
  private volatile boolean running = true;

  /** Messages a writer has taken from its queue and not yet stored. */
  private final AtomicInteger writing = new AtomicInteger();

  /**
   * Starts one writer for each queue.
   *
   * @param config the gateway's configuration, read afresh at each batch
   */
  IngestWriter(
      List<BlockingQueue<IngestItem>> queues,
      TenantInstances<DeviceIngest> tenants,
      DeviceRegistry registry,
      Supplier<Gateway.Config> config,
      GatewayStats stats,
      DeviceEventFanOut listeners) {
    this.tenants = tenants;
    this.registry = registry;
    this.config = config;
    this.stats = stats;
    this.listeners = listeners;
    AtomicInteger writers = new AtomicInteger();
    this.writer =
        Executors.newFixedThreadPool(
            queues.size(),
            r -> {
              Thread t = new Thread(r, "device-ingest-" + writers.getAndIncrement());
              t.setDaemon(true);
              return t;
            });
    for (BlockingQueue<IngestItem> ingest : queues) {
      writer.execute(() -> writeLoop(ingest));
    }
  }

  /** Messages taken from the queues and not yet stored. */
  int writing() {
    return writing.get();
  }

  /** Stops the writers, waiting a while for a write under way. */
  void stop() {
    running = false;
    writer.shutdownNow();
    try {
      writer.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void writeLoop(BlockingQueue<IngestItem> ingest) {
    List<IngestItem> batch = new ArrayList<>(config.get().batchSize());
    while (running) {
      try {
        IngestItem first = ingest.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        ingest.drainTo(batch, config.get().batchSize() - 1);
        writing.addAndGet(batch.size());
        write(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        writing.addAndGet(-batch.size());
        batch.clear();
      }
    }
  }

  /** Writes a batch tenant by tenant; returns once each tenant's part is stored or held back. */
  private void write(List<IngestItem> batch) throws InterruptedException {
    Map<TenantSlug, List<IngestItem>> byTenant = new LinkedHashMap<>();
    for (IngestItem i : batch) {
      byTenant.computeIfAbsent(i.device().tenant(), k -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<TenantSlug, List<IngestItem>> e : byTenant.entrySet()) {
      TenantSlug tenant = e.getKey();
      MDC.put("tenant", tenant.value());
      try {
        writeTenant(tenant, e.getValue());
      } finally {
        MDC.remove("tenant");
      }
    }
  }

  /**
   * Stores one tenant's part of a batch, retrying while the database is away, and splitting the
   * part when PostgreSQL refuses its data so that only the message at fault is refused.
   */
  private void writeTenant(TenantSlug tenant, List<IngestItem> items) throws InterruptedException {
    long backoff = 50;
    long heldSince = System.nanoTime();
    while (true) {
      DeviceIngest instance = tenants.find(tenant);
      if (instance == null) {
        if (items.stream().noneMatch(i -> registry.findByUpTopic(i.device().upTopic()) != null)) {
          // the tenant's devices are gone (module disabled, tenant offboarded): nothing to keep
          stats.dropped.addAndGet(items.size());
          items.forEach(i -> i.ack().send());
          return;
        }
        if (System.nanoTime() - heldSince > TimeUnit.SECONDS.toNanos(config.get().holdSeconds())
            || !running) {
          stats.held.addAndGet(items.size());
          LOG.warn(
              "{} message(s) of tenant {} left with the broker: its devices module is not running",
              items.size(),
              tenant);
          return;
        }
      } else {
        try {
          store(instance, items);
          return;
        } catch (RuntimeException e) {
          SQLException sql = sqlCause(e);
          if (sql != null && isDataError(sql)) {
            split(instance, items, sql);
            return;
          }
          stats.retries.incrementAndGet();
          if (backoff >= 1_000) {
            LOG.warn(
                "Device ingest for tenant {} cannot write ({}); retrying in {} ms, nothing is"
                    + " acknowledged meanwhile",
                tenant,
                String.valueOf(sql != null ? sql.getMessage() : e),
                backoff);
          }
        }
      }
      if (!running) {
        return;
      }
      Thread.sleep(backoff);
      backoff = Math.min(backoff * 2, config.get().retryMaxBackoffMs());
    }
  }

  /** Halves a refused batch until the message at fault is alone; stores the rest as usual. */
  private void split(DeviceIngest instance, List<IngestItem> items, SQLException cause)
      throws InterruptedException {
    if (items.size() == 1) {
      IngestItem bad = items.get(0);
      if (bad.accepted() == null) {
        // a refusal row is bytes and a cleaned reason: PostgreSQL has no reason to refuse it
        stats.held.incrementAndGet();
        LOG.error(
            "A refused message of {} cannot be stored either; left with the broker",
            bad.device().username(),
            cause);
        return;
      }
      String why = "PostgreSQL refused the decoded message: " + cause.getMessage();
      LOG.debug("Device {}: {}", bad.device().username(), why);
      writeTenant(instance.tenant(), List.of(bad.refuse(why)));
      return;
    }
    int half = items.size() / 2;
    for (List<IngestItem> part :
        List.of(items.subList(0, half), items.subList(half, items.size()))) {
      try {
        store(instance, part);
      } catch (RuntimeException e) {
        SQLException sql = sqlCause(e);
        if (sql != null && isDataError(sql)) {
          split(instance, part, sql);
        } else {
          writeTenant(instance.tenant(), part);
        }
      }
    }
  }

  private void store(DeviceIngest instance, List<IngestItem> items) {
    List<DecodedMessage> decoded = new ArrayList<>(items.size());
    List<RefusedMessage> refusals = new ArrayList<>();
    for (IngestItem i : items) {
      if (i.accepted() != null) {
        decoded.add(i.accepted());
      } else {
        refusals.add(i.refused());
      }
    }
    StoredBatch result = instance.store(decoded, refusals);
    // committed: now the broker may forget them
    for (IngestItem i : items) {
      i.ack().send();
    }
    stats.stored.addAndGet(result.stored().size());
    stats.storedPerMinute.add(result.stored().size());
    stats.duplicates.addAndGet(result.duplicates());
    stats.refused.addAndGet(refusals.size());
    listeners.stored(instance.tenant(), result.stored());
  }

  static SQLException sqlCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException s) {
        return s;
      }
    }
    return null;
  }

  /**
   * Whether PostgreSQL refused the data itself (class 22 data exception, such as a NUL in jsonb or
   * a number out of range; 23 integrity; 54 program limit), which no retry can fix. Anything else,
   * a lost connection, a pool timeout, a shutdown, is worth waiting for.
   */
  static boolean isDataError(SQLException e) {
    for (SQLException s = e; s != null; s = s.getNextException()) {
      String state = s.getSQLState();
      if (state != null
          && (state.startsWith("22") || state.startsWith("23") || state.startsWith("54"))) {
        return true;
      }
    }
    return false;
  }
}
