package org.courtyard.residents.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.courtyard.residents.OccupancyRef;
import org.junit.jupiter.api.Test;

class ResidentDirectoryServiceTest {

  private static OccupancyRef occupancy(long id, long roomId, String role) {
    return new OccupancyRef(id, 9, roomId, role, null, LocalDate.of(2024, 1, 1));
  }

  @Test
  void chunksAreBoundedDistinctAndKeepTheFirstOrder() {
    List<Long> ids = new ArrayList<>(LongStream.rangeClosed(1, 2500).boxed().toList());
    ids.add(7L);
    ids.add(null);

    List<List<Long>> chunks = ResidentDirectoryService.chunks(ids, 1000);

    assertThat(chunks).extracting(List::size).containsExactly(1000, 1000, 500);
    assertThat(chunks.get(0).get(0)).isEqualTo(1L);
    assertThat(chunks.get(2).get(499)).isEqualTo(2500L);
    assertThat(chunks.stream().flatMap(List::stream).distinct().count()).isEqualTo(2500);
  }

  @Test
  void noIdsMeanNoChunksAndNoQuery() {
    assertThat(ResidentDirectoryService.chunks(List.of(), 1000)).isEmpty();
    assertThat(ResidentDirectoryService.chunks(Arrays.asList((Long) null), 1000)).isEmpty();
  }

  @Test
  void aChunkSizeBelowOneIsRefused() {
    assertThatThrownBy(() -> ResidentDirectoryService.chunks(List.of(1L), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void roomsOfAPersonWithTwoRolesInOneRoomAreListedOnce() {
    List<OccupancyRef> occupancies =
        List.of(
            occupancy(5, 30, "owner"),
            occupancy(2, 12, "owner"),
            occupancy(3, 12, "occupant"),
            occupancy(8, 20, "family"));

    assertThat(ResidentDirectoryService.roomIds(occupancies)).containsExactly(12L, 20L, 30L);
  }
}
