package org.courtyard.itests;

import static org.courtyard.itests.Http.map;
import static org.junit.Assert.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Every operation of the served OpenAPI document, called at its edges. Two tenants with every
 * module hold data; tenant B holds more of everything, so B has ids tenant A does not. Then, for
 * each tenant operation the document lists: A calls it with B's ids (never 2xx, never B's data in a
 * body), with path and query values of the wrong type, with malformed, hostile and oversized
 * bodies, wrong content types and unusable Accept headers: never 5xx, every refusal problem+json.
 * Every operator operation is called with a tenant token (401 or 403). At the end, B's records are
 * all still there.
 *
 * <p>Nothing here names an operation: a module added later is swept as soon as it is in the
 * document. Only the seed data (some records per module, created through the API) is written per
 * module; a module without seed data still gets every check except the cross-tenant ids.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ApiSweepIT {

  private static final String MARK_A = "Alphamark";
  private static final String MARK_B = "Zetamark";

  /** A JSON body just over the default 1 MiB limit. */
  private static final int OVERSIZED_JSON = 1024 * 1024 + 1;

  /** Over every upload limit (CSV imports 5 MiB, driver jars 20 MiB). */
  private static final int OVERSIZED_UPLOAD = 21 * 1024 * 1024;

  @Configuration
  public Option[] config() {
    return CourtyardContainer.options();
  }

  @Test
  public void everyOperationOfTheDocumentHoldsItsEdges() throws Exception {
    Http anonymous = Http.anonymous(CourtyardContainer.httpPort());
    Http operator = anonymous.operator(CourtyardContainer.operatorPassword());
    Sweep sweep = new Sweep(anonymous, operator, "");
    sweep.run();
    System.out.println(sweep.summary());
    assertTrue(sweep.report(), sweep.violations.isEmpty());
    assertTrue(
        "the sweep reached too few operations with the other tenant's ids: " + sweep.summary(),
        sweep.crossTenantOperations >= 20);
    assertTrue(
        "the sweep audited too few state-changing operations: " + sweep.auditedOperations,
        sweep.auditedOperations >= 40);
  }

  /**
   * Issue #11's data scopes: in one tenant with two estates, a staff user holding every permission
   * but only in estate A calls every operation with estate B's ids and never gets a success or any
   * of B's data, and no list of theirs shows B's rows.
   */
  @Test
  public void aUserScopedToOneEstateNeverReachesAnother() throws Exception {
    Http anonymous = Http.anonymous(CourtyardContainer.httpPort());
    Http operator = anonymous.operator(CourtyardContainer.operatorPassword());
    Sweep sweep = new Sweep(anonymous, operator, "");
    sweep.runScoped();
    System.out.println("scoped: " + sweep.summary());
    assertTrue(sweep.report(), sweep.violations.isEmpty());
    assertTrue(
        "the scoped sweep reached too few operations with the other estate's ids: "
            + sweep.summary(),
        sweep.crossTenantOperations >= 15);
  }

  /** The sweep itself; {@code suffix} keeps tenant slugs apart when run twice on one database. */
  static final class Sweep {
    final Http anonymous;
    final Http operator;
    final String suffix;
    final List<String> violations = new ArrayList<>();
    final Map<String, Integer> calls = new TreeMap<>();
    final Set<String> uncovered = new TreeSet<>();
    int crossTenantOperations;
    int auditedOperations;
    private Http a;
    private Http b;
    private final Harvest harvestA = new Harvest();
    private final Harvest harvestB = new Harvest();

    /** Each tenant client's resident, who calls the residents' own operations in its place. */
    private final Map<Http, Http> residents = new java.util.IdentityHashMap<>();

    Sweep(Http anonymous, Http operator, String suffix) {
      this.anonymous = anonymous;
      this.operator = operator;
      this.suffix = suffix;
    }

    void run() throws Exception {
      List<String> modules = new ArrayList<>();
      for (JsonNode m : operator.get("/operator/modules").json) {
        modules.add(m.path("id").asText());
      }
      a = anonymous.tenant(operator.onboard("sweep_a" + suffix, modules));
      b = anonymous.tenant(operator.onboard("sweep_b" + suffix, modules));
      List<Operation> ops = Operation.all(anonymous.get("/openapi.json").json);
      Set<String> paths = new LinkedHashSet<>();
      ops.forEach(o -> paths.add(o.path));
      Seed seedA = new Seed(a, MARK_A, 1, paths, harvestA, violations);
      seedA.run();
      Seed seedB = new Seed(b, MARK_B, 3, paths, harvestB, violations);
      seedB.run();
      if (seedA.resident != null && seedB.resident != null) {
        residents.put(a, seedA.resident);
        residents.put(b, seedB.resident);
      }
      for (Operation op : ops) {
        if (op.tenant() && op.method.equals("get") && op.pathParams().isEmpty()) {
          harvest(a, op, harvestA);
          harvest(b, op, harvestB);
        }
      }
      // residents' own writes first: later checks disable resident accounts among A's records
      for (Operation op : ops) {
        if (op.tenant() && op.forResidents() && !op.method.equals("get")) {
          oneAuditRowPerChange(op);
        }
      }
      Map<String, Set<String>> before = collections(b, ops);
      // first, while both tenants' records are as harvested: A with B's ids
      for (Operation op : ops) {
        if (op.tenant()) {
          crossTenant(op);
        }
      }
      for (Operation op : ops) {
        if (op.tenant()) {
          wrongPathValues(op);
          wrongQueryValues(op);
          bodies(op);
          accept(op);
        }
      }
      Map<String, Set<String>> after = collections(b, ops);
      before.forEach(
          (path, ids) -> {
            Set<String> now = after.getOrDefault(path, Set.of());
            if (!now.containsAll(ids)) {
              Set<String> gone = new TreeSet<>(ids);
              gone.removeAll(now);
              violations.add("tenant B lost records of " + path + " during the sweep: " + gone);
            }
          });
      for (Operation op : ops) {
        if (op.tenant() && !op.forResidents() && !op.method.equals("get")) {
          oneAuditRowPerChange(op);
        }
      }
      // last: failed credentials may be throttled, which must not disturb the checks above
      for (Operation op : ops) {
        if (op.tenant()) {
          operatorCredentialRefused(op);
        } else if (op.operator()) {
          tenantTokenRefused(op);
        }
      }
    }

    /**
     * One tenant, estate A seeded with everything, estate B with what belongs to an estate (no
     * company-wide records such as fee items, whose names anyone in the company may read); A is the
     * scoped user, B the owner.
     */
    void runScoped() throws Exception {
      List<String> modules = new ArrayList<>();
      for (JsonNode m : operator.get("/operator/modules").json) {
        modules.add(m.path("id").asText());
      }
      String slug = "scope_t" + suffix;
      Http owner = anonymous.tenant(operator.onboard(slug, modules));
      List<Operation> ops = Operation.all(anonymous.get("/openapi.json").json);
      Set<String> paths = new LinkedHashSet<>();
      ops.forEach(o -> paths.add(o.path));
      new Seed(owner, MARK_A, 1, paths, new Harvest(), violations).run();
      Set<String> estateBound = new LinkedHashSet<>(paths);
      estateBound.removeAll(
          Set.of(
              "/billing/fee-items",
              "/billing/runs",
              "/devices/devices",
              "/security/credentials",
              "/security/patrol/routes",
              "/security/patrol/schedule",
              "/template/notes",
              "/workorders/categories",
              "/identity/users",
              "/identity/roles",
              "/identity/api-keys"));
      new Seed(owner, MARK_B, 2, estateBound, new Harvest(), violations).run();
      long estateA = -1;
      for (JsonNode e : owner.get("/estate/estates?limit=500").json.path("items")) {
        if (e.path("code").asText().equals(MARK_A + "E1")) {
          estateA = e.path("id").asLong();
        }
      }
      a = owner.staff(slug, "scoped", "administrator", "estates", estateA);
      b = owner;
      for (Operation op : ops) {
        if (op.tenant() && op.method.equals("get") && op.pathParams().isEmpty()) {
          harvest(a, op, harvestA);
          harvest(b, op, harvestB);
        }
      }
      for (Operation op : ops) {
        if (op.tenant()) {
          crossTenant(op);
        }
      }
    }

    // ---------------------------------------------------------------------------- the checks

    /** A with B's ids: never a success, never B's data. */
    private void crossTenant(Operation op) throws Exception {
      if (op.pathParams().isEmpty()) {
        if (op.method.equals("get")) {
          // lists and reports: filtered by B's ids where a query parameter takes one
          Map<String, String> query = new LinkedHashMap<>();
          for (JsonNode p : op.queryParams()) {
            String name = p.path("name").asText();
            List<String> others = bOnly(name, null);
            if (!others.isEmpty()) {
              query.put(name, others.get(0));
            }
          }
          Result r = call(a, op, op.path, query, null, null, Map.of(), "cross-tenant query");
          if (op.path.startsWith("/identity/audit")) {
            // A's audit log holds what A itself sent, B's values it tried included
            expect(r, r.status < 500, "no 5xx");
            return;
          }
          expect(r, r.status < 500 && !leaks(r, query.values()), "A's answer holds nothing of B");
        }
        return;
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (JsonNode p : op.pathParams()) {
        String name = p.path("name").asText();
        List<String> others = bOnly(name, op.collectionOf(name));
        if (others.isEmpty()) {
          uncovered.add(op.key());
          return;
        }
        values.put(name, others.get(others.size() - 1));
      }
      crossTenantOperations++;
      byte[] body = op.jsonBody() ? plausibleBody(op) : op.csvBody() ? csv() : null;
      Result r =
          call(a, op, op.fill(values), Map.of(), op.bodyType(), body, Map.of(), "B's ids as A");
      expect(
          r,
          (r.status == 404 || r.status == 400 || r.status == 409 || r.status == 422)
              && r.problem()
              && !leaks(r, values.values()),
          "4xx problem+json without B's data (404 for B's record)");
    }

    /**
     * A state-changing call, answered however it is (done, refused, invalid), leaves exactly one
     * row in the tenant's audit log, naming the operation and the caller.
     */
    private void oneAuditRowPerChange(Operation op) throws Exception {
      long before = newestAuditId();
      byte[] body = op.jsonBody() ? plausibleBody(op) : op.csvBody() ? csv() : null;
      Result r =
          call(a, op, op.fill(ownValues(op)), Map.of(), op.bodyType(), body, Map.of(), "audited");
      if (r.status == 401 || r.status < 0) {
        violations.add(op.key() + ": the audit check could not reach the operation: " + r);
        return;
      }
      Http.Reply rows = a.get("/identity/audit?limit=20");
      int added = 0;
      String operations = "";
      for (JsonNode row : rows.json.path("items")) {
        if (row.path("id").asLong() > before) {
          added++;
          operations += row.path("operation").asText() + " (" + row.path("outcome").asText() + ") ";
        }
      }
      String expected = op.method.toUpperCase(Locale.ROOT) + " " + op.path;
      if (added != 1 || !operations.startsWith(expected + " ")) {
        violations.add(
            op.key()
                + " answered "
                + r.status
                + " and left "
                + added
                + " audit row(s), expected exactly one for "
                + expected
                + ": "
                + operations);
      }
      auditedOperations++;
    }

    private long newestAuditId() throws Exception {
      Http.Reply rows = a.get("/identity/audit?limit=1");
      JsonNode items = rows.json.path("items");
      return items.size() == 0 ? 0 : items.get(0).path("id").asLong();
    }

    /** Path values of the wrong type or out of range: 400 or 404, problem+json. */
    private void wrongPathValues(Operation op) throws Exception {
      for (JsonNode p : op.pathParams()) {
        String name = p.path("name").asText();
        List<String> bad = new ArrayList<>();
        if ("integer".equals(p.path("schema").path("type").asText())) {
          bad.addAll(List.of("abc", "99999999999999999999", "1.5", "-1", "0", "%20", "1e3"));
        } else {
          bad.addAll(
              List.of(
                  "no-such-" + UUID.randomUUID(),
                  "x".repeat(300),
                  enc("' or '1'='1"),
                  enc("\u5f20\u00e9\u202e"),
                  "%C0%AF"));
        }
        for (String value : bad) {
          Map<String, String> values = new LinkedHashMap<>();
          for (JsonNode q : op.pathParams()) {
            String other = q.path("name").asText();
            values.put(other, other.equals(name) ? value : ownValue(other, op));
          }
          byte[] body = op.jsonBody() ? plausibleBody(op) : op.csvBody() ? csv() : null;
          Result r =
              call(
                  a,
                  op,
                  op.fill(values),
                  Map.of(),
                  op.bodyType(),
                  body,
                  Map.of(),
                  name + "=" + value);
          expect(
              r,
              (r.status == 400 || r.status == 404 || r.status == 422 || r.status == 409)
                  && r.problem(),
              "400 or 404 problem+json");
        }
      }
    }

    /** Query values of any type: never 5xx; a refusal is problem+json. */
    private void wrongQueryValues(Operation op) throws Exception {
      String path = op.fill(ownValues(op));
      for (JsonNode p : op.queryParams()) {
        String name = p.path("name").asText();
        for (String value :
            List.of(
                "abc",
                "99999999999999999999",
                "-1",
                "0",
                "1.5",
                "%00",
                "x".repeat(2000),
                "2026-13-45",
                "1E-500000000",
                enc("' or '1'='1"),
                "")) {
          Result r =
              call(
                  a,
                  op,
                  path,
                  Map.of(name, value),
                  op.bodyType(),
                  null,
                  Map.of(),
                  name + "=" + value);
          expect(
              r,
              r.status < 500 && (r.status < 400 || r.problem()),
              "no 5xx; refusals problem+json");
        }
      }
    }

    /** Malformed, hostile, oversized bodies and wrong content types. */
    private void bodies(Operation op) throws Exception {
      if (!(op.method.equals("post") || op.method.equals("put"))) {
        return;
      }
      String path = op.fill(ownValues(op));
      // every POST and PUT: a body over its limit is refused by its declared length, unsent
      String type = op.bodyType() == null ? "application/json" : op.bodyType();
      long length = op.csvBody() ? OVERSIZED_UPLOAD : OVERSIZED_JSON;
      Result big =
          wire(
              a,
              op,
              "declared oversized body",
              path,
              Map.of(
                  "Content-Type",
                  type,
                  "Content-Length",
                  String.valueOf(length),
                  "Expect",
                  "100-continue"),
              null);
      expect(big, big.status == 413 && big.problem(), "413 problem+json");
      if (op.jsonBody()) {
        // without a declared length: cut off while it is read
        byte[] chunk =
            utf8(
                "{\""
                    + op.bodyFields().stream().findFirst().orElse("x")
                    + "\":\""
                    + "x".repeat(OVERSIZED_JSON)
                    + "\"}");
        byte[] chunked =
            concat(utf8(Integer.toHexString(chunk.length) + "\r\n"), chunk, utf8("\r\n0\r\n\r\n"));
        Result streamed =
            wire(
                a,
                op,
                "chunked oversized body",
                path,
                Map.of("Content-Type", "application/json", "Transfer-Encoding", "chunked"),
                chunked);
        expect(streamed, streamed.status == 413 && streamed.problem(), "413 problem+json");
      }
      if (op.jsonBody()) {
        // a JSON body just under the limit is read; one over it is refused while reading
        for (String broken :
            List.of(
                "{\"broken\":",
                "[1,2]",
                "\"text\"",
                "123",
                "{\"zz_no_such_field\":1}",
                "[".repeat(5000),
                "{\"a\":" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3001),
                "\u0000",
                "{'single':'quotes'}")) {
          Result r =
              call(a, op, path, Map.of(), "application/json", utf8(broken), Map.of(), "malformed");
          expect(r, r.status >= 400 && r.status < 500 && r.problem(), "4xx problem+json");
        }
        for (String field : op.bodyFields()) {
          for (Object wrong : List.of(List.of(List.of()), map("nested", map("deeper", 1)))) {
            Map<String, Object> body = new LinkedHashMap<>(plausibleFields(op));
            body.put(field, wrong);
            Result r =
                call(
                    a,
                    op,
                    path,
                    Map.of(),
                    "application/json",
                    utf8(Http.JSON.writeValueAsString(body)),
                    Map.of(),
                    field + " of the wrong type");
            expect(r, r.status >= 400 && r.status < 500 && r.problem(), "4xx problem+json");
          }
          for (String hostile :
              List.of(
                  "\"a\\u0000b\"",
                  "1E+400",
                  "99999999999999999999999999",
                  "-1",
                  "\"" + "x".repeat(100_000) + "\"")) {
            String json = Http.JSON.writeValueAsString(plausibleFields(op));
            ObjectNode node = (ObjectNode) Http.JSON.readTree(json);
            node.set(field, Http.JSON.readTree(hostile));
            Result r =
                call(
                    a,
                    op,
                    path,
                    Map.of(),
                    "application/json",
                    utf8(node.toString()),
                    Map.of(),
                    field + "=" + (hostile.length() > 30 ? hostile.substring(0, 30) : hostile));
            expect(r, r.status < 500 && (r.status < 400 || r.problem()), "no 5xx");
          }
        }
        byte[] json = utf8(Http.JSON.writeValueAsString(plausibleFields(op)));
        for (String wrong : List.of("text/plain", "application/xml", "text/csv", "foo", ";;")) {
          Result r = call(a, op, path, Map.of(), wrong, json, Map.of(), "Content-Type " + wrong);
          expect(r, r.status == 415 && r.problem(), "415 problem+json");
        }
      } else if (op.csvBody()) {
        for (String csv :
            List.of("", "\u0000\u0001\u0002", "a,b\n\"unclosed", "x\n".repeat(10_000), "\ufeff")) {
          Result r = call(a, op, path, Map.of(), op.bodyType(), utf8(csv), Map.of(), "bad csv");
          expect(r, r.status >= 400 && r.status < 500 && r.problem(), "4xx problem+json");
        }
        Result r =
            call(a, op, path, Map.of(), "application/json", utf8("{}"), Map.of(), "JSON for CSV");
        expect(r, r.status == 415 && r.problem(), "415 problem+json");
      }
    }

    /** Accept headers nothing here can satisfy: 406 problem+json. */
    private void accept(Operation op) throws Exception {
      if (!op.method.equals("get")) {
        return;
      }
      String path = op.fill(ownValues(op));
      for (String accept : List.of("application/xml", "image/png", "???")) {
        if (op.downloads(accept)) {
          continue; // a photo download answers image/png: that Accept is satisfied
        }
        Result r = call(a, op, path, Map.of(), null, null, Map.of("Accept", accept), accept);
        expect(r, r.status == 406 && r.problem(), "406 problem+json");
      }
    }

    /** Tenant operations refuse the operator's credential. */
    private void operatorCredentialRefused(Operation op) throws Exception {
      Result r =
          call(
              operator,
              op,
              op.fill(ownValues(op)),
              Map.of(),
              op.bodyType(),
              op.jsonBody() ? utf8("{}") : null,
              Map.of(),
              "operator credential");
      expect(r, refused(r), "401/403 (or 429 once throttled) problem+json");
    }

    private static boolean refused(Result r) {
      return (r.status == 401 || r.status == 403 || r.status == 429) && r.problem();
    }

    /** Operator operations refuse a tenant token and no credential at all. */
    private void tenantTokenRefused(Operation op) throws Exception {
      Map<String, String> values = new LinkedHashMap<>();
      for (JsonNode p : op.pathParams()) {
        String name = p.path("name").asText();
        values.put(
            name,
            switch (name) {
              case "slug" -> "sweep_b" + suffix;
              case "module" -> "estate";
              case "sha256" -> "0".repeat(64);
              default -> "1";
            });
      }
      String path = op.fill(values);
      byte[] body = op.jsonBody() ? utf8("{\"reason\":\"sweep\",\"sha256\":\"00\"}") : null;
      for (Http caller : List.of(a, anonymous)) {
        Result r =
            call(caller, op, path, Map.of(), op.bodyType(), body, Map.of(), "not the operator");
        expect(r, refused(r), "401/403 (or 429 once throttled) problem+json");
      }
    }

    // ------------------------------------------------------------------------- the data

    /** Values of what B holds and A does not, for a parameter. */
    private List<String> bOnly(String param, String collection) {
      Set<String> others = harvestB.values(param, collection);
      others.removeAll(harvestA.values(param, collection));
      return new ArrayList<>(others);
    }

    /** A value of A's own for a path parameter, so that a check reaches the operation itself. */
    private String ownValue(String param, Operation op) {
      Set<String> own = harvestA.values(param, op.collectionOf(param));
      return own.isEmpty() ? "1" : enc(own.iterator().next());
    }

    private Map<String, String> ownValues(Operation op) {
      Map<String, String> values = new LinkedHashMap<>();
      for (JsonNode p : op.pathParams()) {
        String name = p.path("name").asText();
        values.put(name, ownValue(name, op));
      }
      return values;
    }

    private void harvest(Http client, Operation op, Harvest into) throws Exception {
      Http tenant = as(client, op);
      Http.Reply r = tenant.get(op.path + "?limit=500");
      if (r.status == 400) {
        r = tenant.get(op.path);
      }
      if (r.status == 200 && r.json != null) {
        into.add(op.path, r.json);
      }
    }

    /** Ids per listable collection, to tell that B lost nothing. */
    private Map<String, Set<String>> collections(Http tenant, List<Operation> ops)
        throws Exception {
      Map<String, Set<String>> result = new TreeMap<>();
      for (Operation op : ops) {
        if (op.tenant() && op.method.equals("get") && op.pathParams().isEmpty()) {
          Harvest h = new Harvest();
          harvest(tenant, op, h);
          Set<String> ids = h.byCollection.get(op.path);
          if (ids != null && !ids.isEmpty()) {
            result.put(op.path, ids);
          }
        }
      }
      return result;
    }

    /** A body with the fields of the request schema, taken from one of B's records where it can. */
    private byte[] plausibleBody(Operation op) throws Exception {
      return utf8(Http.JSON.writeValueAsString(plausibleFields(op)));
    }

    private Map<String, Object> plausibleFields(Operation op) {
      Map<String, Object> body = new LinkedHashMap<>();
      for (String field : op.bodyFields()) {
        JsonNode schema = op.bodyField(field);
        String type = schema.path("type").asText();
        Set<String> known = harvestA.values(field, null);
        if (!known.isEmpty() && field.endsWith("Id")) {
          body.put(field, known.iterator().next());
        } else if (schema.has("enum")) {
          body.put(field, schema.path("enum").get(0).asText());
        } else if (type.equals("integer")) {
          body.put(field, 1);
        } else if (type.equals("number")) {
          body.put(field, 1.5);
        } else if (type.equals("boolean")) {
          body.put(field, false);
        } else if (type.equals("array")) {
          body.put(field, List.of());
        } else if (type.equals("string") && "date".equals(schema.path("format").asText())) {
          body.put(field, "2026-01-01");
        } else if (type.equals("string") && "date-time".equals(schema.path("format").asText())) {
          body.put(field, "2026-01-01T00:00:00Z");
        } else if (type.equals("string")) {
          body.put(field, "sweep");
        }
      }
      return body;
    }

    private static byte[] csv() {
      return utf8("unit,number,floor,area,type\n");
    }

    /** B's marker in an answer to A, other than in the values A sent (echoed in problems). */
    private static boolean leaks(Result r, java.util.Collection<String> sent) {
      if (r.text == null) {
        return false;
      }
      String text = r.text;
      for (String value : sent) {
        text = text.replace(value, "");
      }
      return text.toLowerCase(Locale.ROOT).contains(MARK_B.toLowerCase(Locale.ROOT));
    }

    // ------------------------------------------------------------------------- calls

    /** The client that calls {@code op} for {@code client}: its resident for residents' own. */
    private Http as(Http client, Operation op) {
      Http resident = op.forResidents() ? residents.get(client) : null;
      return resident != null ? resident : client;
    }

    private Result call(
        Http client,
        Operation op,
        String path,
        Map<String, String> query,
        String contentType,
        byte[] body,
        Map<String, String> headers,
        String what)
        throws Exception {
      Http caller = as(client, op);
      StringBuilder uri = new StringBuilder(path);
      char sep = '?';
      for (Map.Entry<String, String> q : query.entrySet()) {
        String value = q.getValue();
        uri.append(sep)
            .append(q.getKey())
            .append('=')
            .append(value.contains("%") ? value : enc(value));
        sep = '&';
      }
      Map<String, String> all = new LinkedHashMap<>(headers);
      if (body != null && contentType != null) {
        all.put("Content-Type", contentType);
      }
      if (op.path.endsWith("/payments") || op.path.endsWith("/refunds")) {
        all.putIfAbsent("Idempotency-Key", "sweep-" + UUID.randomUUID());
      }
      calls.merge(op.key(), 1, Integer::sum);
      boolean large = body != null && body.length > 1024 * 1024;
      try {
        HttpResponse<String> r =
            caller.raw(op.method.toUpperCase(Locale.ROOT), uri.toString(), all, body, large);
        return new Result(
            op,
            what,
            uri.toString(),
            r.statusCode(),
            r.headers().firstValue("Content-Type").orElse(""),
            r.body());
      } catch (java.io.IOException e) {
        return new Result(op, what, uri.toString(), -1, "", e.toString());
      }
    }

    /**
     * A request written on a socket, for what an HTTP client library will not send: a declared
     * length whose body never comes (the answer must come from the headers alone), or a chunked
     * body.
     */
    private Result wire(
        Http caller,
        Operation op,
        String what,
        String path,
        Map<String, String> headers,
        byte[] body)
        throws Exception {
      calls.merge(op.key(), 1, Integer::sum);
      java.net.URI base = java.net.URI.create(caller.base);
      StringBuilder head =
          new StringBuilder(op.method.toUpperCase(Locale.ROOT))
              .append(' ')
              .append(base.getPath())
              .append(path)
              .append(" HTTP/1.1\r\nHost: ")
              .append(base.getHost())
              .append(':')
              .append(base.getPort())
              .append("\r\nConnection: close\r\n");
      if (caller.authorization != null) {
        head.append("Authorization: ").append(caller.authorization).append("\r\n");
      }
      if (op.path.endsWith("/payments") || op.path.endsWith("/refunds")) {
        head.append("Idempotency-Key: sweep-").append(UUID.randomUUID()).append("\r\n");
      }
      headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
      head.append("\r\n");
      try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
        socket.setSoTimeout(10_000);
        java.io.OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
          out.write(body);
        }
        out.flush();
        byte[] answer = socket.getInputStream().readAllBytes();
        return parse(op, what, path, answer);
      } catch (java.io.IOException e) {
        return new Result(op, what, path, -1, "", e.toString());
      }
    }

    private static Result parse(Operation op, String what, String path, byte[] answer) {
      String all = new String(answer, StandardCharsets.UTF_8);
      while (all.startsWith("HTTP/1.1 1")) { // 100 Continue before the answer
        all = all.substring(all.indexOf("\r\n\r\n") + 4);
      }
      int end = all.indexOf("\r\n\r\n");
      if (!all.startsWith("HTTP/1.1 ") || end < 0) {
        return new Result(op, what, path, -1, "", all);
      }
      int status = Integer.parseInt(all.substring(9, 12));
      String contentType = "";
      boolean chunked = false;
      for (String line : all.substring(0, end).split("\r\n")) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-type:")) {
          contentType = line.substring(13).strip();
        }
        chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
      }
      String text = all.substring(end + 4);
      if (chunked) {
        StringBuilder sb = new StringBuilder();
        int at = 0;
        while (at < text.length()) {
          int eol = text.indexOf("\r\n", at);
          int size = Integer.parseInt(text.substring(at, eol).split(";")[0].strip(), 16);
          if (size == 0) {
            break;
          }
          sb.append(text, eol + 2, eol + 2 + size);
          at = eol + 2 + size + 2;
        }
        text = sb.toString();
      }
      return new Result(op, what, path, status, contentType, text);
    }

    private void expect(Result r, boolean ok, String expected) {
      if (!ok) {
        String text = r.text == null ? "" : r.text;
        violations.add(
            r.op.key()
                + " ["
                + r.what
                + "] "
                + (r.uri.length() > 120 ? r.uri.substring(0, 120) + "..." : r.uri)
                + ": expected "
                + expected
                + ", got "
                + r.status
                + " "
                + r.contentType
                + " "
                + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
      }
    }

    String summary() {
      int total = calls.values().stream().mapToInt(Integer::intValue).sum();
      return calls.size()
          + " operations, "
          + total
          + " calls, "
          + crossTenantOperations
          + " called with the other tenant's ids; without ids of the other tenant: "
          + uncovered;
    }

    String report() {
      StringBuilder sb = new StringBuilder(violations.size() + " violations:\n");
      violations.forEach(v -> sb.append("  ").append(v).append('\n'));
      return sb.append(summary()).toString();
    }
  }

  /** One answer of the sweep. */
  static final class Result {
    final Operation op;
    final String what;
    final String uri;
    final int status;
    final String contentType;
    final String text;

    Result(Operation op, String what, String uri, int status, String contentType, String text) {
      this.op = op;
      this.what = what;
      this.uri = uri;
      this.status = status;
      this.contentType = contentType;
      this.text = text;
    }

    boolean problem() {
      if (!contentType.startsWith("application/problem+json")) {
        return false;
      }
      try {
        JsonNode body = Http.JSON.readTree(text);
        return body.path("type").asText().startsWith("urn:courtyard:problem:")
            && body.path("status").asInt() == status;
      } catch (java.io.IOException e) {
        return false;
      }
    }
  }

  /** Ids and *Id values seen in a tenant's answers: by the collection they came from, by field. */
  static final class Harvest {
    final Map<String, Set<String>> byCollection = new TreeMap<>();
    final Map<String, Set<String>> byField = new TreeMap<>();

    void add(String collection, JsonNode answer) {
      JsonNode records = answer.has("items") ? answer.path("items") : answer;
      if (records.isArray()) {
        records.forEach(r -> record(collection, r));
      } else if (records.isObject()) {
        record(collection, records);
      }
      fields(answer);
    }

    private void record(String collection, JsonNode record) {
      if (record.path("id").isValueNode()) {
        byCollection
            .computeIfAbsent(collection, k -> new LinkedHashSet<>())
            .add(record.path("id").asText());
      }
    }

    private void fields(JsonNode node) {
      if (node.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          if (e.getKey().endsWith("Id") && e.getValue().isValueNode() && !e.getValue().isNull()) {
            byField
                .computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>())
                .add(e.getValue().asText());
          }
          fields(e.getValue());
        }
      } else if (node.isArray()) {
        node.forEach(this::fields);
      }
    }

    /**
     * Values for a parameter: the ids of its collection (for {@code {id}}), the values of fields of
     * its name ({@code roomId}) and the ids of the collection it names ({@code rooms}).
     */
    Set<String> values(String param, String collection) {
      Set<String> values = new LinkedHashSet<>();
      if (collection != null && param.equals("id")) {
        values.addAll(byCollection.getOrDefault(collection, Set.of()));
      }
      values.addAll(byField.getOrDefault(param, Set.of()));
      if (param.endsWith("Id") && values.isEmpty()) {
        String noun = param.substring(0, param.length() - 2);
        byCollection.forEach(
            (path, ids) -> {
              String last = path.substring(path.lastIndexOf('/') + 1);
              if (last.equals(noun + "s") || last.equals(noun + "es")) {
                values.addAll(ids);
              }
            });
      }
      return values;
    }
  }

  /** One operation of the OpenAPI document. */
  static final class Operation {
    final String path; // below /api/v1
    final String method;
    final JsonNode spec;
    final JsonNode doc;

    Operation(String path, String method, JsonNode spec, JsonNode doc) {
      this.path = path;
      this.method = method;
      this.spec = spec;
      this.doc = doc;
    }

    static List<Operation> all(JsonNode doc) {
      List<Operation> ops = new ArrayList<>();
      doc.path("paths")
          .fields()
          .forEachRemaining(
              p ->
                  p.getValue()
                      .fields()
                      .forEachRemaining(
                          m ->
                              ops.add(
                                  new Operation(
                                      p.getKey().replaceFirst("^/v1", ""),
                                      m.getKey(),
                                      m.getValue(),
                                      doc))));
      return ops;
    }

    String key() {
      return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    private String security() {
      JsonNode s = spec.path("security");
      return s.isArray() && s.size() > 0 ? s.get(0).fieldNames().next() : "";
    }

    boolean tenant() {
      return security().equals("tenantToken") && !path.equals("/tenant");
    }

    /** Whether a success answers {@code type}, as the document declares it. */
    boolean downloads(String type) {
      for (java.util.Iterator<String> codes = spec.path("responses").fieldNames();
          codes.hasNext(); ) {
        String code = codes.next();
        if (code.startsWith("2") && spec.path("responses").path(code).path("content").has(type)) {
          return true;
        }
      }
      return false;
    }

    /** Whether only a signed-in resident may call it: a {@code <module>.my-...} permission. */
    boolean forResidents() {
      return spec.path("x-courtyard-permission").asText().contains(".my-");
    }

    boolean operator() {
      return security().equals("operator");
    }

    List<JsonNode> params(String in) {
      List<JsonNode> list = new ArrayList<>();
      spec.path("parameters")
          .forEach(
              p -> {
                if (in.equals(p.path("in").asText())) {
                  list.add(p);
                }
              });
      return list;
    }

    List<JsonNode> pathParams() {
      return params("path");
    }

    List<JsonNode> queryParams() {
      return params("query");
    }

    String bodyType() {
      Iterator<String> types = spec.path("requestBody").path("content").fieldNames();
      return types.hasNext() ? types.next() : null;
    }

    boolean jsonBody() {
      return bodyType() != null && bodyType().contains("json");
    }

    boolean csvBody() {
      return bodyType() != null && bodyType().startsWith("text/");
    }

    /** The request schema's properties (refs resolved). */
    JsonNode bodySchema() {
      JsonNode schema =
          spec.path("requestBody").path("content").path(String.valueOf(bodyType())).path("schema");
      return resolve(schema);
    }

    List<String> bodyFields() {
      List<String> fields = new ArrayList<>();
      bodySchema().path("properties").fieldNames().forEachRemaining(fields::add);
      return fields;
    }

    JsonNode bodyField(String field) {
      return resolve(bodySchema().path("properties").path(field));
    }

    private JsonNode resolve(JsonNode schema) {
      String ref = schema.path("$ref").asText("");
      if (ref.startsWith("#/components/schemas/")) {
        return doc.path("components")
            .path("schemas")
            .path(ref.substring("#/components/schemas/".length()));
      }
      return schema;
    }

    /** The collection a path parameter picks from: the path before it. */
    String collectionOf(String param) {
      int at = path.indexOf("/{" + param + "}");
      return at < 0 ? null : path.substring(0, at);
    }

    String fill(Map<String, String> values) {
      String p = path;
      for (Map.Entry<String, String> e : values.entrySet()) {
        p = p.replace("{" + e.getKey() + "}", e.getValue());
      }
      return p;
    }
  }

  /**
   * Records of every module, created through the API with a marker in their texts, so that an
   * answer holding another tenant's data can be recognised. Steps of modules missing from the
   * document are left out.
   */
  static final class Seed {
    private final Http api;

    /** The first resident signed in by the seed, for the residents' own operations. */
    Http resident;

    /** The room of that resident. */
    private Long residentRoom;

    private final String mark;
    private final int copies;
    private final Set<String> paths;
    private final Harvest harvest;
    private final List<String> violations;

    Seed(
        Http api,
        String mark,
        int copies,
        Set<String> paths,
        Harvest harvest,
        List<String> violations) {
      this.api = api;
      this.mark = mark;
      this.copies = copies;
      this.paths = paths;
      this.harvest = harvest;
      this.violations = violations;
    }

    void run() throws Exception {
      String low = mark.toLowerCase(Locale.ROOT);
      for (int i = 1; i <= copies; i++) {
        Long estate =
            create(
                "/estate/estates",
                map(
                    "code",
                    mark + "E" + i,
                    "name",
                    mark + " Estate " + i,
                    "address",
                    mark + " Road " + i));
        Long building =
            estate == null
                ? null
                : create(
                    "/estate/buildings",
                    map(
                        "estateId",
                        estate,
                        "code",
                        "B" + i,
                        "name",
                        mark + " Building " + i,
                        "floors",
                        10));
        Long unit =
            building == null
                ? null
                : create(
                    "/estate/units",
                    map("buildingId", building, "code", "U" + i, "name", mark + " Unit " + i));
        Long room =
            unit == null
                ? null
                : create(
                    "/estate/rooms",
                    map(
                        "unitId",
                        unit,
                        "number",
                        "10" + i,
                        "floor",
                        1,
                        "area",
                        88.5,
                        "type",
                        "residential"));
        Long person =
            create(
                "/residents/persons",
                map(
                    "fullName",
                    mark + " Person " + i,
                    "phone",
                    "137" + (10000000 + i * 1111 + (mark.equals(MARK_A) ? 0 : 5))));
        if (person != null && paths.contains("/identity/residents")) {
          // a resident account, made the way residents make them: signing in with a code
          String tenant = api.get("/auth/me").json.path("tenant").asText();
          String phone = "+86137" + (10000000 + i * 1111 + (mark.equals(MARK_A) ? 0 : 5));
          Http.Reply in = api.residentSignIn(tenant, phone);
          if (in.status != 200) {
            violations.add("seed: resident sign-in of " + phone + " answered " + in);
          } else if (resident == null) {
            resident = api.tenant(in.json.path("accessToken").asText());
          }
        }
        if (person != null && room != null) {
          create(
              "/residents/occupancies",
              map("personId", person, "roomId", room, "role", "owner", "moveIn", "2025-03-01"));
          create(
              "/residents/vehicles",
              map(
                  "personId",
                  person,
                  "plate",
                  (mark.equals(MARK_A) ? "\u7ca4A" : "\u7ca4B") + (12340 + i)));
        }
        Long fee =
            create(
                "/billing/fee-items",
                map(
                    "code",
                    mark.substring(0, 3).toUpperCase(Locale.ROOT) + "F" + i,
                    "name",
                    mark + " Fee " + i,
                    "kind",
                    "fixed",
                    "unitPrice",
                    10,
                    "effectiveFrom",
                    "2020-01-01"));
        if (room != null) {
          create(
              "/billing/meters",
              map(
                  "roomId",
                  room,
                  "type",
                  "water",
                  "serial",
                  mark + "-W-" + i,
                  "installedAt",
                  "2020-01-01"));
          if (fee != null) {
            createWithKey("/billing/payments", map("roomId", room, "amount", 25, "method", "cash"));
          }
        }
        String device = low + "-door-" + i;
        if (create(
                "/devices/devices",
                map(
                    "id",
                    device,
                    "type",
                    "door-controller",
                    "name",
                    mark + " Door " + i,
                    "location",
                    map("kind", "gate", "ref", mark + " Lobby " + i)))
            != null) {
          create(
              "/security/credentials",
              map(
                  "kind",
                  "card",
                  "credential",
                  (mark.equals(MARK_A) ? "0A" : "0B") + "00C" + i,
                  "holder",
                  mark + " Holder " + i,
                  "doors",
                  List.of(device + ":1")));
        }
        create(
            "/security/patrol/routes",
            map(
                "name",
                mark + " Round " + i,
                "checkpoints",
                List.of("TAG-" + mark + i),
                "times",
                List.of("08:00"),
                "roundMinutes",
                30));
        create("/template/notes", map("title", mark + " Note " + i, "priority", 1));
        Long category =
            create(
                "/workorders/categories",
                map(
                    "code",
                    low + "-cat" + i,
                    "nameEn",
                    mark + " Category " + i,
                    "nameZh",
                    mark + " 类别 " + i,
                    "kind",
                    "repair",
                    "responseMinutes",
                    map("normal", 60, "urgent", 30, "emergency", 15),
                    "resolutionMinutes",
                    map("normal", 600, "urgent", 300, "emergency", 150)));
        if (category == null && paths.contains("/workorders/orders")) {
          // a seed without categories of its own reports in a default one
          for (com.fasterxml.jackson.databind.JsonNode k : api.get("/workorders/categories").json) {
            if (k.path("code").asText().equals("plumbing")) {
              category = k.path("id").asLong();
            }
          }
        }
        if (resident != null && residentRoom == null) {
          residentRoom = room;
        }
        if (category != null && residentRoom != null) {
          // the resident's own order, about the room the seed gave them
          record(
              "/workorders/my/orders",
              resident.post(
                  "/workorders/my/orders",
                  map(
                      "categoryId",
                      category,
                      "description",
                      mark + " Drip " + i,
                      "roomId",
                      residentRoom)));
        }
        if (category != null && room != null) {
          create(
              "/workorders/orders",
              map(
                  "categoryId",
                  category,
                  "description",
                  mark + " Leak " + i,
                  "roomId",
                  room,
                  "channel",
                  "phone"));
        }
        Long lot =
            estate == null
                ? null
                : create(
                    "/parking/lots",
                    map(
                        "estateId",
                        estate,
                        "code",
                        mark + "P" + i,
                        "name",
                        mark + " Lot " + i,
                        "location",
                        "underground"));
        if (lot != null && paths.contains("/parking/lots/{id}/tariff")) {
          record(
              "/parking/lots/{id}/tariff",
              api.put(
                  "/parking/lots/" + lot + "/tariff",
                  map(
                      "freeMinutes",
                      15,
                      "firstMinutes",
                      60,
                      "firstPrice",
                      5,
                      "unitMinutes",
                      30,
                      "unitPrice",
                      2,
                      "capPer24h",
                      40)));
        }
        if (lot != null
            && create(
                    "/devices/devices",
                    map(
                        "id",
                        low + "-cam-" + i,
                        "type",
                        "plate-camera",
                        "name",
                        mark + " Camera " + i,
                        "location",
                        map("kind", "gate", "ref", mark + " Gate " + i)))
                != null) {
          create(
              "/parking/gates",
              map(
                  "lotId",
                  lot,
                  "deviceId",
                  low + "-cam-" + i,
                  "lane",
                  "in-1",
                  "direction",
                  "entry",
                  "name",
                  mark + " Entrance " + i));
        }
        if (lot != null) {
          Long rented =
              create("/parking/spaces", map("lotId", lot, "number", "R" + i, "kind", "rented"));
          Long visitor =
              create("/parking/spaces", map("lotId", lot, "number", "V" + i, "kind", "visitor"));
          Long owned =
              create("/parking/spaces", map("lotId", lot, "number", "O" + i, "kind", "owned"));
          if (owned != null && paths.contains("/parking/spaces/{id}/owners")) {
            record(
                "/parking/spaces/{id}/owners",
                api.post(
                    "/parking/spaces/" + owned + "/owners",
                    map("holderName", mark + " Owner " + i, "since", "2020-01-01")));
          }
          if (rented != null) {
            create(
                "/parking/leases",
                map(
                    "spaceId",
                    rented,
                    "startDate",
                    LocalDate.now(ZoneOffset.UTC).toString(),
                    "term",
                    "monthly",
                    "holderName",
                    mark + " Holder " + i));
          }
          create(
              "/parking/cards",
              map(
                  "lotId",
                  lot,
                  "plate",
                  String.format(java.util.Locale.ROOT, "粤B%05d", i),
                  "holderName",
                  mark + " Card " + i,
                  "firstDay",
                  LocalDate.now(ZoneOffset.UTC).toString(),
                  "lastDay",
                  LocalDate.now(ZoneOffset.UTC).plusDays(30).toString()));
          create(
              "/parking/lists",
              map(
                  "list",
                  "black",
                  "plate",
                  String.format(java.util.Locale.ROOT, "京A%05d", i),
                  "lotId",
                  lot,
                  "reason",
                  mark + " Listed " + i));
          if (visitor != null) {
            java.time.OffsetDateTime from =
                java.time.OffsetDateTime.now(ZoneOffset.UTC).plusDays(1).withNano(0);
            create(
                "/parking/reservations",
                map(
                    "spaceId",
                    visitor,
                    "from",
                    from.toString(),
                    "to",
                    from.plusHours(2).toString(),
                    "holderName",
                    mark + " Visitor " + i));
          }
        }
        create(
            "/identity/users",
            map(
                "username",
                low + "-u" + i,
                "displayName",
                mark + " Staff " + i,
                "password",
                "Sweep-pass-" + low + "-" + i));
        create(
            "/identity/roles",
            map(
                "code",
                low + "_role" + i,
                "nameEn",
                mark + " Role " + i,
                "nameZh",
                mark + " 角色 " + i,
                "permissions",
                List.of("estate.*.read")));
        create(
            "/identity/api-keys",
            map("name", mark + " Key " + i, "role", "auditor", "scope", "company"));
      }
      for (int month = 1; month <= copies && paths.contains("/billing/runs"); month++) {
        Http.Reply run =
            api.post(
                "/billing/runs",
                map("period", YearMonth.now(ZoneOffset.UTC).minusMonths(month).toString()));
        record("/billing/runs", run);
        // a run works in the background: wait until it has finished before the next one
        long id = run.json == null ? 0 : run.json.path("id").asLong();
        for (int i = 0; i < 200 && id > 0; i++) {
          Http.Reply state = api.get("/billing/runs/" + id);
          if (state.status != 200 || state.json.path("finishedAt").isTextual()) {
            break;
          }
          Thread.sleep(100);
        }
      }
      if (paths.contains("/security/patrol/schedule")) {
        Http.Reply r =
            api.post(
                "/security/patrol/schedule?zone=UTC&date=" + LocalDate.now(ZoneOffset.UTC), map());
        record("/security/patrol/schedule", r);
      }
    }

    private Long create(String path, Map<String, Object> body) throws Exception {
      if (!paths.contains(path)) {
        return null;
      }
      Http.Reply r = api.post(path, body);
      return record(path, r);
    }

    private Long createWithKey(String path, Map<String, Object> body) throws Exception {
      if (!paths.contains(path)) {
        return null;
      }
      HttpResponse<String> raw =
          api.raw(
              "POST",
              path,
              Map.of(
                  "Content-Type",
                  "application/json",
                  "Idempotency-Key",
                  "seed-" + UUID.randomUUID()),
              utf8(Http.JSON.writeValueAsString(body)),
              false);
      return record(
          path,
          new Http.Reply(
              raw.statusCode(), raw.headers().firstValue("Content-Type").orElse(""), raw.body()));
    }

    private Long record(String path, Http.Reply r) {
      if (r.status >= 300 || r.json == null) {
        violations.add("seed " + mark + " POST " + path + " failed: " + r);
        return null;
      }
      harvest.add(path, r.json);
      return r.json.path("id").isNumber() ? r.json.path("id").asLong() : 0L;
    }
  }

  static byte[] concat(byte[]... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
