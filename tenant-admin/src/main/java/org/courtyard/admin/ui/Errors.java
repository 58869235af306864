package org.courtyard.admin.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every failure the operator sees, as words: the API's problem, or that it is not reachable. */
public final class Errors {

  private static final Logger LOG = LoggerFactory.getLogger(Errors.class);

  static final int DURATION_MS = 8000;

  private Errors() {}

  /** One line for the failure, in the UI's language where the console words it itself. */
  public static String message(Throwable failure) {
    UI ui = UI.getCurrent();
    if (failure instanceof ApiProblem p) {
      if (p.status() == 401) {
        return tr(ui, "error.unauthorized");
      }
      return p.detail() == null || p.detail().isBlank() ? p.title() : p.title() + ": " + p.detail();
    }
    if (failure instanceof ApiUnreachable u) {
      return tr(ui, "error.unreachable", u.baseUrl());
    }
    LOG.error("Unexpected failure in the console", failure);
    return tr(ui, "error.unexpected");
  }

  /** Shows the failure in an error notification and returns the text shown. */
  public static String show(Throwable failure) {
    String text = message(failure);
    Notification n = new Notification();
    n.addThemeVariants(NotificationVariant.LUMO_ERROR);
    n.setDuration(DURATION_MS);
    n.setPosition(Notification.Position.TOP_CENTER);
    Div body = new Div(new Span(text));
    body.addClassName("problem");
    n.add(body);
    n.open();
    return text;
  }

  /** A neutral note, e.g. that a slow operation has started. */
  public static void info(String text) {
    Notification.show(text, 3000, Notification.Position.BOTTOM_START);
  }

  public static void success(String text) {
    Notification n = Notification.show(text, 4000, Notification.Position.BOTTOM_START);
    n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
  }

  private static String tr(UI ui, String key, Object... params) {
    return ui == null ? key : ui.getTranslation(key, params);
  }
}
