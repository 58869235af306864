package org.courtyard.admin.property.parking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpaceMapTest {

  private static LotMap.Tile tile(
      String number, int level, String state, String heldBy, String owner, Boolean occupied) {
    return new LotMap.Tile(
        new LotMap.MapSpace(
            number.hashCode(),
            number,
            "rented",
            level,
            state,
            owner,
            occupied == null && !"watched".equals(owner) ? null : "sensor-1",
            occupied,
            occupied == null ? null : Instant.parse("2026-12-08T02:00:00Z")),
        heldBy,
        heldBy == null ? null : Instant.parse("2027-01-08T00:00:00Z"));
  }

  @Test
  void aSpaceOutOfServiceIsSoWhateverHoldsItAndAHoldBeatsAnOwner() {
    assertThat(SpaceMap.status(tile("A", -1, "out_of_service", "lease", null, null)))
        .isEqualTo(SpaceMap.Status.OUT_OF_SERVICE);
    assertThat(SpaceMap.status(tile("A", -1, "in_service", "lease", "王", null)))
        .isEqualTo(SpaceMap.Status.LEASED);
    assertThat(SpaceMap.status(tile("A", -1, "in_service", "reservation", null, null)))
        .isEqualTo(SpaceMap.Status.RESERVED);
    assertThat(SpaceMap.status(tile("A", -1, "in_service", null, "王", null)))
        .isEqualTo(SpaceMap.Status.OWNED);
    assertThat(SpaceMap.status(tile("A", -1, "in_service", null, null, null)))
        .isEqualTo(SpaceMap.Status.FREE);
  }

  @Test
  void aWatchedSpaceGetsADotOfItsReadingAndAnUnwatchedOneNone() {
    List<LotMap.Tile> tiles =
        List.of(
            tile("T", 1, "in_service", null, null, true),
            tile("F", 1, "in_service", null, null, false),
            tile("U", 1, "in_service", null, "watched", null),
            tile("N", 1, "in_service", null, null, null));
    String svg = SpaceMap.svg(tiles, t -> t.space().number(), l -> "L" + l, "lot");
    assertThat(svg).contains("class=\"sensed taken\"").contains("class=\"sensed free\"");
    assertThat(svg).contains("class=\"sensed unknown\"");
    assertThat(svg.split("<circle", -1)).hasSize(4);
    assertThat(SpaceMap.sensedCounts(tiles))
        .containsEntry(SpaceMap.Sensed.TAKEN, 1)
        .containsEntry(SpaceMap.Sensed.FREE, 1)
        .containsEntry(SpaceMap.Sensed.UNKNOWN, 1);
  }

  @Test
  void aLevelWrapsAfterSixteenSpacesAndEachLevelHasItsBand() {
    List<LotMap.Tile> tiles = new ArrayList<>();
    for (int i = 1; i <= 17; i++) {
      tiles.add(tile("B1-" + i, -1, "in_service", null, null, null));
    }
    tiles.add(tile("B2-1", -2, "in_service", null, null, null));
    String svg = SpaceMap.svg(tiles, t -> "<" + t.space().number() + ">", l -> "B" + -l, "a & b");
    int rowHeight = SpaceMap.TILE_H + SpaceMap.GAP;
    int expectedHeight = SpaceMap.GAP + 2 * (SpaceMap.LEVEL_H + rowHeight) + rowHeight;
    int expectedWidth = SpaceMap.GAP + SpaceMap.COLUMNS * (SpaceMap.TILE_W + SpaceMap.GAP);
    assertThat(svg)
        .contains("width=\"" + expectedWidth + "\" height=\"" + expectedHeight + "\"")
        .contains(">B1</text>")
        .contains(">B2</text>")
        .contains("aria-label=\"a &amp; b\"")
        .contains("<title>&lt;B1-17&gt;</title>");
  }

  @Test
  void aLongNumberKeepsItsEnd() {
    assertThat(SpaceMap.shortNumber("B1-001")).isEqualTo("B1-001");
    assertThat(SpaceMap.shortNumber("NORTH-GARAGE-B1-0123")).isEqualTo("…GE-B1-0123");
  }
}
