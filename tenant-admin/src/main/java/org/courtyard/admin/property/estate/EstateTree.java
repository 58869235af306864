package org.courtyard.admin.property.estate;

import java.io.Serializable;
import java.util.List;

/**
 * {@code GET /estate/estates/{id}/tree}: the estate with the buildings in the caller's scope and
 * their units, each with its number of rooms.
 */
public record EstateTree(Estate estate, long rooms, List<BuildingNode> buildings)
    implements Serializable {

  public EstateTree {
    buildings = buildings == null ? List.of() : List.copyOf(buildings);
  }

  /** A building, its room count and its units. */
  public record BuildingNode(Building building, long rooms, List<UnitNode> units)
      implements Serializable {

    public BuildingNode {
      units = units == null ? List.of() : List.copyOf(units);
    }
  }

  /** A unit and its room count. */
  public record UnitNode(Unit unit, long rooms) implements Serializable {}
}
