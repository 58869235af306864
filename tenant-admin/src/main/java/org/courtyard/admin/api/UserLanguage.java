package org.courtyard.admin.api;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;
import java.util.Locale;

/**
 * The language of the signed-in user's console, which the API clients ask the platform to word its
 * problems in ({@code Accept-Language}): Chinese for a Chinese console, English otherwise.
 */
public final class UserLanguage {

  private UserLanguage() {}

  /** The UI's (else the session's) locale; English outside Vaadin (tests, background work). */
  public static Locale current() {
    UI ui = UI.getCurrent();
    VaadinSession session = VaadinSession.getCurrent();
    Locale locale =
        ui != null && ui.getLocale() != null
            ? ui.getLocale()
            : session == null ? null : session.getLocale();
    return locale != null && locale.getLanguage().equals("zh") ? Locale.CHINESE : Locale.ENGLISH;
  }

  /** The {@code Accept-Language} header for {@code locale}. */
  public static String acceptLanguage(Locale locale) {
    return locale != null && locale.getLanguage().equals("zh") ? "zh-CN, en;q=0.5" : "en";
  }
}
