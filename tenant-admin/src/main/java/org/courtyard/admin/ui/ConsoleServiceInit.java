package org.courtyard.admin.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Collections;
import java.util.Locale;

/**
 * Any failure that escapes a view reaches the operator as a readable notification, never as a stack
 * trace (registered in META-INF/services).
 */
public final class ConsoleServiceInit implements VaadinServiceInitListener {

  @Override
  public void serviceInit(ServiceInitEvent event) {
    event
        .getSource()
        .addSessionInitListener(
            e -> {
              e.getSession().setLocale(preferredLanguage(e.getRequest()));
              e.getSession()
                  .setErrorHandler(
                      error -> {
                        if (UI.getCurrent() != null) {
                          Errors.show(unwrap(error.getThrowable()));
                        }
                      });
            });
  }

  /**
   * English unless the browser asks for Chinese before English: Vaadin's own choice would fall back
   * to the first translation file it finds, which is not necessarily English.
   */
  static Locale preferredLanguage(VaadinRequest request) {
    if (request != null) {
      for (Locale l : Collections.list(request.getLocales())) {
        if (l.getLanguage().equals("zh")) {
          return Locale.CHINESE;
        }
        if (l.getLanguage().equals("en")) {
          return Locale.ENGLISH;
        }
      }
    }
    return Locale.ENGLISH;
  }

  private static Throwable unwrap(Throwable t) {
    Throwable cause = t;
    while (cause.getCause() != null
        && cause.getCause() != cause
        && !(cause instanceof RuntimeException
            && cause.getClass().getPackageName().startsWith("org.courtyard"))) {
      cause = cause.getCause();
    }
    return cause;
  }
}
