package org.courtyard.admin.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Locale;

/** English or Chinese for the whole session; the page is rebuilt in the chosen language. */
public final class LanguageSwitch extends Select<Locale> {

  static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.CHINESE);

  public LanguageSwitch() {
    setId("language");
    setItems(LANGUAGES);
    setItemLabelGenerator(l -> l.getLanguage().equals("zh") ? "中文" : "English");
    setAriaLabel(getTranslation("language"));
    setWidth("8em");
    setValue(current());
    addValueChangeListener(
        e -> {
          if (e.isFromClient() || e.getValue() != null && !e.getValue().equals(e.getOldValue())) {
            switchTo(e.getValue());
          }
        });
  }

  public static Locale current() {
    UI ui = UI.getCurrent();
    Locale l = ui == null ? Locale.ENGLISH : ui.getLocale();
    return l != null && l.getLanguage().equals("zh") ? Locale.CHINESE : Locale.ENGLISH;
  }

  static void switchTo(Locale locale) {
    if (locale == null || locale.getLanguage().equals(current().getLanguage())) {
      return;
    }
    VaadinSession.getCurrent().setLocale(locale);
    UI ui = UI.getCurrent();
    ui.setLocale(locale);
    ui.refreshCurrentRoute(true);
  }
}
