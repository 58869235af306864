package org.courtyard.identity.internal;

import com.nimbusds.jwt.JWTClaimsSet;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.courtyard.api.ProblemException;
import org.courtyard.api.RequestAudit;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.TextRules;
import org.courtyard.api.Texts;
import org.courtyard.api.jdbc.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staff account an identity provider's verified ID token names, by the claim the company chose:
 * {@code preferred_username} against the user name, or {@code email} against the e-mail address
 * (refused when the provider says the address is not verified). An unknown user is refused, or
 * created without a password (they sign in through the provider only, until an administrator sets
 * one) and given the role and scope the settings name, in one transaction with its audit row.
 */
final class SsoUsers {

  private static final Logger LOG = LoggerFactory.getLogger(SsoUsers.class);
  private static final Texts TEXTS = Texts.of(SsoUsers.class);
  private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,39}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
  private static final String LOGIN_COLUMNS = "id, username, password_hash, status, token_version";
  private static final int MAX_SUFFIX = 50;

  private final TenantStores stores;

  SsoUsers(TenantStores stores) {
    this.stores = stores;
  }

  /** The claim's value that names the account, or a 401 saying it is missing or unusable. */
  static String subjectOf(SsoSettings.Config config, JWTClaimsSet claims) {
    String claim = config.matchClaim();
    String value = TextRules.trimToNull(string(claims, claim));
    if (value == null) {
      throw new ProblemException(
          401,
          "sso-claim-missing",
          TEXTS.text("sso-users.claim-missing-title", claim),
          TEXTS.text("sso-users.claim-missing", claim),
          Map.of());
    }
    if (SsoSettings.EMAIL.equals(claim)) {
      if (Boolean.FALSE.equals(claims.getClaim("email_verified"))) {
        throw TEXTS.problem(
            401, "sso-email-unverified", "sso-users.email-unverified", TextRules.quote(value));
      }
    }
    return value.toLowerCase(Locale.ROOT);
  }

  /**
   * The account {@code subject} (see {@link #subjectOf}) names: found, or created when the settings
   * allow it.
   */
  StaffUsers.Login account(
      TenantSlug tenant,
      SsoSettings.Config config,
      String subject,
      JWTClaimsSet claims,
      String source) {
    boolean byEmail = SsoSettings.EMAIL.equals(config.matchClaim());
    List<StaffUsers.Login> found =
        stores.of(tenant).read(c -> byEmail ? byEmail(c, subject) : byUsername(c, subject));
    if (found.size() > 1) {
      throw TEXTS.problem(
          401, "sso-user-ambiguous", "sso-users.ambiguous", TextRules.quote(subject));
    }
    if (!found.isEmpty()) {
      return found.get(0);
    }
    if (!config.createUsers()) {
      throw TEXTS.problem(401, "sso-user-unknown", "sso-users.unknown", TextRules.quote(subject));
    }
    if (byEmail ? !EMAIL.matcher(subject).matches() : !USERNAME.matcher(subject).matches()) {
      String claim = config.matchClaim();
      throw new ProblemException(
          401,
          "sso-claim-invalid",
          TEXTS.text("sso-users.claim-invalid-title", claim),
          byEmail
              ? TEXTS.text("sso-users.not-an-email", claim, TextRules.quote(subject))
              : TEXTS.text("sso-users.not-a-user-name", claim, TextRules.quote(subject)),
          Map.of());
    }
    return stores
        .of(tenant)
        .transaction(c -> create(c, tenant, config, subject, byEmail, claims, source));
  }

  private static StaffUsers.Login create(
      Connection c,
      TenantSlug tenant,
      SsoSettings.Config config,
      String subject,
      boolean byEmail,
      JWTClaimsSet claims,
      String source)
      throws SQLException {
    String name = displayName(claims, subject);
    String email = byEmail ? subject : email(claims);
    StaffUsers.Login user = null;
    if (byEmail) {
      String base = usernameFrom(subject);
      for (int n = 1; user == null && n <= MAX_SUFFIX; n++) {
        user = insert(c, n == 1 ? base : base + "-" + n, name, email).orElse(null);
      }
      if (user == null) {
        throw TEXTS.problem(
            409, "sso-user-name-taken", "sso-users.name-taken", TextRules.quote(subject));
      }
    } else {
      Optional<StaffUsers.Login> made = insert(c, subject, name, email);
      if (made.isEmpty()) {
        // created by a simultaneous first sign-in of the same person
        return byUsername(c, subject).get(0);
      }
      user = made.get();
    }
    String granted = grant(c, user.id(), config);
    AuditLog.insert(
        c,
        new RequestAudit(
            tenant,
            "staff",
            Long.toString(user.id()),
            user.username(),
            SsoLogins.OPERATION,
            null,
            List.of(Long.toString(user.id())),
            "user created by sign-in through the identity provider" + granted,
            TextRules.clip(source, 64),
            null),
        "ok");
    LOG.info("Staff user {} of {} created by federated sign-in", user.username(), tenant);
    return user;
  }

  private static Optional<StaffUsers.Login> insert(
      Connection c, String username, String name, String email) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into staff_user (username, display_name, email) values (?, ?, ?)"
                + " on conflict (username) do nothing returning "
                + LOGIN_COLUMNS)) {
      ps.setString(1, username);
      ps.setString(2, name);
      ps.setString(3, email);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(login(rs)) : Optional.empty();
      }
    }
  }

  /** Grants the settings' role, if any; what the audit row says about it. */
  private static String grant(Connection c, long user, SsoSettings.Config config)
      throws SQLException {
    if (config.createRole() == null) {
      return ", no role";
    }
    Optional<Long> role = Roles.idOf(c, config.createRole());
    if (role.isEmpty()) {
      LOG.warn(
          "The role {} that federated sign-in grants new users no longer exists: none granted",
          config.createRole());
      return ", no role (" + config.createRole() + " no longer exists)";
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "insert into staff_grant (user_id, role_id, scope_kind, scope_ids)"
                + " values (?, ?, ?, ?)")) {
      ps.setLong(1, user);
      ps.setLong(2, role.get());
      ps.setString(3, config.createScope());
      ps.setArray(4, Jdbc.bigints(c, config.createScopeIds()));
      ps.executeUpdate();
    }
    return ", role " + config.createRole() + " in " + config.createScope();
  }

  private static List<StaffUsers.Login> byUsername(Connection c, String username)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("select " + LOGIN_COLUMNS + " from staff_user where username = ?")) {
      ps.setString(1, username);
      return logins(ps);
    }
  }

  private static List<StaffUsers.Login> byEmail(Connection c, String email) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "select "
                + LOGIN_COLUMNS
                + " from staff_user where lower(email) = ? order by id limit 2")) {
      ps.setString(1, email);
      return logins(ps);
    }
  }

  private static List<StaffUsers.Login> logins(PreparedStatement ps) throws SQLException {
    List<StaffUsers.Login> out = new ArrayList<>();
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        out.add(login(rs));
      }
    }
    return out;
  }

  private static StaffUsers.Login login(ResultSet rs) throws SQLException {
    return new StaffUsers.Login(
        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5));
  }

  /** A user name from an e-mail address's local part: li.lei@example.com is li.lei. */
  static String usernameFrom(String email) {
    String local = email.substring(0, Math.max(0, email.indexOf('@'))).toLowerCase(Locale.ROOT);
    String name = local.replaceAll("[^a-z0-9._-]", "-").replaceFirst("^[._-]+", "");
    if (name.length() > 36) {
      name = name.substring(0, 36);
    }
    if (name.isEmpty()) {
      return "user";
    }
    return name.length() < 2 ? name + "-user" : name;
  }

  private static String displayName(JWTClaimsSet claims, String fallback) {
    String name = TextRules.trimToNull(string(claims, "name"));
    if (name == null || name.chars().anyMatch(Character::isISOControl)) {
      name = fallback;
    }
    return TextRules.clip(name, 100);
  }

  private static String email(JWTClaimsSet claims) {
    String email = TextRules.trimToNull(string(claims, "email"));
    return email != null && email.length() <= 254 && EMAIL.matcher(email).matches() ? email : null;
  }

  private static String string(JWTClaimsSet claims, String name) {
    try {
      return claims.getStringClaim(name);
    } catch (ParseException notAString) {
      return null;
    }
  }
}
