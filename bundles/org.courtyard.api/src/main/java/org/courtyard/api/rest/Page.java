package org.courtyard.api.rest;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One page of a list, in the list's order (by id unless the list says otherwise); {@code
 * nextCursor} is null on the last page.
 */
public final class Page<T> {
  public final List<T> items;
  public final String nextCursor;

  public Page(List<T> items, String nextCursor) {
    this.items = items;
    this.nextCursor = nextCursor;
  }

  /**
   * The page of a keyset query that read one row more than {@code limit}: that row's presence says
   * a next page exists (no count needed), and the cursor is {@code cursorOf} the last row shown.
   */
  public static <T> Page<T> of(List<T> rows, int limit, Function<T, String> cursorOf) {
    if (rows.size() <= limit) {
      return new Page<>(List.copyOf(rows), null);
    }
    List<T> shown = List.copyOf(rows.subList(0, limit));
    return new Page<>(shown, cursorOf.apply(shown.get(limit - 1)));
  }

  /** {@link #of(List, int, Function)} for a list ordered by id: the cursor is the last id. */
  public static <T> Page<T> byId(List<T> rows, int limit, ToLongFunction<T> id) {
    return of(rows, limit, row -> Cursor.encode(id.applyAsLong(row)));
  }

  /** {@link #byId} of rows shown as {@code view}, such as entities shown as their DTOs. */
  public static <E, V> Page<V> byId(
      List<E> rows, int limit, Function<E, V> view, ToLongFunction<E> id) {
    Page<E> page = byId(rows, limit, id);
    return new Page<>(page.items.stream().map(view).toList(), page.nextCursor);
  }
}
