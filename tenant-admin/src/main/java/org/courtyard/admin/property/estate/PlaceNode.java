package org.courtyard.admin.property.estate;

import java.io.Serializable;

/** A line of the estate tree: the estate, a building or a unit, with its number of rooms. */
public record PlaceNode(Kind kind, Estate estate, Building building, Unit unit, long rooms)
    implements Serializable {

  /** What a line of the tree is. */
  public enum Kind {
    ESTATE,
    BUILDING,
    UNIT
  }

  static PlaceNode of(Estate e, long rooms) {
    return new PlaceNode(Kind.ESTATE, e, null, null, rooms);
  }

  static PlaceNode of(Estate e, Building b, long rooms) {
    return new PlaceNode(Kind.BUILDING, e, b, null, rooms);
  }

  static PlaceNode of(Estate e, Building b, Unit u, long rooms) {
    return new PlaceNode(Kind.UNIT, e, b, u, rooms);
  }

  public long id() {
    return switch (kind) {
      case ESTATE -> estate.id();
      case BUILDING -> building.id();
      case UNIT -> unit.id();
    };
  }

  public String code() {
    return switch (kind) {
      case ESTATE -> estate.code();
      case BUILDING -> building.code();
      case UNIT -> unit.code();
    };
  }

  public String name() {
    return switch (kind) {
      case ESTATE -> estate.name();
      case BUILDING -> building.name();
      case UNIT -> unit.name();
    };
  }

  /** "Building 1 (B1)": what the tree and titles show. */
  public String label() {
    String name = name();
    return name == null || name.isBlank() || name.equals(code())
        ? code()
        : name + " (" + code() + ")";
  }

  /** Same place, whatever its counts or version: for keeping the selection over a reload. */
  public boolean samePlace(PlaceNode other) {
    return other != null && other.kind == kind && other.id() == id();
  }
}
