package org.courtyard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.courtyard.api.ProblemException;
import org.courtyard.api.RetryLaterException;
import org.courtyard.api.jdbc.Jdbc;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The API's edges below the resources: what Jetty refuses before CXF sees a request (a path it
 * cannot decode or finds ambiguous), what CXF cannot decode, addresses no server takes, a body
 * refused by its declared length, and statements PostgreSQL cancels or aborts. All are 4xx (or a
 * 503 that says when to try again), all problem+json.
 *
 * <p>The malformed requests are written on a socket: {@code java.net.http} refuses to send them.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class EdgesIT {

  private static String token;

  @Configuration
  public Option[] config() {
    return CourtyardContainer.options();
  }

  @Before
  public void tenant() throws Exception {
    if (token == null) {
      Http operator =
          Http.anonymous(CourtyardContainer.httpPort())
              .operator(CourtyardContainer.operatorPassword());
      token = operator.onboard("edge_a", "estate");
    }
  }

  @Test
  public void pathsJettyCannotDecodeOrFindsAmbiguousAre400ProblemJson() throws Exception {
    for (String path :
        List.of(
            "/api/v1/estate/estates/%00",
            "/api/v1/estate/estates/1%00",
            "/api/v1/estate/estates/%zz",
            "/api/v1/estate/estates/%",
            "/api/v1/estate/estates/1%2F2",
            "/api/v1/estate/estates/..%2F..%2F..%2F..%2Fetc",
            "/api/v1/estate/%2e%2e/operator/tenants")) {
      Answer a = send("GET " + path + " HTTP/1.1");
      a.assertProblem(400, "malformed-request");
      assertNull("Jetty had no request to name: " + a, a.problem.get("instance"));
    }
  }

  @Test
  public void queryPercentEncodingCxfCannotDecodeIs400() throws Exception {
    for (String query : List.of("limit=%zz", "limit=5%", "%g0=1")) {
      Answer a = send("GET /api/v1/estate/estates?" + query + " HTTP/1.1");
      a.assertProblem(400, "malformed-request");
    }
  }

  @Test
  public void addressesNoServerTakesAre404ProblemJson() throws Exception {
    for (String path : List.of("/api", "/api/", "/api/v2/estate/estates", "/api/v1x")) {
      Answer a = send("GET " + path + " HTTP/1.1");
      a.assertProblem(404, "not-found");
    }
  }

  /**
   * A declared length over the JSON limit, without {@code Expect: 100-continue}, and only a few
   * bytes of the body: 413 from the headers alone, at once, and the connection closed (the server
   * neither reads nor waits for the 50 MB).
   */
  @Test
  public void aBodyOverTheLimitByItsDeclaredLengthIs413AtOnceAndTheConnectionCloses()
      throws Exception {
    for (String path : List.of("/api/v1/estate/estates", "/api/v1/nowhere")) {
      long start = System.nanoTime();
      Answer a =
          send(
              "POST " + path + " HTTP/1.1",
              "Content-Type: application/json\r\nContent-Length: 50000000\r\n",
              "{\"code\":\"E".getBytes(StandardCharsets.US_ASCII));
      long ms = (System.nanoTime() - start) / 1_000_000;
      a.assertProblem(413, "too-large");
      assertEquals(a.toString(), 1048576, a.problem.path("maxBytes").asLong());
      assertTrue(a + " after " + ms + " ms", ms < 5_000);
      assertTrue("closed by the server: " + a, a.closed);
      assertTrue(a.toString(), a.head.toLowerCase(Locale.ROOT).contains("connection: close"));
    }
  }

  // ------------------------------------------------------- statements PostgreSQL cancels or aborts

  @Test
  public void aStatementOverTheTimeoutIsA503NamingTheLimit() {
    Jdbc jdbc = new Jdbc(dataSource("-c statement_timeout=250"));
    RetryLaterException e =
        expect(RetryLaterException.class, () -> jdbc.read(c -> query(c, "SELECT pg_sleep(3)")));
    assertEquals(503, e.status());
    assertEquals("statement-timeout", e.type());
    assertTrue(e.detail(), e.detail().contains("statement limit of 0.25 s"));
    assertEquals(1, e.retryAfterSeconds());
    // the same in a transaction, which is rolled back first
    RetryLaterException inTx =
        expect(
            RetryLaterException.class, () -> jdbc.transaction(c -> query(c, "SELECT pg_sleep(3)")));
    assertEquals("statement-timeout", inTx.type());
  }

  @Test
  public void aLockNotTakenInTimeIsA503() throws Exception {
    scratch();
    try (Connection holder = PlatformIT.db()) {
      holder.setAutoCommit(false);
      try (Statement s = holder.createStatement()) {
        s.execute("LOCK TABLE edges_scratch.cell IN ACCESS EXCLUSIVE MODE");
      }
      Jdbc jdbc = new Jdbc(dataSource("-c lock_timeout=250"));
      RetryLaterException e =
          expect(RetryLaterException.class, () -> jdbc.transaction(c -> update(c, 1)));
      assertEquals(503, e.status());
      assertEquals("lock-timeout", e.type());
      assertEquals(1, e.retryAfterSeconds());
      holder.rollback();
    }
  }

  /**
   * Two transactions take two rows in opposite order; PostgreSQL aborts one of them (40P01): that
   * one is a 409 the client may simply repeat, the other commits.
   */
  @Test
  public void aDeadlockIsA409ForTheAbortedSide() throws Exception {
    scratch();
    Jdbc jdbc = new Jdbc(dataSource(null));
    List<Object> outcomes = concurrently(jdbc, new int[] {1, 2}, new int[] {2, 1}, false);
    assertOneCommittedOneRefused(outcomes);
  }

  /** Write skew under SERIALIZABLE: PostgreSQL aborts one side (40001), answered 409. */
  @Test
  public void aSerializationFailureIsA409ForTheAbortedSide() throws Exception {
    scratch();
    Jdbc jdbc = new Jdbc(dataSource(null));
    List<Object> outcomes = concurrently(jdbc, new int[] {1, 2}, new int[] {2, 1}, true);
    assertOneCommittedOneRefused(outcomes);
  }

  private static void assertOneCommittedOneRefused(List<Object> outcomes) {
    int committed = 0;
    for (Object o : outcomes) {
      if ("committed".equals(o)) {
        committed++;
      } else if (o instanceof ProblemException p) {
        assertEquals(outcomes.toString(), 409, p.status());
        assertEquals(outcomes.toString(), "concurrent-update", p.type());
      } else {
        fail("neither committed nor a 409: " + outcomes);
      }
    }
    assertEquals(outcomes.toString(), 1, committed);
  }

  /**
   * Two transactions at once: each writes (or, serializable, reads the sum then writes) its first
   * row, waits until the other has too, then its second row.
   */
  private static List<Object> concurrently(
      Jdbc jdbc, int[] first, int[] second, boolean serializable) throws Exception {
    CountDownLatch bothStarted = new CountDownLatch(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Object>> futures = new ArrayList<>();
      for (int[] rows : List.of(first, second)) {
        futures.add(
            pool.submit(
                () -> {
                  try {
                    return jdbc.transaction(
                        c -> {
                          if (serializable) {
                            try (Statement s = c.createStatement()) {
                              s.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
                            }
                            query(c, "SELECT sum(v) FROM edges_scratch.cell");
                          } else {
                            update(c, rows[0]);
                          }
                          bothStarted.countDown();
                          await(bothStarted);
                          update(c, serializable ? rows[0] : rows[1]);
                          return "committed";
                        });
                  } catch (ProblemException e) {
                    return e;
                  }
                }));
      }
      List<Object> outcomes = new ArrayList<>();
      for (Future<Object> f : futures) {
        outcomes.add(f.get(30, TimeUnit.SECONDS));
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertTrue("the other transaction did not start", latch.await(10, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Object query(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getObject(1) : null;
    }
  }

  private static Object update(Connection c, int id) throws SQLException {
    try (Statement s = c.createStatement()) {
      return s.executeUpdate("UPDATE edges_scratch.cell SET v = v + 1 WHERE id = " + id);
    }
  }

  /** Two rows in a schema of the test's own, as they were before each test. */
  private static void scratch() throws SQLException {
    try (Connection c = PlatformIT.db();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA IF NOT EXISTS edges_scratch");
      s.execute("CREATE TABLE IF NOT EXISTS edges_scratch.cell (id int PRIMARY KEY, v int)");
      s.execute("TRUNCATE edges_scratch.cell");
      s.execute("INSERT INTO edges_scratch.cell VALUES (1, 0), (2, 0)");
    }
  }

  private static PGSimpleDataSource dataSource(String options) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setUrl(System.getProperty("courtyard.it.db.url"));
    if (options != null) {
      ds.setOptions(options);
    }
    return ds;
  }

  private static <E extends Throwable> E expect(Class<E> type, Runnable r) {
    try {
      r.run();
    } catch (Throwable t) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      throw new AssertionError("expected " + type.getSimpleName() + ", got " + t, t);
    }
    throw new AssertionError("expected " + type.getSimpleName() + ", got no failure");
  }

  // --------------------------------------------------------------------------------- the socket

  /** What came back on the socket: head, body parsed as JSON, and whether the server closed. */
  private static final class Answer {
    final int status;
    final String head;
    final String body;
    final JsonNode problem;
    final boolean closed;

    Answer(String all, boolean closed) throws IOException {
      int end = all.indexOf("\r\n\r\n");
      if (!all.startsWith("HTTP/1.1 ") || end < 0) {
        throw new AssertionError("not an HTTP answer: " + all);
      }
      this.status = Integer.parseInt(all.substring(9, 12));
      this.head = all.substring(0, end);
      this.body = dechunk(head, all.substring(end + 4));
      JsonNode json;
      try {
        json = Http.JSON.readTree(body);
      } catch (IOException e) {
        json = null;
      }
      this.problem = json;
      this.closed = closed;
    }

    void assertProblem(int expectedStatus, String type) {
      assertEquals(toString(), expectedStatus, status);
      assertTrue(toString(), contentType().startsWith("application/problem+json"));
      assertTrue(toString(), problem != null && problem.isObject());
      assertEquals(toString(), "urn:courtyard:problem:" + type, problem.path("type").asText());
      assertEquals(toString(), expectedStatus, problem.path("status").asInt());
      assertTrue(toString(), problem.hasNonNull("title") && problem.hasNonNull("detail"));
    }

    String contentType() {
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
          return line.substring(13).strip();
        }
      }
      return "";
    }

    private static String dechunk(String head, String text) {
      if (!head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
        return text;
      }
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
      return sb.toString();
    }

    @Override
    public String toString() {
      return head.replace("\r\n", " | ") + " || " + body;
    }
  }

  /** A request without a body, on a connection it asks the server to close. */
  private static Answer send(String requestLine) throws IOException {
    return send(requestLine, "Connection: close\r\n", null);
  }

  /**
   * Writes the request line, the tenant's credential, {@code headers} and {@code body} (which may
   * be shorter than a declared length), then reads until the server closes the connection, for at
   * most 10 s: a connection still open then is reported as not closed.
   */
  private static Answer send(String requestLine, String headers, byte[] body) throws IOException {
    int port = CourtyardContainer.httpPort();
    String head =
        requestLine
            + "\r\nHost: 127.0.0.1:"
            + port
            + "\r\nAuthorization: Bearer "
            + token
            + "\r\nAccept: application/json\r\n"
            + (headers == null ? "" : headers)
            + "\r\n";
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        socket.getOutputStream().write(body);
      }
      socket.getOutputStream().flush();
      ByteArrayOutputStream read = new ByteArrayOutputStream();
      boolean closed;
      InputStream in = socket.getInputStream();
      try {
        in.transferTo(read);
        closed = true;
      } catch (SocketTimeoutException e) {
        closed = false;
      }
      return new Answer(read.toString(StandardCharsets.UTF_8), closed);
    }
  }
}
