package org.courtyard.admin.property;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.courtyard.admin.api.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a screen current while it is open: every period it asks the API off the UI thread and, when
 * the answer differs from the last one shown, hands it to the screen, which server push delivers to
 * the browser at once (a new alarm appears without a reload). The console is a client of the REST
 * API only, so this is how platform changes reach it. A failed call is retried on the next tick; a
 * refused sign-in (401) stops the feed.
 */
public final class LiveFeed {

  private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ScheduledExecutorService TIMER =
      Executors.newScheduledThreadPool(
          2,
          r -> {
            Thread t = new Thread(r, "console-live-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  private LiveFeed() {}

  /**
   * Starts feeding {@code show} with {@code fetch}'s answers while {@code screen} is attached; the
   * first answer is whatever the screen shows already (pass it as {@code shown}). Returns a
   * registration that stops the feed.
   */
  public static <T> Registration follow(
      Component screen, Duration period, T shown, Supplier<T> fetch, Consumer<T> show) {
    AtomicReference<T> last = new AtomicReference<>(shown);
    AtomicReference<ScheduledFuture<?>> task = new AtomicReference<>();
    Runnable start =
        () ->
            screen.getUI().ifPresent(ui -> task.set(schedule(ui, period, last, fetch, show, task)));
    Registration attach = screen.addAttachListener(e -> start.run());
    Registration detach = screen.addDetachListener(e -> cancel(task));
    if (screen.isAttached()) {
      start.run();
    }
    return () -> {
      attach.remove();
      detach.remove();
      cancel(task);
    };
  }

  private static <T> ScheduledFuture<?> schedule(
      UI ui,
      Duration period,
      AtomicReference<T> last,
      Supplier<T> fetch,
      Consumer<T> show,
      AtomicReference<ScheduledFuture<?>> task) {
    cancel(task);
    long ms = Math.max(200, period.toMillis());
    return TIMER.scheduleWithFixedDelay(
        () -> {
          T now;
          try {
            now = fetch.get();
          } catch (ApiProblem p) {
            if (p.status() == 401) {
              cancel(task);
            }
            LOG.debug("Live feed refused: {}", p.toString());
            return;
          } catch (RuntimeException e) {
            LOG.debug("Live feed failed, retrying: {}", e.toString());
            return;
          }
          if (!Objects.equals(now, last.get())) {
            last.set(now);
            try {
              ui.access(() -> show.accept(now));
            } catch (com.vaadin.flow.component.UIDetachedException e) {
              cancel(task);
            }
          }
        },
        ms,
        ms,
        TimeUnit.MILLISECONDS);
  }

  private static void cancel(AtomicReference<ScheduledFuture<?>> task) {
    ScheduledFuture<?> f = task.getAndSet(null);
    if (f != null) {
      f.cancel(false);
    }
  }
}
