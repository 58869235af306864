package org.courtyard.admin.ui;

import com.vaadin.flow.component.UI;

/** Words for values the API sends (statuses, states): translated where known, else as sent. */
public final class Texts {

  private Texts() {}

  public static String state(String prefix, String value) {
    if (value == null) {
      return "—";
    }
    UI ui = UI.getCurrent();
    if (ui == null) {
      return value;
    }
    String key = prefix + value;
    String text = ui.getTranslation(key);
    return text == null || text.isBlank() || text.contains(key) ? value : text;
  }
}
