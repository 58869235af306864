package org.courtyard.api.rest;

import java.util.List;

/** One page of a list, ordered by id; {@code nextCursor} is null on the last page. */
public final class Page<T> {
  public final List<T> items;
  public final String nextCursor;

  public Page(List<T> items, String nextCursor) {
    this.items = items;
    this.nextCursor = nextCursor;
  }
}
