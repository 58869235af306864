package org.courtyard.admin.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The identity module's staff administration as the property console uses it, under {@code
 * /api/v1/identity}: users (list with {@code q} and {@code status}, create, get, disable, enable,
 * sign out everywhere, reset the second factor), their grants, roles, the permission list and the
 * audit log with its CSV. The users are the fake's own sign-in accounts ({@link
 * FakeTenantApi#staff}), so a user created here signs in, a disabled one cannot, and a grant
 * changes what {@code /auth/me} answers. Shapes, statuses and problem types follow {@code
 * UsersResource}, {@code RolesResource} and {@code AuditResource}.
 */
public final class FakeIdentityArea implements FakeArea {

  private static final Pattern USERNAME = Pattern.compile("^[a-z0-9][a-z0-9._-]{1,39}$");
  private static final Pattern ROLE_CODE = Pattern.compile("^[a-z][a-z0-9_]{1,39}$");
  private static final Map<String, String[]> TEMPLATE_NAMES =
      Map.of(
          "administrator", new String[] {"Administrator", "管理员"},
          "project_manager", new String[] {"Project manager", "项目经理"},
          "cashier", new String[] {"Cashier", "收费员"},
          "guard", new String[] {"Guard", "保安"},
          "auditor", new String[] {"Auditor", "审计员"});
  private static final Map<String, String[]> TITLES =
      Map.ofEntries(
          Map.entry("identity.user.read", new String[] {"See staff accounts", "查看员工账号"}),
          Map.entry("identity.user.manage", new String[] {"Manage staff accounts", "管理员工账号"}),
          Map.entry("identity.role.read", new String[] {"See roles and grants", "查看角色及授权"}),
          Map.entry("identity.role.manage", new String[] {"Manage roles", "管理角色"}),
          Map.entry("identity.grant.manage", new String[] {"Grant roles", "授予角色"}),
          Map.entry("identity.audit.read", new String[] {"See the audit log", "查看操作日志"}),
          Map.entry("security.alarm.read", new String[] {"View alarms", "查看告警"}),
          Map.entry("devices.device.read", new String[] {"View devices", "查看设备"}));

  private FakeTenantApi fake;
  private long nextRole = 1;
  private long nextGrant = 1;
  private long nextAudit = 1;
  private final Map<String, RoleMeta> roles = new LinkedHashMap<>();
  private final Map<Long, Profile> profiles = new TreeMap<>();
  private final Map<FakeTenantApi.Grant, GrantMeta> grantIds = new IdentityHashMap<>();
  private final List<Map<String, Object>> audit = new ArrayList<>();
  private final List<Map<String, Object>> apiKeys = new ArrayList<>();

  private static final class RoleMeta {
    final long id;
    final String code;
    String nameEn;
    String nameZh;
    final boolean template;
    int version = 1;

    RoleMeta(long id, String code, String nameEn, String nameZh, boolean template) {
      this.id = id;
      this.code = code;
      this.nameEn = nameEn;
      this.nameZh = nameZh;
      this.template = template;
    }
  }

  /** What the sign-in account does not keep; the display name is the account's (auth/me). */
  private record Profile(String phone, String email, Instant createdAt) {}

  private record GrantMeta(long id, Instant createdAt) {}

  @Override
  public String module() {
    return "identity";
  }

  @Override
  public List<String> permissions() {
    return List.of(
        "identity.role.read",
        "identity.grant.manage",
        "identity.apikey.manage",
        "identity.settings.manage");
  }

  @Override
  public void started(FakeTenantApi fake) {
    this.fake = fake;
    synchronized (fake) {
      for (String code : fake.roles().keySet()) {
        String[] names = TEMPLATE_NAMES.getOrDefault(code, new String[] {code, code});
        roles.put(code, new RoleMeta(nextRole++, code, names[0], names[1], true));
      }
    }
  }

