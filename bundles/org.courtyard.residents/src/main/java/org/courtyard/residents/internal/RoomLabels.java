package org.courtyard.residents.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.courtyard.api.TenantSlug;
import org.courtyard.estate.EstateDirectory;
import org.courtyard.estate.RoomSummary;

/**
 * The labels of a page's rooms ({@code TE1/B1/U1/101}), asked of estate's {@link EstateDirectory}
 * for the whole page at once, never room by room.
 *
 * <p>The directory answers rooms in id order after an id, so the page's room ids are cut into runs
 * whose ids lie less than {@link #SPAN} apart, and each run is one call for exactly as many rooms
 * as its ids span: every room of the run is in that answer. A page ordered by room id, or the rooms
 * of one person, is one run and so one call; only rooms far apart in id (imported years apart) take
 * a call per run. A room estate no longer has has no label (null).
 */
final class RoomLabels {

  /** Rooms one call may ask for: the directory answers at most 5000. */
  static final int SPAN = 5000;

  private final TenantSlug tenant;
  private final EstateDirectory estate;

  RoomLabels(TenantSlug tenant, EstateDirectory estate) {
    this.tenant = tenant;
    this.estate = estate;
  }

  /** The label of each of these rooms estate has, by room id; rooms it does not have are absent. */
  Map<Long, String> of(Collection<Long> roomIds) {
    Set<Long> wanted = new HashSet<>(roomIds);
    Map<Long, String> labels = new HashMap<>();
    for (long[] run : runs(wanted)) {
      for (RoomSummary room : estate.rooms(tenant, run[0] - 1, (int) (run[1] - run[0] + 1))) {
        if (wanted.contains(room.id)) {
          labels.put(room.id, room.label);
        }
      }
    }
    return labels;
  }

  /**
   * The distinct positive ids, ascending, as runs {@code [first, last]} with {@code last - first <
   * SPAN}: one directory call each.
   */
  static List<long[]> runs(Collection<Long> roomIds) {
    List<long[]> runs = new ArrayList<>();
    long[] run = null;
    for (Long id : new TreeSet<>(roomIds.stream().filter(i -> i != null && i > 0).toList())) {
      if (run == null || id - run[0] >= SPAN) {
        run = new long[] {id, id};
        runs.add(run);
      } else {
        run[1] = id;
      }
    }
    return runs;
  }
}
