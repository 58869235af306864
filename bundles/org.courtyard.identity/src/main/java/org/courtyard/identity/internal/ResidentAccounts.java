package org.courtyard.identity.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.courtyard.api.FieldErrors;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Problems;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.Text;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.courtyard.api.rest.Page;
import org.courtyard.identity.internal.dto.ResidentAccountView;

/**
 * Residents' accounts: made on a person's first sign-in with a one-time code, linked to that person
 * for good. Staff list them, disable and enable them, and sign them out everywhere; a disabled
 * account's tokens stop on the next request, as a staff user's do.
 */
final class ResidentAccounts {

  static final String ACTIVE = "active";
  static final String DISABLED = "disabled";

  private static final String COLUMNS =
      "id, person_id, status, last_kind, last_address, created_at, last_login_at";
  private static final Texts TEXTS = Texts.of(ResidentAccounts.class);
  private static final Text ACCOUNT = TEXTS.text("label.resident-account");

  private final TenantStores stores;
  private final Callers callers;

  ResidentAccounts(TenantStores stores, Callers callers) {
    this.stores = stores;
    this.callers = callers;
  }

  Page<ResidentAccountView> list(
      TenantSlug tenant, Long person, String status, long after, int limit) {
    if (status != null && !ACTIVE.equals(status) && !DISABLED.equals(status)) {
      throw new ProblemException(
          422,
          FieldErrors.TYPE,
          TEXTS.text("residents.status-title"),
          TEXTS.text("residents.status"),
          Map.of());
    }
    List<ResidentAccountView> rows =
        stores
            .of(tenant)
            .read(
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "select "
                              + COLUMNS
                              + " from resident_account where id > ?"
                              + " and (?::bigint is null or person_id = ?)"
                              + " and (?::text is null or status = ?) order by id limit ?")) {
                    ps.setLong(1, after);
                    Jdbc.setLong(ps, 2, person);
                    Jdbc.setLong(ps, 3, person);
                    ps.setString(4, status);
                    ps.setString(5, status);
                    ps.setInt(6, limit + 1);
                    List<ResidentAccountView> out = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                      while (rs.next()) {
                        out.add(view(rs));
                      }
                    }
                    return out;
                  }
                });
    return Page.byId(rows, limit, ResidentAccountView::id);
  }

  /** Enables or disables an account; disabling ends its sessions at once. */
  ResidentAccountView setActive(TenantSlug tenant, long id, boolean active) {
    ResidentAccountView view =
        stores
            .of(tenant)
            .transaction(
                c -> {
                  try (PreparedStatement ps =
                      c.prepareStatement(
                          "update resident_account set status = ?, version = version + 1,"
                              + " token_version = token_version + (case when ? then 0 else 1 end)"
                              + " where id = ?")) {
                    ps.setString(1, active ? ACTIVE : DISABLED);
                    ps.setBoolean(2, active);
                    ps.setLong(3, id);
                    if (ps.executeUpdate() == 0) {
                      throw Problems.notFound(ACCOUNT, id);
                    }
                  }
                  if (!active) {
                    Sessions.revokeAllOfResident(c, id, "disabled");
                  }
                  return find(c, id);
                });
    callers.forgetResident(tenant, id);
    return view;
  }

  /** Ends every session of the account, on every device. */
  void signOutEverywhere(TenantSlug tenant, long id) {
    stores
        .of(tenant)
        .transaction(
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "update resident_account set token_version = token_version + 1"
                          + " where id = ?")) {
                ps.setLong(1, id);
                if (ps.executeUpdate() == 0) {
                  throw Problems.notFound(ACCOUNT, id);
                }
              }
              Sessions.revokeAllOfResident(c, id, "signed-out-everywhere");
              return null;
            });
    callers.forgetResident(tenant, id);
  }

  private static ResidentAccountView find(Connection c, long id) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select " + COLUMNS + " from resident_account where id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw Problems.notFound(ACCOUNT, id);
        }
        return view(rs);
      }
    }
  }

  private static ResidentAccountView view(ResultSet rs) throws SQLException {
    return new ResidentAccountView(
        rs.getLong(1),
        rs.getLong(2),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getTimestamp(6).toInstant(),
        Jdbc.instant(rs.getTimestamp(7)));
  }
}
