package org.courtyard.admin.property.billing;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.data.provider.Query;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.api.TenantApi;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.property.estate.EstateClient;
import org.courtyard.admin.property.estate.EstateTree;
import org.courtyard.admin.property.estate.Room;

/**
 * The counter's room (房间), found by typing the start of its number: a lazy list of {@code GET
 * /estate/rooms?number=<typed>}, paged by the API and holding only the rooms of the cashier's scope
 * (the API's doing, not this screen's). Each room reads as where it is ("Sunny Garden · B1 · U1 ·
 * 1801"); the codes come from the estate's tree, read once per estate the list shows. Parking's
 * lease and owner dialogs use it for the room billed a space's rent.
 */
public final class RoomByNumber extends ComboBox<Room> {

  private final EstateClient estates;
  private final CursorDataProvider<Room> rooms;
  private final Map<Long, EstateTree> trees = new HashMap<>();
  private String typed;

  public RoomByNumber(String id, TenantApi api) {
    this.estates = new EstateClient(api);
    this.rooms = Pages.of(api, "estate/rooms", Room.class);
    setId(id);
    setLabel(getTranslation("billing.room"));
    setHelperText(getTranslation("billing.room.pick.help"));
    setRequiredIndicatorVisible(true);
    setClearButtonVisible(true);
    setAllowedCharPattern("[A-Za-z0-9._-]");
    setPageSize(CursorDataProvider.DEFAULT_PAGE_SIZE);
    setItemLabelGenerator(this::label);
    setItems(
        query -> {
          String prefix = query.getFilter().orElse("").strip();
          if (!prefix.equals(typed)) {
            typed = prefix;
            rooms.setFilter(Map.of("number", prefix));
          }
          return rooms.fetch(
              new Query<>(query.getOffset(), query.getLimit(), List.of(), null, null));
        });
  }

  /** Chooses the room with this id (from a bill chosen elsewhere); empty when out of reach. */
  void select(Long roomId) {
    if (roomId == null) {
      clear();
      return;
    }
    try {
      setValue(estates.room(roomId));
    } catch (ApiProblem | ApiUnreachable e) {
      // a room the cashier may not see is not offered, and not chosen either
      clear();
    }
  }

  /** "Sunny Garden · B1 · U1 · 1801", or the number alone when the estate cannot be read. */
  String label(Room r) {
    EstateTree tree = tree(r.estateId());
    if (tree == null) {
      return r.number();
    }
    String building = "#" + r.buildingId();
    String unit = "#" + r.unitId();
    for (EstateTree.BuildingNode b : tree.buildings()) {
      if (b.building().id() == r.buildingId()) {
        building = b.building().code();
        for (EstateTree.UnitNode u : b.units()) {
          if (u.unit().id() == r.unitId()) {
            unit = u.unit().code();
          }
        }
      }
    }
    return tree.estate().name() + " · " + building + " · " + unit + " · " + r.number();
  }

  private EstateTree tree(long estateId) {
    if (!trees.containsKey(estateId)) {
      EstateTree tree;
      try {
        tree = estates.tree(estateId);
      } catch (ApiProblem | ApiUnreachable e) {
        tree = null;
      }
      trees.put(estateId, tree);
    }
    return trees.get(estateId);
  }
}
