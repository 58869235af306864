package org.courtyard.billing.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.courtyard.api.TenantSlug;
import org.courtyard.estate.EstateDirectory;
import org.courtyard.estate.RoomSummary;

/**
 * The labels estate gives a page's rooms ({@code GV/B1/U1/1801}), for lists that show rooms by more
 * than an id. Estate's {@link EstateDirectory} answers one room, or the rooms after an id in id
 * order, not a set of ids: a page's rooms are read as at most {@link #MAX_READS} ranges of room ids
 * (bills are written room by room in id order, so a page of bills is one or two runs of nearby
 * rooms), never one call per row. The ranges are the page's ids split at their widest gaps, so the
 * rooms read besides the page's own are as few as that number of calls allows.
 */
final class RoomLabels {

  /** Calls to estate for one page at most (a range wider than estate's 5000 rooms counts more). */
  static final int MAX_READS = 4;

  /**
   * A gap between two of a page's rooms narrower than this is read through rather than split: the
   * rooms in it cost less than another call.
   */
  static final long READ_THROUGH = 64;

  /** The most rooms one call to {@link EstateDirectory#rooms} answers. */
  static final int ESTATE_PAGE = 5000;

  /** Room ids {@code first} to {@code last}, both included. */
  record Range(long first, long last) {
    long size() {
      return last - first + 1;
    }
  }

  private final TenantSlug tenant;
  private final EstateDirectory estate;

  RoomLabels(TenantSlug tenant, EstateDirectory estate) {
    this.tenant = tenant;
    this.estate = estate;
  }

  /** The labels of those rooms estate has; a room it no longer has is left out. */
  Map<Long, String> of(Collection<Long> roomIds) {
    Set<Long> wanted = new TreeSet<>(roomIds);
    Map<Long, String> labels = new HashMap<>();
    if (wanted.size() == 1) {
      long id = wanted.iterator().next();
      estate.room(tenant, id).ifPresent(r -> labels.put(id, r.label));
      return labels;
    }
    for (Range range : ranges(wanted, MAX_READS)) {
      long after = range.first() - 1;
      while (after < range.last()) {
        int limit = (int) Math.min(ESTATE_PAGE, range.last() - after);
        List<RoomSummary> rooms = estate.rooms(tenant, after, limit);
        for (RoomSummary r : rooms) {
          if (wanted.contains(r.id)) {
            labels.put(r.id, r.label);
          }
        }
        if (rooms.size() < limit) {
          break;
        }
        after = rooms.get(rooms.size() - 1).id;
      }
    }
    return labels;
  }

  /**
   * The ids in ascending order as at most {@code count} ranges: split at the {@code count - 1}
   * widest gaps between neighbours, of those wider than {@link #READ_THROUGH}.
   */
  static List<Range> ranges(Collection<Long> ids, int count) {
    List<Long> sorted = new ArrayList<>(new TreeSet<>(ids));
    List<Range> ranges = new ArrayList<>();
    if (sorted.isEmpty()) {
      return ranges;
    }
    // the indexes i whose gap to i + 1 is among the widest, in id order
    List<Integer> gaps = new ArrayList<>();
    for (int i = 0; i + 1 < sorted.size(); i++) {
      if (sorted.get(i + 1) - sorted.get(i) > READ_THROUGH) {
        gaps.add(i);
      }
    }
    gaps.sort(
        (a, b) ->
            Long.compare(sorted.get(b + 1) - sorted.get(b), sorted.get(a + 1) - sorted.get(a)));
    Set<Integer> cuts = new TreeSet<>(gaps.subList(0, Math.min(count - 1, gaps.size())));
    int start = 0;
    for (int cut : cuts) {
      ranges.add(new Range(sorted.get(start), sorted.get(cut)));
      start = cut + 1;
    }
    ranges.add(new Range(sorted.get(start), sorted.get(sorted.size() - 1)));
    return ranges;
  }
}
