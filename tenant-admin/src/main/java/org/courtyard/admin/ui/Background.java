package org.courtyard.admin.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs a slow API call off the request thread so the page can show progress, then hands the result
 * back to the UI. Without server push the browser polls while a call is running.
 */
public final class Background {

  static final int POLL_MS = 300;

  private static final AtomicInteger THREADS = new AtomicInteger();

  private static final ExecutorService EXECUTOR =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "console-api-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  private static final String RUNNING = Background.class.getName() + ".running";
  private static final String BASE_POLL = Background.class.getName() + ".basePoll";

  private Background() {}

  /**
   * @param done runs in the UI with the result
   * @param always runs in the UI after {@code done} or after a failure was shown
   */
  public static <T> void run(Supplier<T> work, Consumer<T> done, Runnable always) {
    run(work, done, message -> {}, always);
  }

  /**
   * @param failed runs in the UI with the message shown for a failure
   */
  public static <T> void run(
      Supplier<T> work, Consumer<T> done, Consumer<String> failed, Runnable always) {
    UI ui = UI.getCurrent();
    running(ui, +1);
    EXECUTOR.execute(
        () -> {
          T result = null;
          RuntimeException failure = null;
          try {
            result = work.get();
          } catch (RuntimeException e) {
            failure = e;
          }
          T r = result;
          RuntimeException f = failure;
          ui.access(
              () -> {
                running(ui, -1);
                try {
                  if (f != null) {
                    failed.accept(Errors.show(f));
                  } else {
                    done.accept(r);
                  }
                } finally {
                  always.run();
                }
              });
        });
  }

  /** The poll interval a view wants when no call is running (-1: none). */
  public static void setBasePollInterval(UI ui, int millis) {
    ComponentUtil.setData(ui, BASE_POLL, millis);
    if (count(ui) == 0) {
      ui.setPollInterval(millis);
    } else {
      ui.setPollInterval(Math.min(POLL_MS, millis < 0 ? POLL_MS : millis));
    }
  }

  private static void running(UI ui, int delta) {
    int now = Math.max(0, count(ui) + delta);
    ComponentUtil.setData(ui, RUNNING, now);
    Object base = ComponentUtil.getData(ui, BASE_POLL);
    int basePoll = base instanceof Integer b ? b : -1;
    ui.setPollInterval(now > 0 ? (basePoll < 0 ? POLL_MS : Math.min(POLL_MS, basePoll)) : basePoll);
  }

  private static int count(UI ui) {
    Object v = ComponentUtil.getData(ui, RUNNING);
    return v instanceof Integer i ? i : 0;
  }
}
