package org.courtyard.admin.property.parking;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Map;
import org.courtyard.admin.property.When;
import org.courtyard.admin.ui.Errors;
import org.courtyard.admin.ui.Texts;

/**
 * A lot as a picture: its spaces level by level, coloured by what holds them now, with the sensors'
 * dots, a legend that counts each colour, the instant it was read, and a button to read it again.
 * Shown in place of the spaces' list on the parking screen.
 */
final class LotMapPanel extends VerticalLayout {

  private final ParkingClient client;
  private final Span at = new Span();
  private final HorizontalLayout legend = new HorizontalLayout();
  private final Div picture = new Div();
  private final Paragraph partial = new Paragraph();
  private Lot lot;

  LotMapPanel(ParkingClient client) {
    this.client = client;
    setId("parking-map");
    setPadding(false);
    Button refresh = new Button(getTranslation("parking.map.refresh"), e -> show(lot));
    refresh.setId("parking-map-refresh");
    refresh.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    at.setId("parking-map-at");
    HorizontalLayout top = new HorizontalLayout(at, refresh);
    top.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    legend.setId("parking-map-legend");
    legend.getStyle().set("flex-wrap", "wrap");
    picture.setId("parking-map-picture");
    picture.setWidthFull();
    picture.getStyle().set("overflow", "auto");
    partial.setId("parking-map-partial");
    partial.setVisible(false);
    add(top, legend, partial, picture);
    setFlexGrow(1, picture);
  }

  /** Reads and draws {@code lot}'s map; nothing when no lot is chosen. */
  void show(Lot lot) {
    this.lot = lot;
    legend.removeAll();
    if (lot == null) {
      picture.getElement().setProperty("innerHTML", "");
      at.setText("");
      partial.setVisible(false);
      return;
    }
    LotMap map;
    try {
      map = client.map(lot.id());
    } catch (RuntimeException e) {
      // never the previous lot's picture under this lot's name
      picture.getElement().setProperty("innerHTML", "");
      at.setText("");
      partial.setVisible(false);
      Errors.show(e);
      return;
    }
    at.setText(getTranslation("parking.map.at", When.format(map.at(), getLocale())));
    partial.setText(getTranslation("parking.map.partial", map.spaces().size()));
    partial.setVisible(!map.complete());
    for (Map.Entry<SpaceMap.Status, Integer> e : SpaceMap.counts(map.spaces()).entrySet()) {
      legend.add(
          chip(
              "parking-map-" + e.getKey().key(),
              e.getKey().fill,
              getTranslation("parking.map.status." + e.getKey().key(), e.getValue()),
              false));
    }
    Map<SpaceMap.Sensed, Integer> sensed = SpaceMap.sensedCounts(map.spaces());
    if (sensed.values().stream().mapToInt(Integer::intValue).sum() > 0) {
      for (Map.Entry<SpaceMap.Sensed, Integer> e : sensed.entrySet()) {
        legend.add(
            chip(
                "parking-map-sensed-" + e.getKey().key(),
                e.getKey().fill,
                getTranslation("parking.map.sensed." + e.getKey().key(), e.getValue()),
                true));
      }
    }
    picture
        .getElement()
        .setProperty(
            "innerHTML",
            map.spaces().isEmpty()
                ? ""
                : SpaceMap.svg(
                    map.spaces(),
                    this::title,
                    this::level,
                    getTranslation("parking.map.label", lot.code(), map.spaces().size())));
  }

  private Span chip(String id, String colour, String text, boolean dot) {
    Span swatch = new Span();
    swatch
        .getStyle()
        .set("display", "inline-block")
        .set("width", dot ? "0.6em" : "1.1em")
        .set("height", dot ? "0.6em" : "0.8em")
        .set("margin-inline-end", "0.35em")
        .set("background", colour)
        .set("border", "1px solid #868e96")
        .set("border-radius", dot ? "50%" : "3px");
    Span chip = new Span(swatch, new Span(text));
    chip.setId(id);
    chip.getStyle().set("white-space", "nowrap").set("font-size", "var(--lumo-font-size-s)");
    return chip;
  }

  /** A tile's words: number, kind, what holds it and until when, its owner, its sensor. */
  private String title(LotMap.Tile t) {
    LotMap.MapSpace s = t.space();
    StringBuilder b =
        new StringBuilder(s.number())
            .append(" · ")
            .append(Texts.state("parking.kind.", s.kind()))
            .append(" · ");
    SpaceMap.Status status = SpaceMap.status(t);
    b.append(getTranslation("parking.map.is." + status.key()));
    if (t.heldUntil() != null
        && (status == SpaceMap.Status.LEASED || status == SpaceMap.Status.RESERVED)) {
      b.append(' ')
          .append(getTranslation("parking.map.until", When.format(t.heldUntil(), getLocale())));
    }
    if (s.ownerName() != null) {
      b.append(" · ").append(getTranslation("parking.map.owner", s.ownerName()));
    }
    SpaceMap.Sensed sensed = SpaceMap.sensed(t);
    if (sensed != null) {
      b.append(" · ")
          .append(
              getTranslation(
                  "parking.map.sensor." + sensed.key(),
                  s.occupiedAt() == null ? "" : When.format(s.occupiedAt(), getLocale())));
    }
    return b.toString();
  }

  private String level(int level) {
    return level < 0
        ? getTranslation("parking.level.below", -level)
        : getTranslation("parking.level.above", level);
  }
}
