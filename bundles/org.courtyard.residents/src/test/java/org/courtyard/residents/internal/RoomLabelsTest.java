package org.courtyard.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.courtyard.api.TenantSlug;
import org.courtyard.estate.EstateDirectory;
import org.courtyard.estate.RoomSummary;
import org.junit.jupiter.api.Test;

class RoomLabelsTest {

  private static final TenantSlug TENANT = TenantSlug.of("acme");

  /**
   * Estate's rooms with gaps (deleted rooms), answering as estate does: in id order after an id.
   */
  private static final class Rooms implements EstateDirectory {
    final Set<Long> ids = new TreeSet<>();
    final List<long[]> calls = new ArrayList<>();

    Rooms(long... ids) {
      Arrays.stream(ids).forEach(this.ids::add);
    }

    @Override
    public Optional<RoomSummary> room(TenantSlug tenant, long roomId) {
      throw new AssertionError("asked for room " + roomId + " alone");
    }

    @Override
    public List<RoomSummary> rooms(TenantSlug tenant, long afterId, int limit) {
      assertThat(limit).isBetween(1, 5000);
      calls.add(new long[] {afterId, limit});
      return ids.stream().filter(id -> id > afterId).limit(limit).map(Rooms::summary).toList();
    }

    private static RoomSummary summary(long id) {
      return new RoomSummary(
          id, 1, 2, 3, "E/B/U/" + id, 1, BigDecimal.TEN, "residential", "occupied");
    }

    @Override
    public long roomCount(TenantSlug tenant) {
      return ids.size();
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
  void aPageOfNearbyRoomsIsOneCallForExactlyTheirSpan() {
    Rooms estate = new Rooms(10, 11, 12, 13, 14, 20, 21, 40, 41);

    var labels = new RoomLabels(TENANT, estate).of(List.of(40L, 12L, 20L, 12L));

    assertThat(labels).containsOnlyKeys(12L, 20L, 40L).containsEntry(20L, "E/B/U/20");
    assertThat(estate.calls).hasSize(1);
    assertThat(estate.calls.get(0)).containsExactly(11, 29);
  }

  @Test
  void roomsFarApartInIdTakeACallPerRunAndNoneIsMissed() {
    Rooms estate = new Rooms(5, 6, 5004, 5005, 12000, 12001, 12002);

    var labels = new RoomLabels(TENANT, estate).of(List.of(5L, 5004L, 5005L, 12002L));

    assertThat(labels).containsOnlyKeys(5L, 5004L, 5005L, 12002L);
    // 5 and 5004 are 4999 apart: one run; 5005 starts the next, and 12002 its own
    assertThat(estate.calls).hasSize(3);
  }

  @Test
  void aRoomEstateNoLongerHasHasNoLabelAndTheNextRoomIsNotTakenForIt() {
    Rooms estate = new Rooms(7, 9);

    var labels = new RoomLabels(TENANT, estate).of(List.of(8L));

    assertThat(labels).isEmpty();
  }

  @Test
  void noRoomsNoCall() {
    Rooms estate = new Rooms(1);

    assertThat(new RoomLabels(TENANT, estate).of(List.of())).isEmpty();
    assertThat(estate.calls).isEmpty();
  }

  @Test
  void runsAreAscendingDistinctAndNarrowerThanACall() {
    List<long[]> runs = RoomLabels.runs(Arrays.asList(3L, 1L, null, 3L, 5001L, 5002L, 0L));

    assertThat(runs).hasSize(2);
    assertThat(runs.get(0)).containsExactly(1, 3);
    assertThat(runs.get(1)).containsExactly(5001, 5002);
  }
}
