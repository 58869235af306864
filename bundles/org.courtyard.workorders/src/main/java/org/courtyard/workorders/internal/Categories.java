package org.courtyard.workorders.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.courtyard.api.Problems;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.workorders.internal.deadlines.DeadlineTerms;
import org.courtyard.workorders.internal.dto.CategoryInput;
import org.courtyard.workorders.internal.dto.CategoryView;
import org.courtyard.workorders.internal.dto.Minutes;

/**
 * The tenant's catalogue of categories (plumbing, electrical, lift, noise, ...): what kind of order
 * each is, how it is dispatched, whether it is paid, and its deadlines per priority. An order
 * copies its category's deadlines when it is reported, so changing a category never moves the
 * deadlines of orders already running.
 */
final class Categories {

  private static final Texts TEXTS = Texts.of(Categories.class);

  static final String COLUMNS =
      "id, code, name_en, name_zh, kind, dispatch_mode, paid, price_min, price_max, return_visit,"
          + " skill, working_hours, active, response_normal, response_urgent, response_emergency,"
          + " resolution_normal, resolution_urgent, resolution_emergency, version";

  private final Jdbc jdbc;

  Categories(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** The catalogue by code; only active or only inactive categories when {@code active} says. */
  List<CategoryView> list(Boolean active) {
    return jdbc.read(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + COLUMNS
                      + " FROM workorder_category WHERE (?::boolean IS NULL OR active = ?)"
                      + " ORDER BY code")) {
            ps.setObject(1, active);
            ps.setObject(2, active);
            List<CategoryView> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.add(view(rs));
              }
            }
            return out;
          }
        });
  }

  /** One category; 404 {@code category-not-found}. */
  CategoryView get(long id) {
    return jdbc.read(c -> find(c, id, false)).orElseThrow(() -> notFound(id));
  }

  CategoryView create(CategoryInput input) {
    CategoryRules.Checked k = CategoryRules.check(input);
    return jdbc.transaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO workorder_category (code, name_en, name_zh, kind, dispatch_mode,"
                      + " paid, price_min, price_max, return_visit, skill, working_hours, active,"
                      + " response_normal, response_urgent, response_emergency,"
                      + " resolution_normal, resolution_urgent, resolution_emergency)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      + " ON CONFLICT (code) DO NOTHING RETURNING "
                      + COLUMNS)) {
            bind(ps, k);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                throw Problems.duplicate(TEXTS.text("category.exists", k.code()));
              }
              return view(rs);
            }
          }
        });
  }

  /** Replaces a category at the version the caller read; 409 {@code stale-version} otherwise. */
  CategoryView update(long id, CategoryInput input) {
    if (input.version() == null) {
      throw org.courtyard.api.FieldErrors.single(
          org.courtyard.api.FieldErrors.TYPE,
          TEXTS.title(org.courtyard.api.FieldErrors.TYPE),
          "version",
          TEXTS.text("category.version"));
    }
    CategoryRules.Checked k = CategoryRules.check(input);
    return jdbc.transaction(
        c -> {
          CategoryView current = find(c, id, true).orElseThrow(() -> notFound(id));
          if (current.version() != input.version()) {
            throw Problems.staleVersion(
                TEXTS.text("label.category"), id, current.version(), input.version());
          }
          if (!current.code().equals(k.code()) && find(c, k.code()).isPresent()) {
            throw Problems.duplicate(TEXTS.text("category.exists", k.code()));
          }
          if (!current.kind().equals(k.kind()) && used(c, id)) {
            throw TEXTS.problem(409, "category-in-use", "category.kind-in-use", current.kind());
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE workorder_category SET code = ?, name_en = ?, name_zh = ?, kind = ?,"
                      + " dispatch_mode = ?, paid = ?, price_min = ?, price_max = ?,"
                      + " return_visit = ?, skill = ?, working_hours = ?, active = ?,"
                      + " response_normal = ?, response_urgent = ?, response_emergency = ?,"
                      + " resolution_normal = ?, resolution_urgent = ?, resolution_emergency = ?,"
                      + " updated_at = now(), version = version + 1 WHERE id = ? RETURNING "
                      + COLUMNS)) {
            bind(ps, k);
            ps.setLong(19, id);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              return view(rs);
            }
          }
        });
  }

  /**
   * The settings row's versions and the category a new order names, in one round trip: {version,
   * calendar version} of the settings, and the category (null when there is none).
   */
  static final String SETTINGS_AND_CATEGORY =
      "SELECT k.*, s.version AS settings_version, s.calendar_version AS settings_calendar"
          + " FROM workorder_settings s LEFT JOIN (SELECT "
          + COLUMNS
          + " FROM workorder_category WHERE id = ?) k ON true WHERE s.id = 1";

  /**
   * {@code k}, read for category {@code id}, if a new order may take it; 422 otherwise. It is not
   * locked: the order copies its terms, and the order's foreign key on (category, kind) holds the
   * kind while the row goes in.
   */
  static CategoryView forNewOrder(CategoryView k, long id) {
    if (k == null) {
      throw TEXTS.problem(422, "unknown-category", "category.unknown", id);
    }
    if (!k.active()) {
      throw TEXTS.problem(422, "inactive-category", "category.inactive", k.code());
    }
    return k;
  }

  /** A category's deadlines, as the deadline rules read them. */
  static DeadlineTerms terms(CategoryView k) {
    Minutes r = k.responseMinutes();
    Minutes s = k.resolutionMinutes();
    return DeadlineTerms.ofMinutes(
        new int[] {r.normal(), r.urgent(), r.emergency()},
        new int[] {s.normal(), s.urgent(), s.emergency()},
        k.workingHours());
  }

  private static Optional<CategoryView> find(Connection c, long id, boolean lock)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + COLUMNS
                + " FROM workorder_category WHERE id = ?"
                + (lock ? " FOR UPDATE" : ""))) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(view(rs)) : Optional.empty();
      }
    }
  }

  private static Optional<Long> find(Connection c, String code) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM workorder_category WHERE code = ?")) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  private static boolean used(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM workorder WHERE category_id = ? LIMIT 1")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static void bind(PreparedStatement ps, CategoryRules.Checked k) throws SQLException {
    ps.setString(1, k.code());
    ps.setString(2, k.nameEn());
    ps.setString(3, k.nameZh());
    ps.setString(4, k.kind());
    ps.setString(5, k.dispatchMode());
    ps.setBoolean(6, k.paid());
    ps.setBigDecimal(7, k.priceMin());
    ps.setBigDecimal(8, k.priceMax());
    ps.setBoolean(9, k.returnVisit());
    ps.setString(10, k.skill());
    ps.setBoolean(11, k.workingHours());
    ps.setBoolean(12, k.active());
    for (int i = 0; i < 3; i++) {
      ps.setInt(13 + i, k.response()[i]);
      ps.setInt(16 + i, k.resolution()[i]);
    }
  }

  static CategoryView view(ResultSet rs) throws SQLException {
    return new CategoryView(
        rs.getLong("id"),
        rs.getString("code"),
        rs.getString("name_en"),
        rs.getString("name_zh"),
        rs.getString("kind"),
        rs.getString("dispatch_mode"),
        rs.getBoolean("paid"),
        rs.getBigDecimal("price_min"),
        rs.getBigDecimal("price_max"),
        rs.getBoolean("return_visit"),
        rs.getString("skill"),
        rs.getBoolean("working_hours"),
        rs.getBoolean("active"),
        new Minutes(
            rs.getInt("response_normal"),
            rs.getInt("response_urgent"),
            rs.getInt("response_emergency")),
        new Minutes(
            rs.getInt("resolution_normal"),
            rs.getInt("resolution_urgent"),
            rs.getInt("resolution_emergency")),
        rs.getInt("version"));
  }

  private static org.courtyard.api.ProblemException notFound(long id) {
    return Problems.notFound(TEXTS.text("label.category"), id);
  }
}
