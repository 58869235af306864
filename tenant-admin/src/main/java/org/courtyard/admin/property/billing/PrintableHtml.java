package org.courtyard.admin.property.billing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/**
 * A printable page the API renders (a receipt, a statement), shown in a frame of its own so its
 * print styles apply, with a button printing just that page. The console fetches the HTML with the
 * staff member's token: a browser could not open the API's address without it.
 */
final class PrintableHtml extends VerticalLayout {

  private final IFrame frame = new IFrame();
  private final Button print = new Button();

  PrintableHtml(String id) {
    setId(id);
    setPadding(false);
    print.setId(id + "-print");
    print.setText(getTranslation("billing.print"));
    print.setIcon(VaadinIcon.PRINT.create());
    print.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    print.addClickListener(e -> frame.getElement().executeJs("this.contentWindow.print()"));
    print.setEnabled(false);
    frame.setId(id + "-frame");
    frame.setWidthFull();
    frame.setHeight("70vh");
    frame
        .getStyle()
        .set("border", "1px solid var(--lumo-contrast-10pct)")
        .set("background", "white");
    frame.getElement().setAttribute("title", getTranslation("billing.print.frame"));
    frame.setVisible(false);
    add(print, frame);
  }

  void show(String html) {
    frame.setSrcdoc(html);
    frame.setVisible(true);
    print.setEnabled(true);
  }

  void clear() {
    frame.setSrcdoc("");
    frame.setVisible(false);
    print.setEnabled(false);
  }

  /** The HTML shown, "" for none. */
  String html() {
    return frame.getSrcdoc().orElse("");
  }

  Button printButton() {
    return print;
  }
}
