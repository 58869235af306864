package org.courtyard.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.courtyard.api.TenantSlug;
import org.courtyard.estate.EstateDirectory;
import org.courtyard.estate.RoomSummary;
import org.junit.jupiter.api.Test;

class RoomLabelsTest {

  private static final TenantSlug TENANT = TenantSlug.of("acme");

  /** Estate's rooms by id, counting the calls billing makes. */
  private static final class Directory implements EstateDirectory {
    final TreeMap<Long, RoomSummary> rooms = new TreeMap<>();
    final List<String> calls = new ArrayList<>();

    Directory(LongStream ids) {
      ids.forEach(
          id ->
              rooms.put(
                  id, new RoomSummary(id, 1, 2, 3, "E/B/U/" + id, 1, BigDecimal.ONE, "r", "v")));
    }

    @Override
    public Optional<RoomSummary> room(TenantSlug tenant, long roomId) {
      calls.add("room " + roomId);
      return Optional.ofNullable(rooms.get(roomId));
    }

    @Override
    public List<RoomSummary> rooms(TenantSlug tenant, long afterId, int limit) {
      calls.add("rooms " + afterId + " " + limit);
      assertThat(limit).isBetween(1, 5000);
      return rooms.tailMap(afterId, false).values().stream().limit(limit).toList();
    }

    @Override
    public long roomCount(TenantSlug tenant) {
      return rooms.size();
    }

    @Override
    public Optional<Long> estateOfBuilding(TenantSlug tenant, long buildingId) {
      return Optional.empty();
    }

    @Override
    public boolean estateExists(TenantSlug tenant, long estateId) {
      return false;
    }
  }

  @Test
  void aPageOfNearbyRoomsIsOneCall() {
    Directory estate = new Directory(LongStream.rangeClosed(1, 20_000));
    List<Long> page = LongStream.rangeClosed(1001, 1100).boxed().toList();

    Map<Long, String> labels = new RoomLabels(TENANT, estate).of(page);

    assertThat(labels).hasSize(100).containsEntry(1050L, "E/B/U/1050");
    assertThat(estate.calls).containsExactly("rooms 1000 100");
  }

  @Test
  void roomsFarApartAreReadInAFewRangesNeverOneCallPerRoom() {
    Directory estate = new Directory(LongStream.rangeClosed(1, 20_000));
    // two runs of a period's bills (the end of one period, the start of the next), and rooms
    // scattered every 150 ids: far more rooms than calls allowed
    List<Long> page = new ArrayList<>();
    LongStream.rangeClosed(9_951, 10_000).forEach(page::add);
    LongStream.rangeClosed(1, 30).forEach(page::add);
    LongStream.range(0, 20).forEach(i -> page.add(12_000 + 150 * i));

    Map<Long, String> labels = new RoomLabels(TENANT, estate).of(page);

    assertThat(labels.keySet()).containsExactlyInAnyOrderElementsOf(page);
    assertThat(estate.calls).hasSizeLessThanOrEqualTo(RoomLabels.MAX_READS);
  }

  @Test
  void roomsEstateNoLongerHasAreLeftOutAndAWideRangeIsReadInEstatesPages() {
    Directory estate = new Directory(LongStream.rangeClosed(1, 12_000).filter(i -> i % 7 != 0));
    List<Long> page = LongStream.rangeClosed(0, 39).map(i -> 1 + i * 300).boxed().toList();

    Map<Long, String> labels = new RoomLabels(TENANT, estate).of(page);

    assertThat(labels.keySet())
        .containsExactlyInAnyOrderElementsOf(page.stream().filter(i -> i % 7 != 0).toList());
    // three ranges of one room and one of 10,801 ids (9,258 rooms), read in estate's pages of
    // 5000 at most
    assertThat(estate.calls)
        .containsExactly(
            "rooms 0 1", "rooms 300 1", "rooms 600 1", "rooms 900 5000", "rooms 6733 4968");
  }

  @Test
  void oneRoomIsAskedForByItsId() {
    Directory estate = new Directory(LongStream.rangeClosed(1, 10));
    assertThat(new RoomLabels(TENANT, estate).of(List.of(4L, 4L))).containsOnlyKeys(4L);
    assertThat(new RoomLabels(TENANT, estate).of(List.of(40L))).isEmpty();
    assertThat(new RoomLabels(TENANT, estate).of(List.of())).isEmpty();
    assertThat(estate.calls).containsExactly("room 4", "room 40");
  }

  @Test
  void rangesSplitAtTheWidestGapsOnly() {
    assertThat(RoomLabels.ranges(List.of(5L, 1L, 3L, 500L, 501L, 9000L), 2))
        .containsExactly(new RoomLabels.Range(1, 501), new RoomLabels.Range(9000, 9000));
    assertThat(RoomLabels.ranges(List.of(5L, 1L, 3L, 500L, 501L, 9000L), 4))
        .containsExactly(
            new RoomLabels.Range(1, 5),
            new RoomLabels.Range(500, 501),
            new RoomLabels.Range(9000, 9000));
    // gaps narrower than the read-through are not worth a call
    assertThat(RoomLabels.ranges(List.of(1L, 40L, 80L, 120L), 4))
        .containsExactly(new RoomLabels.Range(1, 120));
  }
}
