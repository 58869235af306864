package org.courtyard.admin.property.users;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.courtyard.admin.property.PropertySession;

/**
 * Where a grant or an API key applies: the whole company, or some estates or buildings — chosen
 * from those the signed-in user may see (the API lists only those), or typed as ids when the
 * estates cannot be read. Also words a scope for lists, with the names it knows.
 */
final class ScopePicker extends Composite<HorizontalLayout> {

  private final RadioButtonGroup<String> scope = new RadioButtonGroup<>();
  private final MultiSelectComboBox<Place> places = new MultiSelectComboBox<>();
  private final Map<String, Map<Long, Place>> known = new HashMap<>();
  private final UsersClient client;

  /**
   * @param idPrefix the fields' ids are {@code <idPrefix>-scope} and {@code <idPrefix>-places}
   */
  ScopePicker(String idPrefix, UsersClient client) {
    this.client = client;
    scope.setId(idPrefix + "-scope");
    scope.setLabel(getTranslation("users.grant.scope"));
    scope.setItems("company", "estates", "buildings");
    scope.setItemLabelGenerator(s -> getTranslation("users.scope." + s));
    scope.setValue("company");
    scope.addValueChangeListener(e -> choose(e.getValue()));
    places.setId(idPrefix + "-places");
    places.setLabel(getTranslation("users.grant.places"));
    places.setHelperText(getTranslation("users.grant.places.help"));
    places.setAllowCustomValue(true);
    places.addCustomValueSetListener(e -> typed(e.getDetail()));
    places.setVisible(false);
    getContent().add(scope, places);
    getContent().setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    getContent().setPadding(false);
  }

  /** {@code company}, {@code estates} or {@code buildings}. */
  String scope() {
    return scope.getValue();
  }

  /** The chosen estates' or buildings' ids, none for the whole company. */
  List<Long> ids() {
    return "company".equals(scope.getValue())
        ? List.of()
        : places.getValue().stream().map(Place::id).sorted().toList();
  }

  void clear() {
    places.clear();
  }

  /** "whole company", "estates: East Garden, #7". */
  String words(String kind, List<Long> ids) {
    if ("company".equals(kind)) {
      return getTranslation("users.scope.company");
    }
    Map<Long, Place> names = names(kind);
    Map<Long, String> estates = "estates".equals(kind) ? PropertySession.estateNames() : Map.of();
    List<String> shown =
        ids.stream()
            .map(
                i ->
                    names.containsKey(i)
                        ? names.get(i).name()
                        : new Place(i, estates.get(i)).name())
            .toList();
    return getTranslation("users.scope." + kind) + ": " + String.join(", ", shown);
  }

  /** The places of a kind the user may see, read once. */
  private Map<Long, Place> names(String kind) {
    return known.computeIfAbsent(
        kind,
        k -> {
          Map<Long, Place> m = new HashMap<>();
          client.places(k).forEach(p -> m.put(p.id(), p));
          return m;
        });
  }

  private void choose(String kind) {
    places.clear();
    boolean some = !"company".equals(kind);
    places.setVisible(some);
    if (some) {
      places.setItems(List.copyOf(names(kind).values()));
    }
  }

  private void typed(String text) {
    try {
      long id = Long.parseLong(text.strip());
      if (id > 0) {
        Set<Place> chosen = new LinkedHashSet<>(places.getValue());
        chosen.add(names(scope.getValue()).getOrDefault(id, new Place(id, null)));
        places.setValue(chosen);
        places.setInvalid(false);
        return;
      }
    } catch (NumberFormatException e) {
      // not an id: said below
    }
    places.setInvalid(true);
  }
}
