package org.courtyard.admin.property.today;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.ui.Errors;

/**
 * Today (首页), where a staff member lands after signing in: a whiteboard of the tiles the modules
 * contribute ({@code GET /today}), each a card with its number in the user's language, its tone as
 * a colour and, for tiles with series, a bar chart drawn on the server. A module that could not
 * answer is named in a quiet note; the rest of the page still shows.
 */
@Route(value = "today", layout = PropertyLayout.class)
@PropertyScreen(order = 0, titleKey = "today.title", icon = "HOME", permission = "")
public final class TodayView extends VerticalLayout implements HasDynamicTitle {

  static final String API_PREFIX = "/api/v1/";
  static final String TONE_NORMAL = "var(--lumo-contrast-30pct)";
  static final String TONE_GOOD = "var(--lumo-success-color)";
  static final String TONE_WARNING = "var(--lumo-warning-color, #e8a100)";
  static final String TONE_ALERT = "var(--lumo-error-color)";

  private final Div board = new Div();
  private final Paragraph missing = new Paragraph();
  private final List<Div> tiles = new ArrayList<>();

  public TodayView() {
    setId("today");
    add(new H2(getTranslation("today.title")));
    board.setId("today-tiles");
    board
        .getStyle()
        .set("display", "grid")
        .set("grid-template-columns", "repeat(auto-fill, minmax(20em, 1fr))")
        .set("gap", "var(--lumo-space-m)")
        .set("width", "100%");
    missing.setId("today-missing");
    missing.setVisible(false);
    missing
        .getStyle()
        .set("color", "var(--lumo-secondary-text-color)")
        .set("font-size", "var(--lumo-font-size-s)");
    add(board, missing);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn()) {
      load();
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("today.title");
  }

  void load() {
    board.removeAll();
    tiles.clear();
    TodayTiles today;
    try {
      today = new TodayClient(PropertySession.api()).tiles();
    } catch (ApiProblem | ApiUnreachable e) {
      Errors.show(e);
      return;
    }
    Locale locale = getLocale();
    for (TodayTiles.Tile t : today.tiles()) {
      Div card = card(t, locale);
      tiles.add(card);
      board.add(wrap(t, card));
    }
    if (today.tiles().isEmpty()) {
      board.add(new Paragraph(getTranslation("today.empty")));
    }
    if (!today.missing().isEmpty()) {
      List<String> names =
          today.missing().stream()
              .map(m -> org.courtyard.admin.ui.Texts.state("today.module.", m))
              .toList();
      missing.setText(getTranslation("today.missing", String.join(", ", names)));
      missing.setVisible(true);
    } else {
      missing.setVisible(false);
    }
  }

  private Div card(TodayTiles.Tile t, Locale locale) {
    Div card = new Div();
    card.addClassName("today-tile");
    card.setId("tile-" + t.id());
    String tone = tone(t.tone());
    card.getStyle()
        .set("border", "1px solid var(--lumo-contrast-10pct)")
        .set("border-left", "6px solid " + tone)
        .set("border-radius", "var(--lumo-border-radius-l)")
        .set("padding", "var(--lumo-space-m)")
        .set("background", "var(--lumo-base-color)");
    card.getElement().setAttribute("data-tone", t.tone() == null ? "normal" : t.tone());
    Span title = new Span(t.title(locale));
    title.addClassName("tile-title");
    title.getStyle().set("display", "block").set("color", "var(--lumo-secondary-text-color)");
    Span value = new Span(format(t, locale));
    value.addClassName("tile-value");
    value
        .getStyle()
        .set("display", "block")
        .set("font-size", "var(--lumo-font-size-xxl)")
        .set("font-weight", "600");
    if (!"normal".equals(t.tone()) && t.tone() != null) {
      value.getStyle().set("color", tone);
    }
    card.add(title, value);
    if (!t.series().isEmpty()) {
      Div chart = new Div();
      chart.addClassName("tile-chart");
      chart
          .getElement()
          .setProperty("innerHTML", TodayChart.svg(t.series(), locale, t.title(locale)));
      card.add(chart);
    }
    return card;
  }

  /**
   * A tile whose link leads to a screen that exists is a link (Tab, Enter); else focusable text.
   * The API names the list the number drills into ({@code /api/v1/security/alarms?status=raised});
   * the console's screens sit at the same path ({@code security/alarms}), with the same query.
   */
  private Component wrap(TodayTiles.Tile t, Div card) {
    String label = t.title(getLocale()) + ": " + format(t, getLocale());
    String target = screenOf(t.link());
    if (target != null) {
      Anchor a = new Anchor(target, "");
      a.add(card);
      a.getElement().setAttribute("aria-label", label);
      a.getStyle().set("text-decoration", "none").set("color", "inherit");
      return a;
    }
    card.getElement().setAttribute("tabindex", "0");
    card.getElement().setAttribute("role", "group");
    card.getElement().setAttribute("aria-label", label);
    return card;
  }

  /** The console address of an API link when a screen is registered there, else null. */
  static String screenOf(String link) {
    if (link == null || link.isBlank()) {
      return null;
    }
    String address = link.startsWith(API_PREFIX) ? link.substring(API_PREFIX.length()) : link;
    address = address.startsWith("/") ? address.substring(1) : address;
    int q = address.indexOf('?');
    String path = q < 0 ? address : address.substring(0, q);
    return RouteConfiguration.forApplicationScope().getRoute(path).isPresent() ? address : null;
  }

  /** The tile's number for the locale: grouped count, money with its currency, percent. */
  static String format(TodayTiles.Tile t, Locale locale) {
    BigDecimal v = t.value();
    if (v == null) {
      return "—";
    }
    boolean zh = TodayTiles.zh(locale);
    Locale l = zh ? Locale.CHINA : Locale.US;
    switch (t.unit() == null ? "count" : t.unit()) {
      case "money" -> {
        NumberFormat f = NumberFormat.getCurrencyInstance(l);
        try {
          f.setCurrency(Currency.getInstance(t.currency() == null ? "CNY" : t.currency()));
        } catch (IllegalArgumentException e) {
          // an unknown code: the locale's own currency sign stays
        }
        return f.format(v);
      }
      case "percent" -> {
        NumberFormat f = NumberFormat.getNumberInstance(l);
        f.setMaximumFractionDigits(1);
        return f.format(v) + "%";
      }
      default -> {
        NumberFormat f = NumberFormat.getNumberInstance(l);
        f.setMaximumFractionDigits(2);
        return f.format(v);
      }
    }
  }

  static String tone(String tone) {
    return switch (tone == null ? "normal" : tone) {
      case "good" -> TONE_GOOD;
      case "warning" -> TONE_WARNING;
      case "alert" -> TONE_ALERT;
      default -> TONE_NORMAL;
    };
  }

  /** The cards shown (for tests). */
  List<Div> tiles() {
    return List.copyOf(tiles);
  }

  /** The quiet note about modules that did not answer, empty when all did. */
  String missingNote() {
    return missing.isVisible() ? missing.getText() : "";
  }
}
