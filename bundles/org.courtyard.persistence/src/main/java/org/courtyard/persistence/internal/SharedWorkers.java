package org.courtyard.persistence.internal;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.courtyard.api.Workers;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's shared worker pool: a fixed number of threads ({@code threads}) behind lanes that
 * bound and order each user's work, and one timer thread that only hands scheduled runs to the
 * pool. Beside the database pool, the other shared, bounded resource of a node.
 */
@Component(service = Workers.class, configurationPid = "org.courtyard.workers")
@Designate(ocd = SharedWorkers.Config.class)
public final class SharedWorkers implements Workers {

  @ObjectClassDefinition(name = "Courtyard shared workers")
  @interface Config {
    @AttributeDefinition(
        name = "Threads",
        description = "Worker threads shared by every bundle's background work")
    int threads() default 8;
  }

  private static final Logger LOG = LoggerFactory.getLogger(SharedWorkers.class);

  private final ThreadPoolExecutor pool;
  private final ScheduledExecutorService timer;

  @Activate
  public SharedWorkers(Config config) {
    this(config.threads());
  }

  /** A pool of {@code threads} threads (at least 2); for the unit tests of the bundles using it. */
  public SharedWorkers(int threads) {
    threads = Math.max(2, threads);
    AtomicInteger count = new AtomicInteger();
    // lanes bound what waits, so the pool's own queue only ever holds the lanes' next tasks
    this.pool =
        new ThreadPoolExecutor(
            threads,
            threads,
            60,
            TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(),
            r -> {
              Thread t = new Thread(r, "courtyard-worker-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.pool.allowCoreThreadTimeOut(true);
    ScheduledThreadPoolExecutor t =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread thread = new Thread(r, "courtyard-timer");
              thread.setDaemon(true);
              return thread;
            });
    t.setRemoveOnCancelPolicy(true);
    this.timer = t;
    LOG.info("Shared workers: {} thread(s)", threads);
  }

  /** Stops the pool: what runs gets 10 s to finish, then is interrupted. */
  @Deactivate
  public void deactivate() throws InterruptedException {
    timer.shutdownNow();
    pool.shutdown();
    if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
      LOG.warn("Shared workers: tasks still running after 10 s; interrupting them");
      pool.shutdownNow();
    }
  }

  @Override
  public int threads() {
    return pool.getMaximumPoolSize();
  }

  @Override
  public Lane lane(String name, int maxConcurrent, int capacity) {
    if (maxConcurrent < 1 || capacity < 1) {
      throw new IllegalArgumentException("a lane runs and holds at least one task: " + name);
    }
    return new PoolLane(name, maxConcurrent, capacity);
  }

  @Override
  public AutoCloseable every(String name, Duration initialDelay, Duration period, Runnable task) {
    Lane lane = lane(name, 1, 1);
    ScheduledFuture<?> tick =
        timer.scheduleWithFixedDelay(
            // a run still going (or waiting) makes this tick a no-op: never twice at once
            () -> lane.offer(task),
            initialDelay.toMillis(),
            period.toMillis(),
            TimeUnit.MILLISECONDS);
    return () -> {
      tick.cancel(false);
      lane.close(Duration.ZERO);
    };
  }

  /** At most {@code maxConcurrent} running, at most {@code capacity} waiting or running. */
  private final class PoolLane implements Lane {
    private final String name;
    private final int maxConcurrent;
    private final int capacity;
    private final Deque<Runnable> waiting = new ArrayDeque<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private int running;

    PoolLane(String name, int maxConcurrent, int capacity) {
      this.name = name;
      this.maxConcurrent = maxConcurrent;
      this.capacity = capacity;
    }

    @Override
    public void execute(Runnable task) {
      synchronized (this) {
        try {
          while (!closed.get() && waiting.size() + running >= capacity) {
            wait(1_000);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new RejectedExecutionException(name + ": interrupted while the lane was full", e);
        }
        if (closed.get()) {
          throw new RejectedExecutionException(name + " is closed");
        }
        waiting.add(task);
      }
      drain();
    }

    @Override
    public boolean offer(Runnable task) {
      synchronized (this) {
        if (closed.get() || waiting.size() + running >= capacity) {
          return false;
        }
        waiting.add(task);
      }
      drain();
      return true;
    }

    @Override
    public void executeLater(Duration delay, Runnable task) {
      if (closed.get()) {
        return;
      }
      try {
        timer.schedule(
            () -> {
              synchronized (this) {
                if (closed.get()) {
                  return;
                }
                waiting.add(task);
              }
              drain();
            },
            delay.toMillis(),
            TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        LOG.debug("{}: the shared pool is stopping; a delayed task is not run", name);
      }
    }

    @Override
    public synchronized int size() {
      return waiting.size() + running;
    }

    @Override
    public boolean close(Duration timeout) throws InterruptedException {
      closed.set(true);
      long deadline = System.nanoTime() + timeout.toNanos();
      synchronized (this) {
        notifyAll();
        while (waiting.size() + running > 0) {
          long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
          if (left <= 0) {
            return false;
          }
          wait(left);
        }
      }
      return true;
    }

    /** Starts waiting tasks while fewer than {@code maxConcurrent} run. */
    private void drain() {
      while (true) {
        Runnable next;
        synchronized (this) {
          if (running >= maxConcurrent || waiting.isEmpty()) {
            return;
          }
          next = waiting.poll();
          running++;
        }
        try {
          pool.execute(() -> run(next));
        } catch (RejectedExecutionException e) {
          // the pool is shutting down with the platform: the task is not run
          synchronized (this) {
            running--;
            notifyAll();
          }
          LOG.debug("{}: the shared pool is stopping; a task is not run", name);
          return;
        }
      }
    }

    private void run(Runnable task) {
      try {
        task.run();
      } catch (RuntimeException | Error e) {
        LOG.error("{}: a task failed", name, e);
      } finally {
        // an interrupt meant for this task must not reach the next one on this thread
        Thread.interrupted();
        synchronized (this) {
          running--;
          notifyAll();
        }
        drain();
      }
    }
  }
}
