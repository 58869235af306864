package org.courtyard.workorders.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.courtyard.api.TenantSlug;
import org.courtyard.estate.RoomSummary;

/**
 * Rooms recently looked up in the estate module, for a few seconds: a desk recording orders for the
 * same rooms, or a building's residents reporting, asks estate once per room and window instead of
 * once per order. A room never changes its unit, building or estate; one deleted meanwhile can be
 * named by an order for at most {@link #TTL_NANOS}, and once an order names it estate refuses to
 * delete it ({@link WorkordersRoomReferences}). Only rooms found are kept; the map is bounded.
 */
final class RoomCache {

  static final long TTL_NANOS = 10_000_000_000L;
  private static final int MAX = 50_000;

  private record Key(TenantSlug tenant, long room) {}

  private record Entry(RoomSummary room, long until) {}

  private final Map<Key, Entry> rooms = new ConcurrentHashMap<>();

  Optional<RoomSummary> get(TenantSlug tenant, long roomId, Supplier<Optional<RoomSummary>> load) {
    Key key = new Key(tenant, roomId);
    long now = System.nanoTime();
    Entry e = rooms.get(key);
    if (e != null && now - e.until < 0) {
      return Optional.of(e.room);
    }
    Optional<RoomSummary> found = load.get();
    if (found.isPresent()) {
      if (rooms.size() >= MAX) {
        rooms.clear();
      }
      rooms.put(key, new Entry(found.get(), now + TTL_NANOS));
    } else {
      rooms.remove(key);
    }
    return found;
  }

  /** Forgets a tenant's rooms (its module stopped, or it was offboarded). */
  void forget(TenantSlug tenant) {
    rooms.keySet().removeIf(k -> k.tenant.equals(tenant));
  }
}
