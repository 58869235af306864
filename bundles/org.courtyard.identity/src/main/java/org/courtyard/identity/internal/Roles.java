package org.courtyard.identity.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Problems;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Text;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.identity.internal.dto.RoleInput;
import org.courtyard.identity.internal.dto.RoleUpdate;
import org.courtyard.identity.internal.dto.RoleView;

/**
 * Roles: named sets of permissions per tenant. Onboarding's templates (administrator, project
 * manager, cashier...) are roles like any other; a change to a role applies to everyone holding it
 * on their next request.
 */
final class Roles {

  private static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9_]{1,39}$");
  private static final Texts TEXTS = Texts.of(Roles.class);
  private static final Text ROLE = TEXTS.text("label.role");

  private final TenantStores stores;
  private final PermissionCatalog catalog;
  private final Callers callers;

  Roles(TenantStores stores, PermissionCatalog catalog, Callers callers) {
    this.stores = stores;
    this.catalog = catalog;
    this.callers = callers;
  }

  List<RoleView> list(TenantSlug tenant) {
    return stores
        .of(tenant)
        .read(
            c -> {
              List<RoleView> out = new ArrayList<>();
              try (PreparedStatement ps = c.prepareStatement(select("") + " order by r.id");
                  ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  out.add(view(rs));
                }
              }
              return out;
            });
  }

  RoleView get(TenantSlug tenant, long id) {
    return stores.of(tenant).read(c -> find(c, id)).orElseThrow(() -> notFound(id));
  }

  RoleView create(TenantSlug tenant, RoleInput in) {
    FieldErrors errors = new FieldErrors();
    String code = TextRules.trimToNull(in.code());
    if (code == null) {
      errors.add("code", TextRules.IS_REQUIRED);
    } else if (!CODE.matcher(code).matches()) {
      errors.add("code", TEXTS.text("roles.code"));
    }
    String en = TextRules.requiredLine(in.nameEn(), "nameEn", 60, errors);
    String zh = TextRules.requiredLine(in.nameZh(), "nameZh", 60, errors);
    Set<String> permissions = permissions(in.permissions(), errors);
    errors.throwIfAny();
    RoleView role =
        stores
            .of(tenant)
            .transaction(
                c -> {
                  long id;
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "insert into staff_role (code, name_en, name_zh) values (?, ?, ?)"
                              + " on conflict (code) do nothing returning id")) {
                    ps.setString(1, code);
                    ps.setString(2, en);
                    ps.setString(3, zh);
                    try (ResultSet rs = ps.executeQuery()) {
                      if (!rs.next()) {
                        throw Problems.duplicate(
                            TEXTS.text("roles.duplicate", TextRules.quote(code)));
                      }
                      id = rs.getLong(1);
                    }
                  }
                  writePermissions(c, id, permissions);
                  return find(c, id).orElseThrow();
                });
    return role;
  }

  RoleView update(TenantSlug tenant, long id, RoleUpdate in) {
    FieldErrors errors = new FieldErrors();
    String en = TextRules.requiredLine(in.nameEn(), "nameEn", 60, errors);
    String zh = TextRules.requiredLine(in.nameZh(), "nameZh", 60, errors);
    Set<String> permissions = permissions(in.permissions(), errors);
    TextRules.required(in.version(), "version", errors);
    errors.throwIfAny();
    RoleView role =
        stores
            .of(tenant)
            .transaction(
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "update staff_role set name_en = ?, name_zh = ?, version = version + 1,"
                              + " updated_at = now() where id = ? and version = ?")) {
                    ps.setString(1, en);
                    ps.setString(2, zh);
                    ps.setLong(3, id);
                    ps.setInt(4, in.version());
                    if (ps.executeUpdate() == 0) {
                      RoleView current = find(c, id).orElseThrow(() -> notFound(id));
                      throw Problems.staleVersion(ROLE, id, current.version(), in.version());
                    }
                  }
                  try (PreparedStatement ps =
                      c.prepareStatement("delete from staff_role_permission where role_id = ?")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                  }
                  writePermissions(c, id, permissions);
                  return find(c, id).orElseThrow();
                });
    callers.forgetTenant(tenant);
    return role;
  }

  /** Deletes a role no one holds; 409 {@code role-in-use} while it is granted. */
  void delete(TenantSlug tenant, long id) {
    stores
        .of(tenant)
        .transaction(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("select count(*) from staff_grant where role_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                  rs.next();
                  int grants = rs.getInt(1);
                  if (grants > 0) {
                    throw TEXTS.problem(409, "role-in-use", "roles.in-use", id, grants);
                  }
                }
              }
              try (PreparedStatement ps =
                  c.prepareStatement("delete from staff_role where id = ?")) {
                ps.setLong(1, id);
                if (ps.executeUpdate() == 0) {
                  throw notFound(id);
                }
              }
              return null;
            });
  }

  /** 422 for a field that names a role the company does not have. */
  static ProblemException unknown(String field, String code) {
    return FieldErrors.single(
        FieldErrors.TYPE,
        TEXTS.title(FieldErrors.TYPE),
        field,
        TEXTS.text("roles.unknown", TextRules.quote(code)));
  }

  /** The role with {@code code}, inside the caller's transaction. */
  static Optional<Long> idOf(Connection c, String code) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("select id from staff_role where code = ?")) {
      ps.setString(1, code);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  private Set<String> permissions(List<String> raw, FieldErrors errors) {
    Set<String> out = new LinkedHashSet<>();
    if (raw == null || raw.isEmpty()) {
      errors.add("permissions", TEXTS.text("roles.no-permissions"));
      return out;
    }
    for (int i = 0; i < raw.size(); i++) {
      String p = raw.get(i) == null ? null : raw.get(i).strip();
      if (p == null || !catalog.accepts(p)) {
        errors.add(
            "permissions[" + i + "]", TEXTS.text("roles.unknown-permission", TextRules.quote(p)));
      } else {
        out.add(p);
      }
    }
    return out;
  }

  private static void writePermissions(Connection c, long role, Set<String> permissions)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into staff_role_permission (role_id, permission) values (?, ?)")) {
      for (String p : permissions) {
        ps.setLong(1, role);
        ps.setString(2, p);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static String select(String where) {
    return "select r.id, r.code, r.name_en, r.name_zh, r.template, r.version,"
        + " array(select permission from staff_role_permission p where p.role_id = r.id"
        + " order by permission) as permissions from staff_role r "
        + where;
  }

  private static Optional<RoleView> find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(select("where r.id = ?"))) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(view(rs)) : Optional.empty();
      }
    }
  }

  private static RoleView view(ResultSet rs) throws SQLException {
    return new RoleView(
        rs.getLong(1),
        rs.getString(2),
        rs.getString(3),
        rs.getString(4),
        rs.getBoolean(5),
        List.of((String[]) rs.getArray(7).getArray()),
        rs.getInt(6));
  }

  private static ProblemException notFound(long id) {
    return Problems.notFound(ROLE, id);
  }
}
