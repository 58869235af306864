package org.courtyard.admin.property;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.QuerySortOrder;
import com.vaadin.flow.data.provider.SortDirection;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.courtyard.admin.api.Page;
import org.courtyard.admin.api.TenantApi;

/**
 * A Grid's lazy data from a cursor-paged list of the tenant API. The Grid asks for rows by offset
 * and limit; the API pages by cursor ({@code limit}, {@code cursor}, answer {@code {items,
 * nextCursor}}). This remembers the cursor at every page boundary it has seen (per sort and
 * filter), so scrolling back and forth fetches only the pages shown; a jump far ahead walks the
 * pages in between once. Rows are never all loaded and no count is asked: the Grid runs with an
 * undefined size and learns the end when a page has no next cursor.
 *
 * <pre>{@code
 * CursorDataProvider<BillRow> bills =
 *     CursorDataProvider.of(PropertySession.api(), "billing/bills", BillRow.class);
 * bills.bind(grid);                          // grid.setItems(bills) with the page size
 * bills.setFilter(Map.of("room", "1-101"));  // query parameters, refreshes the grid
 * }</pre>
 *
 * Sorting: a column's sort property ({@code grid.addColumn(...).setSortProperty("dueDate")}) goes
 * as {@code sort=dueDate} or {@code sort=-dueDate}; change the parameter with {@link
 * #setSortParameter}.
 */
public final class CursorDataProvider<T> implements CallbackDataProvider.FetchCallback<T, Void> {

  private static final long serialVersionUID = 1L;

  /** Fetches one page with the given query parameters (limit, cursor, sort, filters). */
  @FunctionalInterface
  public interface PageSource<T> extends Serializable {
    Page<T> fetch(Map<String, String> parameters);
  }

  public static final int DEFAULT_PAGE_SIZE = 50;
  private static final int PAGES_KEPT = 8;

  private final PageSource<T> source;
  private final int pageSize;
  private Map<String, String> filter = Map.of();
  private String sortParameter = "sort";
  private Grid<T> grid;

  /** Cursor to fetch page i, per sort+filter ("" for the first page). */
  private final Map<String, List<String>> cursors = new HashMap<>();

  /** The last pages fetched, so overlapping requests of the Grid do not fetch twice. */
  private final Map<String, Page<T>> pages =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Page<T>> eldest) {
          return size() > PAGES_KEPT;
        }
      };

  private int fetches;

  public CursorDataProvider(PageSource<T> source, int pageSize) {
    if (pageSize < 1 || pageSize > 500) {
      throw new IllegalArgumentException("page size must be 1..500");
    }
    this.source = source;
    this.pageSize = pageSize;
  }

  /** A list endpoint of the tenant API, e.g. {@code "billing/bills"}. */
  public static <T> CursorDataProvider<T> of(TenantApi api, String path, Class<T> itemType) {
    return new CursorDataProvider<>(q -> api.page(path, q, itemType), DEFAULT_PAGE_SIZE);
  }

  /** Shows this in the grid: lazy, undefined size, one API page per grid page. */
  public void bind(Grid<T> grid) {
    this.grid = grid;
    grid.setPageSize(pageSize);
    grid.setItems(this);
  }

  /** Replaces the filters (query parameters; blank values are left out) and refreshes. */
  public void setFilter(Map<String, ?> parameters) {
    Map<String, String> f = new TreeMap<>();
    if (parameters != null) {
      parameters.forEach(
          (k, v) -> {
            if (v != null && !v.toString().isBlank()) {
              f.put(k, v.toString());
            }
          });
    }
    this.filter = Map.copyOf(f);
    refresh();
  }

  public void setSortParameter(String name) {
    this.sortParameter = name;
  }

  /** Forgets what was fetched (the data changed) and has the grid ask again. */
  public void refresh() {
    cursors.clear();
    pages.clear();
    if (grid != null) {
      grid.getDataProvider().refreshAll();
    }
  }

  /** How many pages were fetched from the API so far (for tests and measurements). */
  public int fetches() {
    return fetches;
  }

  @Override
  public Stream<T> fetch(Query<T, Void> query) {
    int offset = query.getOffset();
    int limit = query.getLimit();
    Map<String, String> base = new TreeMap<>(filter);
    String sort = sort(query.getSortOrders());
    if (sort != null) {
      base.put(sortParameter, sort);
    }
    String key = base.toString();
    List<T> rows = new ArrayList<>();
    int first = offset / pageSize;
    for (int i = first; rows.size() < limit; i++) {
      Page<T> page = page(key, base, i);
      if (page == null) {
        break;
      }
      List<T> items = page.items();
      for (int j = i == first ? offset - i * pageSize : 0;
          j < items.size() && rows.size() < limit;
          j++) {
        rows.add(items.get(j));
      }
      if (!page.hasNext()) {
        break;
      }
    }
    return rows.stream();
  }

  /** Page {@code i} of the list, walking from the last known cursor; null past the end. */
  private Page<T> page(String key, Map<String, String> base, int i) {
    Page<T> cached = pages.get(key + "#" + i);
    if (cached != null) {
      return cached;
    }
    List<String> known = cursors.computeIfAbsent(key, k -> new ArrayList<>(List.of("")));
    while (known.size() <= i) {
      int last = known.size() - 1;
      Page<T> p = load(key, base, last, known.get(last));
      if (!p.hasNext()) {
        return null;
      }
    }
    return load(key, base, i, known.get(i));
  }

  private Page<T> load(String key, Map<String, String> base, int i, String cursor) {
    Page<T> cached = pages.get(key + "#" + i);
    if (cached != null) {
      return cached;
    }
    Map<String, String> parameters = new LinkedHashMap<>(base);
    parameters.put("limit", String.valueOf(pageSize));
    if (cursor != null && !cursor.isEmpty()) {
      parameters.put("cursor", cursor);
    }
    Page<T> page = source.fetch(parameters);
    fetches++;
    pages.put(key + "#" + i, page);
    List<String> known = cursors.get(key);
    if (page.hasNext() && known.size() == i + 1) {
      known.add(page.nextCursor());
    }
    return page;
  }

  private static String sort(List<QuerySortOrder> orders) {
    if (orders == null || orders.isEmpty()) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (QuerySortOrder o : orders) {
      parts.add((o.getDirection() == SortDirection.DESCENDING ? "-" : "") + o.getSorted());
    }
    return String.join(",", parts);
  }
}
