package org.courtyard.rest.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.courtyard.api.Workers;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.api.rest.TodayTile;
import org.courtyard.api.rest.TodayTiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Gathers a caller's Today tiles from the modules' {@link TodayTiles} whiteboard. Every module is
 * asked at once, each on a lane of its own on the shared workers, and answered within one time
 * limit: a module that throws, takes longer or whose lane is full (it is hanging already) is logged
 * and named as missing, and the others' tiles are answered. Modules come in the order of their ids
 * and their tiles in the module's own order, so the screen does not reshuffle between loads.
 */
final class TodayBoard {

  private static final Logger LOG = LoggerFactory.getLogger(TodayBoard.class);

  /** What the board answers: the tiles, and the modules whose tiles could not be had. */
  record Result(List<TodayTile> tiles, List<String> missing) {}

  private final Workers workers;
  private final Duration limit;
  private final Map<String, TodayTiles> modules = new ConcurrentHashMap<>();

  /**
   * One lane per module: a module that hangs holds at most two threads and delays no other module;
   * once 8 requests wait behind it, later ones name it missing at once instead of piling up.
   */
  private final Map<String, Workers.Lane> lanes = new ConcurrentHashMap<>();

  TodayBoard(Workers workers, Duration limit) {
    this.workers = workers;
    this.limit = limit;
  }

  void add(TodayTiles tiles) {
    modules.put(tiles.moduleId(), tiles);
  }

  void remove(TodayTiles tiles) {
    modules.remove(tiles.moduleId(), tiles);
  }

  /** The tiles of the modules in {@code enabled} that contribute any, for {@code caller}. */
  Result tiles(TenantPrincipal caller, Collection<String> enabled) {
    Set<String> asked = Set.copyOf(enabled);
    List<TodayTiles> present =
        modules.values().stream()
            .filter(m -> asked.contains(m.moduleId()))
            .sorted(Comparator.comparing(TodayTiles::moduleId))
            .toList();
    List<CompletableFuture<List<TodayTile>>> running = new ArrayList<>(present.size());
    for (TodayTiles module : present) {
      CompletableFuture<List<TodayTile>> result = new CompletableFuture<>();
      Workers.Lane lane =
          lanes.computeIfAbsent(module.moduleId(), id -> workers.lane("today-" + id, 2, 8));
      if (!lane.offer(() -> compute(module, caller, result))) {
        result.completeExceptionally(new TimeoutException("its lane is full"));
      }
      running.add(result);
    }
    long deadline = System.nanoTime() + limit.toNanos();
    List<TodayTile> tiles = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < present.size(); i++) {
      String id = present.get(i).moduleId();
      try {
        long left = Math.max(0, deadline - System.nanoTime());
        tiles.addAll(running.get(i).get(left, TimeUnit.NANOSECONDS));
      } catch (TimeoutException e) {
        LOG.warn(
            "Today: module {} did not answer {}'s tiles within {} ms",
            id,
            caller.getName(),
            limit.toMillis());
        missing.add(id);
      } catch (ExecutionException e) {
        LOG.warn("Today: module {} failed on {}'s tiles", id, caller.getName(), e.getCause());
        missing.add(id);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        missing.add(id);
      }
    }
    return new Result(tiles, missing);
  }

  private static void compute(
      TodayTiles module, TenantPrincipal caller, CompletableFuture<List<TodayTile>> result) {
    MDC.put("tenant", caller.tenant().value());
    try {
      List<TodayTile> tiles = module.tiles(caller);
      result.complete(tiles == null ? List.of() : List.copyOf(tiles));
    } catch (RuntimeException | Error e) {
      result.completeExceptionally(e);
    } finally {
      MDC.remove("tenant");
    }
  }

  /** Stops taking work; tiles being computed finish on their own. */
  void close() {
    for (Workers.Lane lane : lanes.values()) {
      try {
        lane.close(Duration.ZERO);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
