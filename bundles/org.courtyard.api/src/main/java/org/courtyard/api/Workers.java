package org.courtyard.api;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's one shared, bounded pool of worker threads (PID {@code org.courtyard.workers}),
 * for work that is not a request: background jobs, periodic checks, hand-offs from hot paths.
 * Bundles do not start threads or pools of their own; they take a {@link #lane} or a {@link #every
 * schedule} from here, so the node's concurrency is set in one place.
 */
@ProviderType
public interface Workers {

  /**
   * The pool's threads. Work that waits for other work on the pool (a billing run waits for its
   * batches) must leave threads for that work: such a lane runs at most half of these at once.
   */
  int threads();

  /**
   * A lane of work on the shared pool: at most {@code maxConcurrent} of its tasks run at once, in
   * the order they were handed in, and at most {@code capacity} wait. {@link Lane#execute} waits
   * while the lane is full, which passes backpressure to the caller (the device gateway waits, and
   * the broker holds the devices' messages); {@link Lane#offer} refuses instead.
   *
   * @param name what the lane is for, in thread names and logs
   */
  Lane lane(String name, int maxConcurrent, int capacity);

  /**
   * Runs {@code task} on the pool every {@code period} after {@code initialDelay}, never twice at
   * once (a run that takes longer than the period delays the next). A task that throws is logged
   * and runs again at its next time.
   *
   * @return what stops the schedule; a run already going finishes
   */
  AutoCloseable every(String name, Duration initialDelay, Duration period, Runnable task);

  /** An ordered, bounded queue of work in front of the shared pool. */
  @ProviderType
  interface Lane extends Executor {

    /**
     * Queues {@code task}, waiting while the lane holds {@code capacity} tasks.
     *
     * @throws RejectedExecutionException when the lane is closed or the waiting thread is
     *     interrupted (its interrupt flag is set again)
     */
    @Override
    void execute(Runnable task);

    /** Queues {@code task} if there is room; false when the lane is full or closed. */
    boolean offer(Runnable task);

    /**
     * Queues {@code task} after {@code delay} (a retry's backoff, for example) without holding a
     * thread meanwhile. It was accepted now, so it enters even if the lane is full by then; it does
     * not run if the lane is closed by then.
     */
    void executeLater(Duration delay, Runnable task);

    /** Tasks waiting or running. */
    int size();

    /** Takes no more tasks; waits up to {@code timeout} for queued and running ones to finish. */
    boolean close(Duration timeout) throws InterruptedException;
  }
}
