package org.courtyard.billing.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Workers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The writing side of a run: up to {@value BillingRuns#WRITERS} batches are written at once, each
 * in its own transaction on its own connection, while the run thread reads and prices the next
 * rooms. Each batch holds a turn of the node's {@link WritePace} from its pricing to its commit
 * (the writer gives it back), so that fewer batches are priced and written at once while API
 * requests are being served. Batches hold disjoint rooms, so they never wait for each other's bills
 * or room_account rows; they only meet at the run's progress row, which each updates last, just
 * before its commit. A failed batch fails the run (batches already committed stay, a re-post
 * completes the rest).
 */
final class RunWriters {

  private static final Logger LOG = LoggerFactory.getLogger(RunWriters.class);

  private final TenantSlug tenant;
  private final BillingRunQueue queue;

  /** The run's batches on the shared workers, at most {@value BillingRuns#WRITERS} at once. */
  private final Workers.Lane lane;

  private final ArrayDeque<Future<?>> inFlight = new ArrayDeque<>();

  RunWriters(TenantSlug tenant, BillingRunQueue queue) {
    this.tenant = tenant;
    this.queue = queue;
    this.lane =
        queue
            .workers()
            .lane("billing-write-" + tenant.value(), BillingRuns.WRITERS, BillingRuns.WRITERS);
  }

  /**
   * Queues a batch, first waiting for the oldest one when {@value BillingRuns#WRITERS} are in
   * flight.
   *
   * @param turn the batch's turn, given back when it has been written
   * @return false when the run thread was interrupted while waiting
   * @throws RuntimeException what a written batch failed with
   */
  boolean submit(long turn, Runnable batch) {
    while (inFlight.size() >= BillingRuns.WRITERS) {
      if (!await(inFlight.removeFirst())) {
        return false;
      }
    }
    // never waits: at most WRITERS are in flight, and the lane holds WRITERS
    inFlight.add(
        CompletableFuture.runAsync(
            () -> {
              MDC.put("tenant", tenant.value());
              try {
                batch.run();
              } finally {
                queue.pace().release(turn);
                MDC.remove("tenant");
              }
            },
            lane));
    return true;
  }

  /** Waits for every batch in flight; false when interrupted. */
  boolean awaitAll() {
    while (!inFlight.isEmpty()) {
      if (!await(inFlight.removeFirst())) {
        return false;
      }
    }
    return true;
  }

  private boolean await(Future<?> f) {
    try {
      f.get();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * Lets the batches in flight finish (never abandons a transaction half way, even when the module
   * is stopping: its stop waits for the run thread, and so for these).
   */
  void close() {
    boolean interrupted = Thread.interrupted();
    try {
      while (true) {
        try {
          if (lane.close(Duration.ofSeconds(60))) {
            break;
          }
          LOG.warn("Billing run batches still being written after 60 s; waiting");
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
