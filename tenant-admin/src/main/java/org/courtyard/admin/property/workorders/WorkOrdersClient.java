package org.courtyard.admin.property.workorders;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.api.Page;
import org.courtyard.admin.api.TenantApi;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.ui.Errors;

/**
 * The work-order screens' way to {@code /api/v1/workorders}: orders (list, read, timeline, steps),
 * the category catalogue, the dispatcher's load and the technicians. Every refusal arrives as an
 * {@link ApiProblem} (its detail in the user's language) for the screen to show; a list the API
 * refuses shows its problem and stays empty instead of failing the grid.
 */
public final class WorkOrdersClient implements Serializable {

  private static final long serialVersionUID = 1L;

  static final String BASE = "workorders/";

  private final TenantApi api;

  public WorkOrdersClient(TenantApi api) {
    this.api = api;
  }

  // ------------------------------------------------------------------------------ orders

  /**
   * Orders, newest first, paged by the API; filters {@code state} (comma-separated), {@code
   * categoryId}, {@code priority}, {@code estateId}, {@code buildingId}, {@code roomId}, {@code
   * assigneeUserId}, {@code assigneeTeamId}, {@code overdue=true} and {@code q}.
   */
  public CursorDataProvider<Order> orders() {
    return new CursorDataProvider<>(
        q -> {
          try {
            return api.page(BASE + "orders", q, Order.class);
          } catch (ApiProblem | ApiUnreachable e) {
            Errors.show(e);
            return new Page<>(List.of(), null);
          }
        },
        CursorDataProvider.DEFAULT_PAGE_SIZE);
  }

  /** One order with the actions the caller may take on it now. */
  public Order order(long id) {
    return api.get(BASE + "orders/" + id, Order.class);
  }

  /** The order's steps, oldest first. */
  public List<TimelineEntry> timeline(long id) {
    return List.of(api.get(BASE + "orders/" + id + "/timeline", TimelineEntry[].class));
  }

  /**
   * Records an order for a resident or from an inspection; {@code key} is made once per user action
   * (a double click records one order).
   */
  public Order create(Order.Input input, String key) {
    return api.post(BASE + "orders", input, Order.class, key);
  }

  /**
   * Takes a step ({@code dispatch}, {@code accept}, {@code pause}, ...). Refused with 409 {@code
   * wrong-state} or {@code out-of-time} (with {@code allowedNow}), 409 {@code stale-version}, 403
   * {@code not-yours}, 422 {@code incomplete}.
   */
  public Order act(long id, String action, Order.Step step) {
    return api.post(BASE + "orders/" + id + "/" + TenantApi.segment(action), step, Order.class);
  }

  // ------------------------------------------------------------------------------ categories

  /** The whole catalogue ordered by code; {@code active} null for every category. */
  public List<Category> categories(Boolean active) {
    return List.of(
        api.get(
            BASE + "categories",
            active == null ? Map.of() : Map.of("active", active),
            Category[].class));
  }

  public Category category(long id) {
    return api.get(BASE + "categories/" + id, Category.class);
  }

  public Category createCategory(Category input) {
    return api.post(BASE + "categories", input, Category.class);
  }

  /** Saves a category with the version read; 409 {@code stale-version} when it changed since. */
  public Category updateCategory(long id, Category input) {
    return api.put(BASE + "categories/" + id, input, Category.class);
  }

  // ------------------------------------------------------------------------------ people

  /** Open work per technician and team (the dispatcher's view). */
  public List<LoadRow> load() {
    return List.of(api.get(BASE + "load", LoadRow[].class));
  }

  public List<Technician> technicians() {
    return List.of(api.get(BASE + "technicians", Technician[].class));
  }
}
