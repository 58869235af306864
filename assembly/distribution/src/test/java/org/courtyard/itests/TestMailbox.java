package org.courtyard.itests;

import static org.junit.Assert.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads {@link TestMailServer}'s mailboxes from inside Karaf, through its control port (system
 * property {@code courtyard.it.mail.control}): this class needs nothing of GreenMail, which only
 * the failsafe JVM has.
 */
final class TestMailbox {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private TestMailbox() {}

  /** The messages to {@code to}, as {@link TestMailServer} describes them, oldest first. */
  static JsonNode of(String to) throws Exception {
    String url =
        System.getProperty("courtyard.it.mail.control")
            + "/mailbox?to="
            + URLEncoder.encode(to, StandardCharsets.UTF_8);
    HttpResponse<String> r =
        CLIENT.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    assertEquals(r.body(), 200, r.statusCode());
    return Http.JSON.readTree(r.body());
  }

  /** Waits up to 15 s for the first message to {@code to}; fails unless exactly one is there. */
  static JsonNode awaitOnly(String to) throws Exception {
    long deadline = System.currentTimeMillis() + 15_000;
    JsonNode box = of(to);
    while (box.size() == 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
      box = of(to);
    }
    assertEquals(box.toString(), 1, box.size());
    return box.get(0);
  }
}
