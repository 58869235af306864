package org.courtyard.identity.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.Problems;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.identity.internal.dto.GrantInput;
import org.courtyard.identity.internal.dto.GrantView;

/**
 * Roles granted to users in scopes: {@code company}, {@code estates} (ids) or {@code buildings}
 * (ids). A user holds a permission wherever any of their grants' roles has it.
 */
final class Grants {

  private static final int MAX_IDS = 500;
  private static final Texts TEXTS = Texts.of(Grants.class);

  private final TenantStores stores;
  private final Callers callers;

  Grants(TenantStores stores, Callers callers) {
    this.stores = stores;
    this.callers = callers;
  }

  List<GrantView> list(TenantSlug tenant, long user) {
    return stores
        .of(tenant)
        .read(
            c -> {
              if (StaffUsers.find(c, user).isEmpty()) {
                throw StaffUsers.notFound(user);
              }
              List<GrantView> out = new ArrayList<>();
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "select g.id, g.user_id, r.code, g.scope_kind, g.scope_ids, g.created_at"
                          + " from staff_grant g join staff_role r on r.id = g.role_id"
                          + " where g.user_id = ? order by g.id")) {
                ps.setLong(1, user);
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    out.add(view(rs));
                  }
                }
              }
              return out;
            });
  }

  GrantView add(TenantSlug tenant, long user, GrantInput in) {
    FieldErrors errors = new FieldErrors();
    String role = TextRules.trimToNull(in.role());
    if (role == null) {
      errors.add("role", TextRules.IS_REQUIRED);
    }
    String scope = TextRules.trimToNull(in.scope());
    Set<Long> ids = scopeIds(scope, in.ids(), errors);
    errors.throwIfAny();
    GrantView grant =
        stores
            .of(tenant)
            .transaction(
                c -> {
                  if (StaffUsers.find(c, user).isEmpty()) {
                    throw StaffUsers.notFound(user);
                  }
                  long roleId = Roles.idOf(c, role).orElseThrow(() -> Roles.unknown("role", role));
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "insert into staff_grant (user_id, role_id, scope_kind, scope_ids)"
                              + " values (?, ?, ?, ?) returning id")) {
                    ps.setLong(1, user);
                    ps.setLong(2, roleId);
                    ps.setString(3, scope);
                    ps.setArray(4, Jdbc.bigints(c, ids));
                    try (ResultSet rs = ps.executeQuery()) {
                      rs.next();
                      return find(c, rs.getLong(1));
                    }
                  }
                });
    callers.forgetUser(tenant, user);
    return grant;
  }

  void remove(TenantSlug tenant, long user, long grant) {
    stores
        .of(tenant)
        .transaction(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement("delete from staff_grant where id = ? and user_id = ?")) {
                ps.setLong(1, grant);
                ps.setLong(2, user);
                if (ps.executeUpdate() == 0) {
                  throw Problems.notFound(TEXTS.text("label.grant"), grant);
                }
              }
              return null;
            });
    callers.forgetUser(tenant, user);
  }

  /** The ids of a scope: none for the company, some positive ones for estates or buildings. */
  static Set<Long> scopeIds(String scope, List<Long> raw, FieldErrors errors) {
    if (scope == null) {
      errors.add("scope", TEXTS.text("scope.required"));
      return new LinkedHashSet<>();
    }
    return scopeIds(scope, "scope", raw, "ids", errors);
  }

  /**
   * The ids of a scope that is given ({@code company}, {@code estates} or {@code buildings}),
   * reported as the fields {@code scopeField} and {@code idsField}: the grants' rule, which the SSO
   * settings' grant for new users follows too.
   */
  static Set<Long> scopeIds(
      String scope, String scopeField, List<Long> raw, String idsField, FieldErrors errors) {
    Set<Long> ids = new LinkedHashSet<>();
    if (scope.equals("company")) {
      if (raw != null && !raw.isEmpty()) {
        errors.add(idsField, TEXTS.text("scope.company-ids"));
      }
    } else if (scope.equals("estates") || scope.equals("buildings")) {
      if (raw == null || raw.isEmpty()) {
        errors.add(
            idsField,
            scope.equals("estates")
                ? TEXTS.text("scope.one-estate")
                : TEXTS.text("scope.one-building"));
      } else if (raw.size() > MAX_IDS) {
        errors.add(idsField, TEXTS.text("list.at-most", MAX_IDS));
      } else {
        for (Long id : raw) {
          if (id == null || id < 1) {
            errors.add(idsField, TEXTS.text("scope.positive-ids"));
            break;
          }
          ids.add(id);
        }
      }
    } else {
      errors.add(scopeField, TEXTS.text("scope.kind"));
    }
    return ids;
  }

  private static GrantView find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select g.id, g.user_id, r.code, g.scope_kind, g.scope_ids, g.created_at"
                + " from staff_grant g join staff_role r on r.id = g.role_id where g.id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return view(rs);
      }
    }
  }

  private static GrantView view(ResultSet rs) throws SQLException {
    return new GrantView(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        Callers.longs(rs.getArray(5)),
        rs.getTimestamp(6).toInstant());
  }
}
