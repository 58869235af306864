package org.courtyard.api.rest;

import java.util.List;

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
}
