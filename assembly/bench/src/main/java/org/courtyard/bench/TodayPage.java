package org.courtyard.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The browser baseline of the Today benchmark: a minimal page that does what the property console's
 * Today screen does and nothing else. It fetches {@code GET /api/v1/today} with the signed-in
 * user's access token and renders the same tiles (title, number in the user's language, tone) and
 * the same 12-month chart (an SVG of grouped bars, legend and grid) as plain HTML, in the same
 * Chromium, detected by the same DOM condition. The ratio console / page is then what the console
 * costs over the raw data.
 *
 * <p>Served by the benchmark itself on a free port. The browser may not call Courtyard's API from
 * another origin, so the page's {@code /api/v1/today} is passed through to Courtyard by this server
 * (one kept-alive HTTP client): the same hop the console's server makes to the same API, so both
 * sides wait for the same answer through one JVM in between.
 */
final class TodayPage implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(2);
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String api;
  private final String template;
  private final List<String> tokens = new CopyOnWriteArrayList<>();

  /**
   * @param api Courtyard's API root ({@code http://127.0.0.1:PORT/api/v1})
   */
  TodayPage(String api) throws IOException {
    this.api = api;
    try (InputStream in = TodayPage.class.getResourceAsStream("today-baseline.html")) {
      if (in == null) {
        throw new IllegalStateException("today-baseline.html is missing from the benchmark's jar");
      }
      this.template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.setExecutor(threads);
    server.createContext("/today/", this::page);
    server.createContext("/api/v1/today", this::today);
    server.start();
  }

  /** The address of the page that shows {@code token}'s Today screen. */
  String url(String token) {
    tokens.add(token);
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/today/" + (tokens.size() - 1);
  }

  private void page(HttpExchange x) throws IOException {
    String index = x.getRequestURI().getPath().substring("/today/".length());
    int i;
    try {
      i = Integer.parseInt(index);
    } catch (NumberFormatException e) {
      i = -1;
    }
    if (i < 0 || i >= tokens.size()) {
      send(x, 404, "text/plain", "no such page");
      return;
    }
    // like the console's own page, generated for its user: not cached
    x.getResponseHeaders().set("Cache-Control", "no-store");
    send(
        x,
        200,
        "text/html; charset=utf-8",
        template.replace("__TOKEN__", BenchHttp.JSON.writeValueAsString(tokens.get(i))));
  }

  private void today(HttpExchange x) throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(api + "/today")).GET();
    String auth = x.getRequestHeaders().getFirst("Authorization");
    if (auth != null) {
      b.header("Authorization", auth);
    }
    HttpResponse<byte[]> r;
    try {
      r =
          client.send(
              b.timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      send(x, 502, "text/plain", "interrupted");
      return;
    }
    x.getResponseHeaders().set("Cache-Control", "no-store");
    send(
        x,
        r.statusCode(),
        r.headers().firstValue("Content-Type").orElse("application/json"),
        r.body());
  }

  private static void send(HttpExchange x, int status, String type, String body)
      throws IOException {
    send(x, status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange x, int status, String type, byte[] body)
      throws IOException {
    try {
      x.getResponseHeaders().set("Content-Type", type);
      x.sendResponseHeaders(status, body.length);
      try (OutputStream out = x.getResponseBody()) {
        out.write(body);
      }
    } finally {
      x.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
