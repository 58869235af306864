package org.courtyard.admin.api;

import java.io.Serializable;
import java.util.List;

/**
 * One page of a list as the tenant API answers it: the items in the list's order and the cursor of
 * the next page, null on the last one.
 */
public record Page<T>(List<T> items, String nextCursor) implements Serializable {

  public Page {
    items = items == null ? List.of() : List.copyOf(items);
  }

  public boolean hasNext() {
    return nextCursor != null && !nextCursor.isEmpty();
  }
}
