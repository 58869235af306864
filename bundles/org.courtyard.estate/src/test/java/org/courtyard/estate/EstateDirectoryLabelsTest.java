package org.courtyard.estate;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.courtyard.api.TenantSlug;
import org.junit.jupiter.api.Test;

/** {@link EstateDirectory#labels}: a page's labels in one read per 5000 ids, never one per room. */
class EstateDirectoryLabelsTest {

  private static final TenantSlug TENANT = TenantSlug.of("acme");

  /** Estate's rooms by id, counting the calls made of it. */
  private static final class Directory implements EstateDirectory {
    final TreeMap<Long, RoomSummary> rooms = new TreeMap<>();
    final List<Integer> calls = new ArrayList<>();

    Directory(LongStream ids) {
      ids.forEach(
          id ->
              rooms.put(
                  id, new RoomSummary(id, 1, 2, 3, "E/B/U/" + id, 1, BigDecimal.ONE, "r", "v")));
    }

    @Override
    public Optional<RoomSummary> room(TenantSlug tenant, long roomId) {
      throw new AssertionError("one call per room");
    }

    @Override
    public List<RoomSummary> rooms(TenantSlug tenant, long afterId, int limit) {
      throw new AssertionError("a range of rooms is not asked for");
    }

    @Override
    public List<RoomSummary> rooms(TenantSlug tenant, Collection<Long> roomIds) {
      assertThat(roomIds.size()).isBetween(1, 5000);
      calls.add(roomIds.size());
      return roomIds.stream().map(rooms::get).filter(r -> r != null).toList();
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
  void aPageOfRoomsFarApartIsOneCall() {
    Directory estate = new Directory(LongStream.of(3, 70_000, 900_000));
    Map<Long, String> labels = estate.labels(TENANT, List.of(900_000L, 3L, 70_000L, 3L));
    assertThat(labels)
        .containsOnly(
            Map.entry(3L, "E/B/U/3"),
            Map.entry(70_000L, "E/B/U/70000"),
            Map.entry(900_000L, "E/B/U/900000"));
    assertThat(estate.calls).containsExactly(3);
  }

  @Test
  void aRoomEstateNoLongerHasHasNoLabel() {
    Directory estate = new Directory(LongStream.of(1, 2));
    assertThat(estate.labels(TENANT, List.of(1L, 5L))).containsOnlyKeys(1L);
  }

  @Test
  void noRoomsNoCall() {
    Directory estate = new Directory(LongStream.empty());
    assertThat(estate.labels(TENANT, List.of())).isEmpty();
    assertThat(estate.calls).isEmpty();
  }

  @Test
  void moreRoomsThanOneCallTakesAreAskedForInBatches() {
    Directory estate = new Directory(LongStream.rangeClosed(1, 12_000));
    List<Long> ids = LongStream.rangeClosed(1, 12_000).boxed().collect(Collectors.toList());
    assertThat(estate.labels(TENANT, ids)).hasSize(12_000);
    assertThat(estate.calls).containsExactly(5000, 5000, 2000);
  }
}
