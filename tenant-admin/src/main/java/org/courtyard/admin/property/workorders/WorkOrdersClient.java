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
 * the category catalogue, the dispatcher's load and the technicians, the materials stock and its
 * use on orders, photos and files, feedback, and the settings and working calendar. Every refusal
 * arrives as an {@link ApiProblem} (its detail in the user's language) for the screen to show; a
 * list the API refuses shows its problem and stays empty instead of failing the grid.
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

  /** The first {@code limit} orders in {@code state}, newest first, within the caller's scope. */
  public Page<Order> ordersIn(String state, Long estateId, int limit) {
    Map<String, Object> q = new java.util.LinkedHashMap<>();
    q.put("state", state);
    q.put("limit", limit);
    if (estateId != null) {
      q.put("estateId", estateId);
    }
    return api.page(BASE + "orders", q, Order.class);
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

  // ---------------------------------------------------------------------------- alarm rules

  /** Every alarm kind with the category and priority of the order it opens. */
  public List<AlarmRule> alarmRules() {
    return List.of(api.get(BASE + "alarm-rules", AlarmRule[].class));
  }

  /** Sets a kind's rule at the version read; 409 {@code stale-version} after a change meanwhile. */
  public AlarmRule putAlarmRule(AlarmRule rule) {
    return api.put(BASE + "alarm-rules/" + rule.kind(), rule, AlarmRule.class);
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

  /** Replaces a technician's skills and areas ({@code workorders.technician.manage}). */
  public Technician updateTechnician(
      long userId, List<String> skills, List<Technician.Area> areas) {
    return api.put(
        BASE + "technicians/" + userId,
        java.util.Map.of("skills", skills, "areas", areas),
        Technician.class);
  }

  /** A technician's shifts of today and the next six days in the company's zone. */
  public Duty duty(long userId) {
    return api.get(BASE + "technicians/" + userId + "/duty", Duty.class);
  }

  /** A technician's shifts beginning on the days {@code from} to {@code to}. */
  public Duty duty(long userId, java.time.LocalDate from, java.time.LocalDate to) {
    return api.get(
        BASE + "technicians/" + userId + "/duty",
        java.util.Map.of("from", from.toString(), "to", to.toString()),
        Duty.class);
  }

  /** Replaces the shifts of those days: 422 naming a wrong shift, 409 {@code duty-overlap}. */
  public Duty setDuty(
      long userId, java.time.LocalDate from, java.time.LocalDate to, List<Duty.Shift> shifts) {
    return api.put(
        BASE + "technicians/" + userId + "/duty?from=" + from + "&to=" + to,
        java.util.Map.of("shifts", shifts),
        Duty.class);
  }

  public List<Technician> technicians() {
    return List.of(api.get(BASE + "technicians", Technician[].class));
  }

  // ------------------------------------------------------------------------------ stock

  /** Materials of the estates in the caller's scope, by id, paged by the API; filter estateId. */
  public CursorDataProvider<Material> materials() {
    return new CursorDataProvider<>(
        q -> {
          try {
            return api.page(BASE + "materials", q, Material.class);
          } catch (ApiProblem | ApiUnreachable e) {
            Errors.show(e);
            return new Page<>(List.of(), null);
          }
        },
        CursorDataProvider.DEFAULT_PAGE_SIZE);
  }

  /** The active materials of one estate, for choosing what an order uses (the first 500). */
  public List<Material> activeMaterials(long estateId) {
    return api.page(
            BASE + "materials",
            Map.of("estateId", estateId, "active", true, "limit", 500),
            Material.class)
        .items();
  }

  public Material material(long id) {
    return api.get(BASE + "materials/" + id, Material.class);
  }

  /** A new material with nothing in stock; 409 {@code duplicate} for a code the estate has. */
  public Material createMaterial(Material.Input input) {
    return api.post(BASE + "materials", input, Material.class);
  }

  /**
   * Changes code, name, unit and active (retired when false) at the version read; 409 {@code
   * stale-version} or {@code duplicate}.
   */
  public Material updateMaterial(long id, Material.Input input) {
    return api.put(BASE + "materials/" + id, input, Material.class);
  }

  /** Stock in at a unit cost; the material's cost becomes the moving average. */
  public Material.Movement receive(long id, Material.Change change) {
    return api.post(BASE + "materials/" + id + "/receipts", change, Material.Movement.class);
  }

  /** A stocktake's correction; 409 {@code insufficient-stock} below zero. */
  public Material.Movement adjust(long id, Material.Change change) {
    return api.post(BASE + "materials/" + id + "/adjustments", change, Material.Movement.class);
  }

  /** The latest movements of a material, newest first (the first 100). */
  public List<Material.Movement> movements(long id) {
    return api.page(
            BASE + "materials/" + id + "/movements", Map.of("limit", 100), Material.Movement.class)
        .items();
  }

  /** What a paid repair charged the room, and where billing stands with each charge. */
  public List<Charge> charges(long orderId) {
    return List.of(api.get(BASE + "orders/" + orderId + "/charges", Charge[].class));
  }

  /**
   * Puts a charge billing refused back in its queue (posted or voided again at once); the order's
   * charges as they stand after. 409 {@code charge-not-refused} for any other charge.
   */
  public List<Charge> retryCharge(long orderId, int seq) {
    return List.of(
        api.post(BASE + "orders/" + orderId + "/charges/" + seq + "/retry", null, Charge[].class));
  }

  /** The staff users told of every step of the order. */
  public List<Watcher> watchers(long orderId) {
    return List.of(api.get(BASE + "orders/" + orderId + "/watchers", Watcher[].class));
  }

  /** Adds a watcher (422 {@code unknown-user} for a number that is not a staff user). */
  public void watch(long orderId, long userId) {
    api.put(BASE + "orders/" + orderId + "/watchers/" + userId, java.util.Map.of(), Void.class);
  }

  public void unwatch(long orderId, long userId) {
    api.delete(BASE + "orders/" + orderId + "/watchers/" + userId);
  }

  /** The order's delivery log: every message its steps sent, and what became of it. */
  public List<Notice> notices(long orderId) {
    return List.of(api.get(BASE + "orders/" + orderId + "/notices", Notice[].class));
  }

  /** The material used on an order and its cost. */
  public OrderMaterials orderMaterials(long orderId) {
    return api.get(BASE + "orders/" + orderId + "/materials", OrderMaterials.class);
  }

  /** Takes material from the order's estate's stock; 409 {@code insufficient-stock} takes none. */
  public OrderMaterials.Use use(long orderId, OrderMaterials.Input input) {
    return api.post(BASE + "orders/" + orderId + "/materials", input, OrderMaterials.Use.class);
  }

  /** Gives one use back to stock whole. */
  public void giveBack(long orderId, long useId) {
    api.delete(BASE + "orders/" + orderId + "/materials/" + useId);
  }

  // ------------------------------------------------------------------------------ files

  public List<Attachment> attachments(long orderId) {
    return List.of(api.get(BASE + "orders/" + orderId + "/attachments", Attachment[].class));
  }

  /** The photo or file as it was uploaded, for the user to open or save. */
  public byte[] file(long orderId, long attachmentId) {
    return api.bytes(BASE + "orders/" + orderId + "/attachments/" + attachmentId);
  }

  /** The thumbnail's bytes (JPEG or PNG), read here and shown by the console itself. */
  public byte[] thumbnail(long orderId, long attachmentId) {
    return api.bytes(BASE + "orders/" + orderId + "/attachments/" + attachmentId + "/thumbnail");
  }

  /**
   * Sends a photo or file as it is, with its own type and name; the API tells the type from the
   * bytes and refuses (413, 415, 422, 409 {@code too-many-attachments}) with a problem.
   */
  public Attachment upload(long orderId, String name, String contentType, byte[] bytes) {
    return api.upload(
        BASE + "orders/" + orderId + "/attachments" + TenantApi.query(Map.of("name", name)),
        bytes,
        contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType,
        Attachment.class);
  }

  // ------------------------------------------------------------------------------ feedback

  public Feedback feedback(long orderId) {
    return api.get(BASE + "orders/" + orderId + "/feedback", Feedback.class);
  }

  /** Records a return visit (回访); answers the feedback after it. 409 {@code not-finished}. */
  public Feedback returnVisit(long orderId, Feedback.VisitInput visit) {
    return api.post(BASE + "orders/" + orderId + "/return-visits", visit, Feedback.class);
  }

  /** Answers a complaint on its timeline; 409 {@code not-a-complaint}. */
  public void reply(long orderId, String text) {
    api.post(BASE + "orders/" + orderId + "/replies", new Feedback.Reply(text), Void.class);
  }

  // ------------------------------------------------------------------------------ rules

  public Rules.Settings settings() {
    return api.get(BASE + "settings", Rules.Settings.class);
  }

  /** Saves the settings with the version read; 409 {@code stale-version} when changed since. */
  public Rules.Settings saveSettings(Rules.Settings settings) {
    return api.put(BASE + "settings", settings, Rules.Settings.class);
  }

  public Rules.Calendar calendar() {
    return api.get(BASE + "calendar", Rules.Calendar.class);
  }

  /** Replaces the calendar whole with the version read; 409 {@code stale-version}. */
  public Rules.Calendar saveCalendar(Rules.Calendar calendar) {
    return api.put(BASE + "calendar", calendar, Rules.Calendar.class);
  }
}
