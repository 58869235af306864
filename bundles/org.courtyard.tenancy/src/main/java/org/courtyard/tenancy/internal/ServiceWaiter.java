package org.courtyard.tenancy.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;

/** Waits for a service matching a filter to appear or to go away, without polling. */
final class ServiceWaiter {

  private ServiceWaiter() {}

  static boolean awaitPresent(BundleContext ctx, String filter, long timeoutMs)
      throws InterruptedException {
    return await(ctx, filter, timeoutMs, true);
  }

  static boolean awaitAbsent(BundleContext ctx, String filter, long timeoutMs)
      throws InterruptedException {
    return await(ctx, filter, timeoutMs, false);
  }

  private static boolean await(BundleContext ctx, String filter, long timeoutMs, boolean present)
      throws InterruptedException {
    CountDownLatch changed = new CountDownLatch(1);
    ServiceListener listener =
        event -> {
          boolean appeared = event.getType() == ServiceEvent.REGISTERED;
          boolean gone =
              event.getType() == ServiceEvent.UNREGISTERING
                  || event.getType() == ServiceEvent.MODIFIED_ENDMATCH;
          if ((present && appeared) || (!present && gone)) {
            changed.countDown();
          }
        };
    try {
      ctx.addServiceListener(listener, filter);
      try {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
          boolean exists = ctx.getServiceReferences((String) null, filter) != null;
          if (exists == present) {
            return true;
          }
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return false;
          }
          // Re-check after each event: several instances may come and go under one filter.
          changed.await(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
        }
      } finally {
        ctx.removeServiceListener(listener);
      }
    } catch (InvalidSyntaxException e) {
      throw new IllegalArgumentException(filter, e);
    }
  }
}
