package org.courtyard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/**
 * The REST API of a Courtyard a benchmark started: JSON calls that fail on an unexpected status.
 */
final class BenchHttp {

  static final ObjectMapper JSON = new ObjectMapper();

  final String base;
  final String operatorAuth;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  /** The API on {@code port}, with the operator password the launcher wrote into {@code home}. */
  BenchHttp(int port, Path home) throws IOException {
    this.base = "http://127.0.0.1:" + port + "/api/v1";
    this.operatorAuth =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    ("operator:" + Files.readString(home.resolve("operator-password.txt")).trim())
                        .getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends a JSON body (or none) and parses the answer.
   *
   * @throws IllegalStateException when the status is not {@code expected}
   */
  JsonNode call(String method, String path, String auth, Object body, int expected)
      throws IOException, InterruptedException {
    HttpResponse<String> r = request(method, path, auth, body);
    expect(r, expected, method + " " + path);
    return JSON.readTree(r.body());
  }

  /** Sends a JSON body (or none) and returns the answer, whatever its status. */
  HttpResponse<String> request(String method, String path, String auth, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    if (auth != null) {
      b.header("Authorization", auth);
    }
    if (body == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    return send(b);
  }

  HttpResponse<String> send(HttpRequest.Builder b) throws IOException, InterruptedException {
    return client.send(
        b.timeout(Duration.ofMinutes(10)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static void expect(HttpResponse<String> r, int status, String what) {
    if (r.statusCode() != status) {
      throw new IllegalStateException(what + ": " + r.statusCode() + " " + r.body());
    }
  }
}
