package org.courtyard.admin.property.residents;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.function.SerializableConsumer;
import java.util.List;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.estate.Estate;
import org.courtyard.admin.property.estate.EstateClient;
import org.courtyard.admin.property.estate.EstateTree;
import org.courtyard.admin.property.estate.Refusals;
import org.courtyard.admin.property.estate.Room;

/**
 * Chooses a room the way staff find one: estate, building, unit, room, each a list of what the
 * previous choice holds and what the user's scope shows (the estate's tree, then the unit's rooms).
 * Its errors are the room's: the API's field error about {@code roomId} is shown here.
 */
public final class RoomPicker extends HorizontalLayout implements HasValidation {

  static final int CHOICES = 500;

  private final EstateClient estates;
  private final Select<Estate> estate = new Select<>();
  private final Select<EstateTree.BuildingNode> building = new Select<>();
  private final Select<EstateTree.UnitNode> unit = new Select<>();
  private final Select<Room> room = new Select<>();
  private SerializableConsumer<Room> chosen = r -> {};
  private boolean loaded;

  public RoomPicker(String id, EstateClient estates) {
    this.estates = estates;
    setId(id);
    setPadding(false);
    setWrap(true);
    setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    estate.setId(id + "-estate");
    estate.setLabel(getTranslation("residents.room.estate"));
    estate.setItemLabelGenerator(e -> e.name() + " (" + e.code() + ")");
    building.setId(id + "-building");
    building.setLabel(getTranslation("residents.room.building"));
    building.setItemLabelGenerator(b -> b.building().name() + " (" + b.building().code() + ")");
    unit.setId(id + "-unit");
    unit.setLabel(getTranslation("residents.room.unit"));
    unit.setItemLabelGenerator(u -> u.unit().code());
    room.setId(id + "-room");
    room.setLabel(getTranslation("residents.room.room"));
    room.setItemLabelGenerator(Room::number);
    for (Select<?> s : List.of(building, unit, room)) {
      s.setEnabled(false);
      s.setWidth("9em");
    }
    estate.setWidth("14em");
    estate.addValueChangeListener(e -> estateChosen(e.getValue()));
    building.addValueChangeListener(e -> buildingChosen(e.getValue()));
    unit.addValueChangeListener(e -> unitChosen(e.getValue()));
    room.addValueChangeListener(e -> chosen.accept(e.getValue()));
    add(estate, building, unit, room);
  }

  /** Reads the estates in scope; call when the picker is about to be used. */
  public RoomPicker load() {
    if (!loaded) {
      try {
        estate.setItems(estates.estateList(CHOICES));
        loaded = true;
      } catch (ApiProblem | ApiUnreachable e) {
        Refusals.show(this, e);
      }
    }
    return this;
  }

  /** Called with the chosen room, or null when the choice was undone. */
  public RoomPicker onChosen(SerializableConsumer<Room> then) {
    this.chosen = then;
    return this;
  }

  public Room value() {
    return room.getValue();
  }

  /** "B1 · U1 · 101": where the chosen room is, for titles and hints. */
  public String label() {
    if (room.getValue() == null) {
      return "";
    }
    return building.getValue().building().code()
        + " · "
        + unit.getValue().unit().code()
        + " · "
        + room.getValue().number();
  }

  public void clear() {
    estate.clear();
  }

  private void estateChosen(Estate e) {
    building.clear();
    building.setItems(List.of());
    building.setEnabled(false);
    if (e == null) {
      return;
    }
    try {
      building.setItems(estates.tree(e.id()).buildings());
      building.setEnabled(true);
    } catch (ApiProblem | ApiUnreachable x) {
      Refusals.show(this, x);
    }
  }

  private void buildingChosen(EstateTree.BuildingNode b) {
    unit.clear();
    unit.setItems(b == null ? List.of() : b.units());
    unit.setEnabled(b != null);
  }

  private void unitChosen(EstateTree.UnitNode u) {
    room.clear();
    room.setItems(List.of());
    room.setEnabled(false);
    if (u == null) {
      return;
    }
    try {
      room.setItems(estates.roomsOf(u.unit().id(), CHOICES));
      room.setEnabled(true);
    } catch (ApiProblem | ApiUnreachable x) {
      Refusals.show(this, x);
    }
  }

  @Override
  public void setErrorMessage(String errorMessage) {
    room.setErrorMessage(errorMessage);
  }

  @Override
  public String getErrorMessage() {
    return room.getErrorMessage();
  }

  @Override
  public void setInvalid(boolean invalid) {
    room.setInvalid(invalid);
  }

  @Override
  public boolean isInvalid() {
    return room.isInvalid();
  }
}
