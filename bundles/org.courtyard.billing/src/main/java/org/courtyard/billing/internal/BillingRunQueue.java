package org.courtyard.billing.internal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.courtyard.api.InteractiveLoad;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Texts;
import org.courtyard.api.Workers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one queue every tenant's billing runs wait in, so that no tenant can starve the others: at
 * most {@code maxConcurrentRuns} runs execute at once across all tenants, at most one per tenant (a
 * tenant's runs would only compete for its own room_account locks), and the rest wait in the order
 * they were posted, shown as {@code queued}. A tenant whose earlier run is still executing does not
 * hold up the next tenant's run behind it.
 *
 * <p>Runs and their batches execute on the node's shared {@link Workers}: runs take at most half
 * its threads (a run waits for its batches, which need the others).
 *
 * <p>Configured through PID {@value #PID}; a change applies to the next run started, without
 * restarting any tenant's instance.
 */
@Component(
    service = BillingRunQueue.class,
    configurationPid = BillingRunQueue.PID,
    configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = BillingRunQueue.Config.class)
public final class BillingRunQueue {

  private static final Texts TEXTS = Texts.of(BillingRunQueue.class);

  static final String PID = "org.courtyard.billing";

  private static final Logger LOG = LoggerFactory.getLogger(BillingRunQueue.class);

  @ObjectClassDefinition(
      id = PID,
      name = "Courtyard billing runs",
      description = "How many billing runs execute at once, for all tenants together.")
  @interface Config {

    @AttributeDefinition(
        description =
            "Billing runs executing at once across all tenants (each writes with two more"
                + " connections); the others wait, status queued")
    int maxConcurrentRuns() default 2;

    @AttributeDefinition(
        description = "Runs one tenant may have waiting; more are refused with 503 runs-busy")
    int maxQueuedRunsPerTenant() default 16;

    @AttributeDefinition(
        description =
            "Statement timeout in seconds for the bulk writes of a billing run (SET LOCAL), in place"
                + " of the shorter one every tenant connection has")
    int runStatementTimeoutSeconds() default 600;

    @AttributeDefinition(
        description =
            "Batches priced and written at once across all tenants' runs while other tenants'"
                + " or operators' API requests are being served (one started or answered in the"
                + " last "
                + SERVING_WINDOW_MS
                + " ms), each followed by a pause as long as itself, so that runs give way to"
                + " people waiting for answers; 0 lets runs work at full speed regardless")
    int batchesWhileServing() default 1;
  }

  /** A request this recent makes the node count as serving (see {@link WritePace}). */
  static final long SERVING_WINDOW_MS = 300;

  /** A run waiting for its turn. */
  private record Job(TenantSlug tenant, long runId, Runnable work) {}

  /** A tenant's executing run: its thread once started, and whether it was asked to stop. */
  private static final class Slot {
    Thread thread;
    boolean cancelled;
  }

  private final Object lock = new Object();
  private final ArrayDeque<Job> waiting = new ArrayDeque<>();
  private final Map<TenantSlug, Slot> running = new HashMap<>();
  private final Workers workers;

  /** The runs executing, on the node's shared workers; {@link #dispatch} keeps within its bound. */
  private final Workers.Lane runLane;

  private volatile Config config;
  private boolean stopped;

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile InteractiveLoad load;

  private final WritePace pace =
      new WritePace(
          tenant -> {
            InteractiveLoad l = load;
            return l != null && l.othersServedWithin(tenant, SERVING_WINDOW_MS);
          },
          () -> config.batchesWhileServing());

  @Activate
  public BillingRunQueue(Config config, @Reference(name = "workers") Workers workers) {
    this.config = config;
    this.workers = workers;
    // A run waits for its batches, which run on the same pool: runs take at most half of it, so
    // their batches (and everyone else's work) always find a thread.
    // Room for twice as many as run: a run that has just left the map below still holds its place
    // in the lane until its thread returns, so dispatch() (under the lock) never waits here.
    int bound = runBound(workers);
    this.runLane = workers.lane("billing-runs", bound, 2 * bound);
    LOG.info(
        "Billing runs: {} at once across tenants, {} queued per tenant at most",
        max(),
        config.maxQueuedRunsPerTenant());
  }

  @Modified
  void modified(Config config) {
    this.config = config;
    if (config.maxConcurrentRuns() > max()) {
      LOG.warn(
          "Billing runs: {} at once asked for, {} allowed (half the shared workers' {} threads;"
              + " raise org.courtyard.workers threads for more)",
          config.maxConcurrentRuns(),
          max(),
          workers.threads());
    }
    LOG.info("Billing runs: now {} at once across tenants", max());
    synchronized (lock) {
      dispatch();
    }
  }

  @Deactivate
  void deactivate() {
    synchronized (lock) {
      stopped = true;
      waiting.clear();
    }
    synchronized (lock) {
      for (Slot slot : running.values()) {
        slot.cancelled = true;
        if (slot.thread != null) {
          slot.thread.interrupt();
        }
      }
    }
    try {
      if (!runLane.close(java.time.Duration.ofSeconds(30))) {
        LOG.warn("Billing runs still executing 30 s after the stop; their batches finish alone");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The node's shared workers, which also write the runs' batches. */
  Workers workers() {
    return workers;
  }

  /** Whose turn it is to write a batch, across all tenants' runs. */
  WritePace pace() {
    return pace;
  }

  /** Statement timeout for a run's bulk writes, in milliseconds. */
  long runStatementTimeoutMs() {
    return Math.max(1, config.runStatementTimeoutSeconds()) * 1000L;
  }

  /**
   * Queues a run; it starts when fewer than {@code maxConcurrentRuns} runs execute and none of the
   * same tenant does.
   *
   * @throws ProblemException 503 {@code runs-busy} when the tenant already has {@code
   *     maxQueuedRunsPerTenant} runs waiting
   */
  void submit(TenantSlug tenant, long runId, Runnable work) {
    synchronized (lock) {
      long queued = waiting.stream().filter(j -> j.tenant().equals(tenant)).count();
      if (stopped || queued >= config.maxQueuedRunsPerTenant()) {
        throw TEXTS.problem(503, "runs-busy", "run.busy");
      }
      waiting.add(new Job(tenant, runId, work));
      dispatch();
    }
  }

  /** Whether the tenant's run is waiting, not yet started. */
  boolean isWaiting(TenantSlug tenant, long runId) {
    synchronized (lock) {
      return waiting.stream().anyMatch(j -> j.tenant().equals(tenant) && j.runId() == runId);
    }
  }

  /**
   * Forgets the tenant's waiting runs and interrupts its executing one, then waits for that one to
   * stop (it lets the batches in flight commit). What stays {@code queued} or {@code running} in
   * the table is marked failed when the tenant's instance starts again.
   */
  void cancel(TenantSlug tenant, long waitMillis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMillis);
    synchronized (lock) {
      waiting.removeIf(j -> j.tenant().equals(tenant));
      Slot slot = running.get(tenant);
      if (slot == null) {
        return;
      }
      slot.cancelled = true;
      if (slot.thread != null) {
        slot.thread.interrupt();
      }
      while (running.get(tenant) == slot) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          LOG.warn("Tenant {}: a billing run did not stop within {} ms", tenant, waitMillis);
          return;
        }
        try {
          lock.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private int max() {
    int wanted = Math.max(1, config.maxConcurrentRuns());
    return Math.min(wanted, runBound(workers));
  }

  /** At most half the shared pool runs billing runs, whatever the configuration says. */
  private static int runBound(Workers workers) {
    return Math.max(1, workers.threads() / 2);
  }

  /** Starts waiting jobs while there is room; holds {@link #lock}. */
  private void dispatch() {
    if (stopped) {
      return;
    }
    Iterator<Job> it = waiting.iterator();
    while (running.size() < max() && it.hasNext()) {
      Job job = it.next();
      if (running.containsKey(job.tenant())) {
        continue;
      }
      it.remove();
      Slot slot = new Slot();
      running.put(job.tenant(), slot);
      runLane.execute(() -> execute(job, slot));
    }
  }

  private void execute(Job job, Slot slot) {
    synchronized (lock) {
      slot.thread = Thread.currentThread();
      if (slot.cancelled) {
        slot.thread.interrupt();
      }
    }
    try {
      job.work().run();
    } catch (RuntimeException e) {
      LOG.error("Billing run {} of tenant {} failed", job.runId(), job.tenant(), e);
    } finally {
      synchronized (lock) {
        // no cancel can interrupt this shared thread once the slot has let go of it
        slot.thread = null;
        running.remove(job.tenant());
        lock.notifyAll();
        dispatch();
      }
      Thread.interrupted();
    }
  }
}
