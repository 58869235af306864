package org.courtyard.estate.internal.dto;

import java.util.List;

/**
 * An estate with its buildings and units, each with how many rooms it has: what a console draws as
 * the estate → building → unit tree, in one answer. Only the buildings in the caller's scope.
 */
public record EstateTreeView(EstateView estate, long rooms, List<BuildingNode> buildings) {

  /** A building, its room count and its units. */
  public record BuildingNode(BuildingView building, long rooms, List<UnitNode> units) {}

  /** A unit and its room count. */
  public record UnitNode(UnitView unit, long rooms) {}
}