  /** Adds a row to the audit log as the platform would have written it. */
  public synchronized void audit(String who, String operation, String objectIds, Instant at) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", nextAudit++);
    row.put("at", at.toString());
    row.put("principalKind", "staff");
    row.put("principalId", who);
    row.put("principalName", who);
    row.put("operation", operation);
    row.put("permission", null);
    row.put("objectIds", objectIds);
    row.put("summary", operation);
    row.put("source", "127.0.0.1");
    row.put("requestId", UUID.randomUUID().toString());
    row.put("outcome", "ok");
    audit.add(row);
  }

  @Override
  public synchronized FakeResponse handle(FakeRequest r) {
    String p = r.path();
    if (r.is("GET", "users")) {
      r.require("identity.user.read");
      return listUsers(r);
    }
    if (r.is("POST", "users")) {
      r.require("identity.user.manage");
      return created(r, createUser(r));
    }
    if (p.matches("users/[^/]+(/.*)?")) {
      String[] parts = p.split("/", 3);
      FakeTenantApi.User u = user(r, parts[1]);
      String rest = parts.length > 2 ? parts[2] : "";
      return userAction(r, u, rest);
    }
    if (r.is("GET", "roles")) {
      r.require("identity.role.read");
      return FakeResponse.json(roles.values().stream().map(this::roleView).toList());
    }
    if (r.is("POST", "roles")) {
      r.require("identity.role.manage");
      return created(r, createRole(r));
    }
    if (p.matches("roles/[^/]+")) {
      return roleAction(r, role(p.substring("roles/".length())));
    }
    if (r.is("GET", "permissions")) {
      r.require("identity.role.read");
      return FakeResponse.json(fake.catalog().stream().map(FakeIdentityArea::permission).toList());
    }
    if (r.is("GET", "api-keys")) {
      r.require("identity.apikey.manage");
      return FakeResponse.json(apiKeys);
    }
    if (r.is("POST", "api-keys")) {
      r.require("identity.apikey.manage");
      return created(r, createApiKey(r));
    }
    if (r.is("POST", "api-keys/[^/]+/revoke")) {
      r.require("identity.apikey.manage");
      String raw = p.split("/")[1];
      Map<String, Object> k =
          apiKeys.stream()
              .filter(x -> String.valueOf(x.get("id")).equals(raw))
              .findFirst()
              .orElseThrow(() -> notFound("API key", raw));
      k.put("status", "revoked");
      record(r, "POST /identity/api-keys/{id}/revoke", raw, 200);
      return FakeResponse.json(k);
    }
    if (r.is("GET", "audit")) {
      r.require("identity.audit.read");
      return FakeResponse.page(auditRows(r), r);
    }
    if (r.is("GET", "audit\\.csv")) {
      r.require("identity.audit.read");
      return FakeResponse.text("text/csv; charset=UTF-8", csv(auditRows(r)));
    }
    return null;
  }

  // ------------------------------------------------------------------------------ users

  private FakeResponse listUsers(FakeRequest r) {
    String q = blankToNull(r.query("q"));
    String status = blankToNull(r.query("status"));
    if (status != null && !status.equals("active") && !status.equals("disabled")) {
      throw invalid("status", "must be active or disabled");
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (FakeTenantApi.User u : sorted(r)) {
      Map<String, Object> v = userView(u);
      boolean matches =
          q == null
              || v.values().stream()
                  .anyMatch(x -> x instanceof String s && s.toLowerCase(Locale.ROOT).contains(q));
      if (matches && (status == null || status.equals(u.status))) {
        rows.add(v);
      }
    }
    return FakeResponse.page(rows, r);
  }

  private List<FakeTenantApi.User> sorted(FakeRequest r) {
    List<FakeTenantApi.User> all = new ArrayList<>(fake.users(r.caller().tenant()));
    all.sort(Comparator.comparingLong(FakeTenantApi.User::id));
    return all;
  }

  private Map<String, Object> createUser(FakeRequest r) {
    JsonNode in = r.body();
    String username = text(in, "username");
    String name = text(in, "displayName");
    String phone = text(in, "phone");
    String email = text(in, "email");
    String password = in.path("password").asText(null);
    List<String[]> errors = new ArrayList<>();
    if (username == null) {
      errors.add(new String[] {"username", "is required"});
    } else {
      username = username.toLowerCase(Locale.ROOT);
      if (!USERNAME.matcher(username).matches()) {
        errors.add(
            new String[] {
              "username",
              "must be 2 to 40 letters, digits, dots, dashes or underscores, starting with a letter"
                  + " or digit"
            });
      }
    }
    if (name == null) {
      errors.add(new String[] {"displayName", "is required"});
    }
    if (phone != null && !phone.matches("^\\+?[0-9][0-9 -]{4,19}$")) {
      errors.add(
          new String[] {
            "phone", "must be a phone number: digits, spaces or dashes, optionally after +"
          });
    }
    if (email != null && !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
      errors.add(new String[] {"email", "must be an e-mail address such as li.lei@example.com"});
    }
    if (password == null || password.length() < 10) {
      errors.add(new String[] {"password", "must be at least 10 characters"});
    } else if (password.equalsIgnoreCase(username)) {
      errors.add(new String[] {"password", "must not be the user name"});
    }
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    String wanted = username;
    if (fake.users(r.caller().tenant()).stream().anyMatch(u -> u.username.equals(wanted))) {
      throw new FakeProblem(
          409, "duplicate", "Already exists", "A user named '" + username + "' already exists.");
    }
    FakeTenantApi.User u = fake.staff(r.caller().tenant(), username, password).displayName(name);
    profiles.put(u.id(), new Profile(phone, email, Instant.now()));
    record(r, "POST /identity/users", "", 201);
    return userView(u);
  }

  private FakeResponse userAction(FakeRequest r, FakeTenantApi.User u, String rest) {
    String m = r.method();
    switch (m + " " + rest) {
      case "GET ":
        r.require("identity.user.read");
        return FakeResponse.json(userView(u));
      case "POST disable":
        r.require("identity.user.manage");
        u.status = "disabled";
        fake.endSessions(u);
        record(r, "POST /identity/users/{id}/disable", String.valueOf(u.id()), 200);
        return FakeResponse.json(userView(u));
      case "POST enable":
        r.require("identity.user.manage");
        u.status = "active";
        record(r, "POST /identity/users/{id}/enable", String.valueOf(u.id()), 200);
        return FakeResponse.json(userView(u));
      case "POST sign-out":
        r.require("identity.user.manage");
        fake.endSessions(u);
        record(r, "POST /identity/users/{id}/sign-out", String.valueOf(u.id()), 204);
        return FakeResponse.noContent();
      case "DELETE totp":
        r.require("identity.user.manage");
        u.totpOn = false;
        u.totpSecret = null;
        record(r, "DELETE /identity/users/{id}/totp", String.valueOf(u.id()), 204);
        return FakeResponse.noContent();
      case "GET grants":
        r.require("identity.role.read");
        return FakeResponse.json(u.grants.stream().map(g -> grantView(u, g)).toList());
      case "POST grants":
        r.require("identity.grant.manage");
        return created(r, addGrant(r, u));
      default:
        break;
    }
    if (m.equals("DELETE") && rest.matches("grants/\\d+")) {
      r.require("identity.grant.manage");
      long id = Long.parseLong(rest.substring("grants/".length()));
      boolean removed = u.grants.removeIf(g -> meta(g).id() == id);
      if (!removed) {
        throw notFound("Grant", id);
      }
      record(r, "DELETE /identity/users/{id}/grants/{grant}", u.id() + "," + id, 204);
      return FakeResponse.noContent();
    }
    return null;
  }

  private Map<String, Object> addGrant(FakeRequest r, FakeTenantApi.User u) {
    JsonNode in = r.body();
    String role = text(in, "role");
    String scope = text(in, "scope");
    List<Long> ids = new ArrayList<>();
    in.path("ids").forEach(n -> ids.add(n.asLong()));
    List<String[]> errors = new ArrayList<>();
    if (role == null) {
      errors.add(new String[] {"role", "is required"});
    }
    scopeErrors(scope, ids, errors);
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    if (!fake.roles().containsKey(role)) {
      throw invalid("role", "is not a role of this company: '" + role + "'");
    }
    FakeTenantApi.Grant g =
        new FakeTenantApi.Grant(role, scope, List.copyOf(new LinkedHashSet<>(ids)));
    u.grants.add(g);
    record(r, "POST /identity/users/{id}/grants", String.valueOf(u.id()), 201);
    return grantView(u, g);
  }

  /** The platform's rules for a scope (Grants.scopeIds): company, or some estates or buildings. */
  private static void scopeErrors(String scope, List<Long> ids, List<String[]> errors) {
    if (scope == null) {
      errors.add(new String[] {"scope", "is required: company, estates or buildings"});
    } else if (scope.equals("company")) {
      if (!ids.isEmpty()) {
        errors.add(new String[] {"ids", "must be empty for the whole company"});
      }
    } else if (scope.equals("estates") || scope.equals("buildings")) {
      if (ids.isEmpty()) {
        errors.add(
            new String[] {
              "ids", "must name at least one " + scope.substring(0, scope.length() - 1)
            });
      } else if (ids.stream().anyMatch(i -> i < 1)) {
        errors.add(new String[] {"ids", "must be positive ids"});
      }
    } else {
      errors.add(new String[] {"scope", "must be company, estates or buildings"});
    }
  }

  private FakeTenantApi.User user(FakeRequest r, String raw) {
    long id;
    try {
      id = Long.parseLong(raw);
    } catch (NumberFormatException e) {
      throw notFound("User", raw);
    }
    return fake.users(r.caller().tenant()).stream()
        .filter(u -> u.id() == id)
        .findFirst()
        .orElseThrow(() -> notFound("User", id));
  }

  private Map<String, Object> userView(FakeTenantApi.User u) {
    Profile p =
        profiles.computeIfAbsent(
            u.id(), k -> new Profile(null, null, Instant.parse("2026-01-01T00:00:00Z")));
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", u.id());
    v.put("username", u.username);
    v.put("displayName", u.displayName);
    v.put("phone", p.phone());
    v.put("email", p.email());
    v.put("status", u.status);
    v.put("version", 1);
    v.put("createdAt", p.createdAt().toString());
    v.put("lastLoginAt", null);
    v.put("totp", u.totpOn);
    return v;
  }

  private GrantMeta meta(FakeTenantApi.Grant g) {
    return grantIds.computeIfAbsent(g, k -> new GrantMeta(nextGrant++, Instant.now()));
  }

  private Map<String, Object> grantView(FakeTenantApi.User u, FakeTenantApi.Grant g) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", meta(g).id());
    v.put("userId", u.id());
    v.put("role", g.role());
    v.put("scope", g.scope());
    v.put("ids", g.ids());
    v.put("createdAt", meta(g).createdAt().toString());
    return v;
  }

  // ------------------------------------------------------------------------------ API keys

  private Map<String, Object> createApiKey(FakeRequest r) {
    JsonNode in = r.body();
    String name = text(in, "name");
    String role = text(in, "role");
    String scope = text(in, "scope");
    List<Long> ids = new ArrayList<>();
    in.path("ids").forEach(n -> ids.add(n.asLong()));
    List<String[]> errors = new ArrayList<>();
    if (name == null) {
      errors.add(new String[] {"name", "is required"});
    }
    if (role == null) {
      errors.add(new String[] {"role", "is required"});
    }
    scopeErrors(scope, ids, errors);
    Instant expires = null;
    if (in.hasNonNull("expiresAt")) {
      expires = Instant.parse(in.path("expiresAt").asText());
      if (!expires.isAfter(Instant.now())) {
        errors.add(new String[] {"expiresAt", "must be in the future"});
      }
    }
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    if (!fake.roles().containsKey(role)) {
      throw invalid("role", "is not a role of this company: '" + role + "'");
    }
    String keyId = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Map<String, Object> k = new LinkedHashMap<>();
    k.put("id", (long) apiKeys.size() + 1);
    k.put("name", name);
    k.put("keyId", keyId);
    k.put("role", role);
    k.put("scope", scope);
    k.put("ids", ids);
    k.put("status", "active");
    k.put("expiresAt", expires == null ? null : expires.toString());
    k.put("createdAt", Instant.now().toString());
    k.put("lastUsedAt", null);
    k.put("key", null);
    apiKeys.add(k);
    record(r, "POST /identity/api-keys", "", 201);
    Map<String, Object> answer = new LinkedHashMap<>(k);
    answer.put(
        "key",
        "cyk_"
            + r.caller().tenant()
            + "_"
            + keyId
            + "_"
            + UUID.randomUUID().toString().replace("-", ""));
    return answer;
  }

  // ------------------------------------------------------------------------------ roles

  private Map<String, Object> createRole(FakeRequest r) {
    JsonNode in = r.body();
    String code = text(in, "code");
    List<String[]> errors = new ArrayList<>();
    if (code == null) {
      errors.add(new String[] {"code", "is required"});
    } else if (!ROLE_CODE.matcher(code).matches()) {
      errors.add(
          new String[] {"code", "must be 2 to 40 lower-case letters, digits or underscores"});
    }
    String en = text(in, "nameEn");
    String zh = text(in, "nameZh");
    names(en, zh, errors);
    List<String> perms = permissions(in.path("permissions"), errors);
    if (!errors.isEmpty()) {
      throw invalid(errors);
    }
    if (roles.containsKey(code)) {
      throw new FakeProblem(
          409, "duplicate", "Already exists", "A role with code '" + code + "' already exists.");
    }
    RoleMeta m = new RoleMeta(nextRole++, code, en, zh, false);
    roles.put(code, m);
    fake.roles().put(code, perms);
    record(r, "POST /identity/roles", "", 201);
    return roleView(m);
  }

  private FakeResponse roleAction(FakeRequest r, RoleMeta m) {
    switch (r.method()) {
      case "GET":
        r.require("identity.role.read");
        return FakeResponse.json(roleView(m));
      case "PUT":
        r.require("identity.role.manage");
        JsonNode in = r.body();
        List<String[]> errors = new ArrayList<>();
        String en = text(in, "nameEn");
        String zh = text(in, "nameZh");
        names(en, zh, errors);
        List<String> perms = permissions(in.path("permissions"), errors);
        if (!in.hasNonNull("version")) {
          errors.add(new String[] {"version", "is required"});
        }
        if (!errors.isEmpty()) {
          throw invalid(errors);
        }
        int sent = in.path("version").asInt();
        if (sent != m.version) {
          throw new FakeProblem(
              409,
              "stale-version",
              "Stale version",
              "Role "
                  + m.id
                  + " is at version "
                  + m.version
                  + ", the change was made to version "
                  + sent
                  + ": reload it and apply the change again.");
        }
        m.nameEn = en;
        m.nameZh = zh;
        m.version++;
        fake.roles().put(m.code, perms);
        record(r, "PUT /identity/roles/{id}", String.valueOf(m.id), 200);
        return FakeResponse.json(roleView(m));
      case "DELETE":
        r.require("identity.role.manage");
        long holders =
            fake.users(r.caller().tenant()).stream()
                .flatMap(u -> u.grants.stream())
                .filter(g -> g.role().equals(m.code))
                .count();
        if (holders > 0) {
          throw new FakeProblem(
              409,
              "role-in-use",
              "Role in use",
              "Role " + m.id + " is granted " + holders + " time(s). Take the grants back first.");
        }
        roles.remove(m.code);
        fake.roles().remove(m.code);
        record(r, "DELETE /identity/roles/{id}", String.valueOf(m.id), 204);
        return FakeResponse.noContent();
      default:
        return null;
    }
  }

  private RoleMeta role(String raw) {
    return roles.values().stream()
        .filter(m -> String.valueOf(m.id).equals(raw))
        .findFirst()
        .orElseThrow(() -> notFound("Role", raw));
  }

  private Map<String, Object> roleView(RoleMeta m) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", m.id);
    v.put("code", m.code);
    v.put("nameEn", m.nameEn);
    v.put("nameZh", m.nameZh);
    v.put("template", m.template);
    v.put("permissions", fake.roles().getOrDefault(m.code, List.of()).stream().sorted().toList());
    v.put("version", m.version);
    return v;
  }

  private static void names(String en, String zh, List<String[]> errors) {
    if (en == null) {
      errors.add(new String[] {"nameEn", "is required"});
    }
    if (zh == null) {
      errors.add(new String[] {"nameZh", "is required"});
    }
  }

  private List<String> permissions(JsonNode raw, List<String[]> errors) {
    List<String> out = new ArrayList<>();
    if (!raw.isArray() || raw.isEmpty()) {
      errors.add(new String[] {"permissions", "must name at least one permission"});
      return out;
    }
    for (int i = 0; i < raw.size(); i++) {
      String p = raw.get(i).asText("").strip();
      boolean known =
          !p.isEmpty() && fake.catalog().stream().anyMatch(c -> FakeTenantApi.matches(p, c));
      if (!known) {
        errors.add(
            new String[] {
              "permissions[" + i + "]",
              "is not a known permission or a pattern matching one: '" + p + "'"
            });
      } else if (!out.contains(p)) {
        out.add(p);
      }
    }
    return out;
  }

  private static Map<String, Object> permission(String id) {
    String[] t = TITLES.getOrDefault(id, new String[] {id, id});
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", id);
    v.put("module", id.substring(0, id.indexOf('.')));
    v.put("titleEn", t[0]);
    v.put("titleZh", t[1]);
    v.put("movesMoney", id.startsWith("billing.payment."));
    v.put(
        "opensDoors",
        id.equals("devices.device.command")
            || id.startsWith("security.door.")
            || id.equals("security.credential.issue"));
    return v;
  }

  // ------------------------------------------------------------------------------ audit

  private List<Map<String, Object>> auditRows(FakeRequest r) {
    String who = blankToNull(r.query("who"));
    String op = blankToNull(r.query("operation"));
    String object = blankToNull(r.query("object"));
    Instant from = instant("from", r.query("from"));
    Instant to = instant("to", r.query("to"));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (int i = audit.size() - 1; i >= 0; i--) {
      Map<String, Object> a = audit.get(i);
      Instant at = Instant.parse(a.get("at").toString());
      boolean keep =
          (who == null || who.equals(a.get("principalName")) || who.equals(a.get("principalId")))
              && (op == null || a.get("operation").toString().contains(op))
              && (object == null
                  || (a.get("objectIds") != null
                      && List.of(a.get("objectIds").toString().split(",")).contains(object)))
              && (from == null || !at.isBefore(from))
              && (to == null || at.isBefore(to));
      if (keep) {
        rows.add(a);
      }
    }
    return rows;
  }

  private static String csv(List<Map<String, Object>> rows) {
    StringBuilder s = new StringBuilder("\ufeff");
    s.append(
        "id,at,principal_kind,principal_id,principal_name,operation,permission,object_ids,"
            + "summary,source,request_id,outcome\r\n");
    String[] keys = {
      "id",
      "at",
      "principalKind",
      "principalId",
      "principalName",
      "operation",
      "permission",
      "objectIds",
      "summary",
      "source",
      "requestId",
      "outcome"
    };
    for (Map<String, Object> row : rows) {
      for (int i = 0; i < keys.length; i++) {
        if (i > 0) {
          s.append(',');
        }
        Object v = row.get(keys[i]);
        String cell = v == null ? "" : v.toString();
        if (cell.contains(",") || cell.contains("\"")) {
          cell = "\"" + cell.replace("\"", "\"\"") + "\"";
        }
        s.append(cell);
      }
      s.append("\r\n");
    }
    return s.toString();
  }

  /** The row the platform's audit filter writes: the operation's path template, its ids. */
  private void record(FakeRequest r, String operation, String objects, int status) {
    audit(r.caller().username(), operation, objects, Instant.now());
    Map<String, Object> row = audit.get(audit.size() - 1);
    row.put("principalId", String.valueOf(r.caller().userId()));
    row.put("outcome", "ok " + status);
  }

  private static Instant instant(String name, String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(raw.strip());
    } catch (DateTimeParseException e) {
      throw invalid(name, "must be an instant such as 2026-12-01T00:00:00Z");
    }
  }

  // ------------------------------------------------------------------------------ helpers

  private static FakeResponse created(FakeRequest r, Map<String, Object> body) {
    return FakeResponse.json(201, body);
  }

  private static String text(JsonNode in, String field) {
    String v = in.path(field).asText(null);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static FakeProblem notFound(String label, Object id) {
    return new FakeProblem(404, "not-found", "Not found", label + " " + id + " not found.");
  }

  private static FakeProblem invalid(String field, String message) {
    List<String[]> one = new ArrayList<>();
    one.add(new String[] {field, message});
    return invalid(one);
  }

  private static FakeProblem invalid(List<String[]> errors) {
    StringBuilder detail = new StringBuilder();
    for (String[] e : errors) {
      if (detail.length() > 0) {
        detail.append("; ");
      }
      detail.append(e[0]).append(' ').append(e[1]);
    }
    return new FakeProblem(422, "validation-failed", "Invalid input", detail + ".");
  }

  /** A staff member's id, for tests. */
  public long userId(String tenant, String username) {
    return fake.users(tenant).stream()
        .filter(u -> u.username.equals(username))
        .findFirst()
        .orElseThrow()
        .id();
  }
}
