package org.courtyard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.AbstractHandler;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link JettyEdges} on a real Jetty of the version Pax Web runs, added as Pax Web adds it: a
 * customizer of a running server's connector.
 */
class JettyEdgesTest {

  private Server server;
  private int port;

  @BeforeEach
  void start() throws Exception {
    server = new Server();
    HttpConfiguration config = new HttpConfiguration();
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(config));
    connector.setHost("127.0.0.1");
    server.addConnector(connector);
    server.setHandler(
        new AbstractHandler() {
          @Override
          public void handle(
              String target,
              Request base,
              HttpServletRequest request,
              HttpServletResponse response) {
            base.setHandled(true);
            response.setStatus(204);
          }
        });
    server.start();
    port = connector.getLocalPort();
    config.addCustomizer(new JettyEdges());
  }

  @AfterEach
  void stop() throws Exception {
    server.stop();
  }

  @Test
  void afterTheFirstRequestJettysRefusalsAreProblemJson() throws Exception {
    assertThat(get("/api/v1/ping")).startsWith("HTTP/1.1 204");
    assertThat(server.getErrorHandler()).isInstanceOf(ContainerErrors.class);

    for (String path : new String[] {"/api/v1/x/%00", "/api/v1/x/%zz", "/api/v1/x/%"}) {
      String answer = get(path);
      assertThat(answer)
          .as(path)
          .startsWith("HTTP/1.1 400")
          .contains("Content-Type: application/problem+json")
          .contains("\"type\":\"urn:courtyard:problem:malformed-request\"")
          .contains("\"status\":400");
    }
  }

  @Test
  void ambiguousPathsAreRefusedNotDecoded() throws Exception {
    get("/api/v1/ping");
    for (String path : new String[] {"/api/v1/x/a%2Fb", "/api/v1/x/..%2F..", "/api/%2e%2e/x"}) {
      assertThat(get(path))
          .as(path)
          .startsWith("HTTP/1.1 400")
          .contains("application/problem+json")
          .contains("Ambiguous");
    }
    assertThat(get("/api/v1/x/a%20b")).as("plain escapes still pass").startsWith("HTTP/1.1 204");
  }

  @Test
  void aRequestNoHandlerTakesIsA404ProblemWithItsPath() throws Exception {
    server.stop();
    server.setHandler(
        new AbstractHandler() {
          @Override
          public void handle(
              String target,
              Request base,
              HttpServletRequest request,
              HttpServletResponse response) {}
        });
    server.start();
    port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    get("/first");

    String answer = get("/nowhere");

    assertThat(answer)
        .startsWith("HTTP/1.1 404")
        .contains("application/problem+json")
        .contains("\"instance\":\"/nowhere\"");
  }

  @Test
  void aRequestNoHandlerTakesIsAnsweredInTheLanguageItAsksFor() throws Exception {
    server.stop();
    server.setHandler(
        new AbstractHandler() {
          @Override
          public void handle(
              String target,
              Request base,
              HttpServletRequest request,
              HttpServletResponse response) {}
        });
    server.start();
    port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    get("/first");

    String zh = get("/nowhere", "Accept-Language: zh-CN,zh;q=0.9\r\n");
    String en = get("/nowhere");

    assertThat(zh)
        .startsWith("HTTP/1.1 404")
        .contains("Content-Language: zh-CN")
        .contains("Vary: Accept-Language")
        .contains("\"title\":\"未找到\"")
        .contains("\"detail\":\"没有这个资源。\"")
        .contains("\"type\":\"urn:courtyard:problem:not-found\"");
    assertThat(en)
        .contains("Content-Language: en")
        .contains("\"title\":\"Not found\"")
        .contains("\"detail\":\"No such resource.\"");
  }

  private String get(String path) throws Exception {
    return get(path, "");
  }

  private String get(String path, String headers) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      s.setSoTimeout(5000);
      s.getOutputStream()
          .write(
              ("GET " + path + " HTTP/1.1\r\nHost: x\r\n" + headers + "Connection: close\r\n\r\n")
                  .getBytes(StandardCharsets.ISO_8859_1));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      s.getInputStream().transferTo(out);
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
