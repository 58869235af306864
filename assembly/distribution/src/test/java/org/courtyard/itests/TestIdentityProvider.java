package org.courtyard.itests;

import java.net.InetAddress;
import java.net.UnknownHostException;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * A real OpenID Connect provider (NAV's mock-oauth2-server) on a free port of this machine, for the
 * tests of federated sign-in. Every first path segment is an issuer of its own with its own signing
 * key ({@code http://127.0.0.1:<port>/<tenant>}); its login page takes a user name and the claims
 * to put in the ID token. It runs in the test JVM, never inside Karaf: only its address travels to
 * the container, as a system property, and the tests talk to it over HTTP.
 */
final class TestIdentityProvider {

  private static MockOAuth2Server server;

  private TestIdentityProvider() {}

  /** Starts the provider once per test JVM; its base address, {@code http://127.0.0.1:<port>}. */
  static synchronized String start() {
    if (server == null) {
      // its login page's template engine would log every page at debug through Pax Logging's
      // fallback, which the test JVM has on its class path
      System.setProperty("org.freemarker.loggerLibrary", "none");
      MockOAuth2Server s =
          new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\":true}"));
      try {
        s.start(InetAddress.getByName("127.0.0.1"), 0);
      } catch (UnknownHostException e) {
        throw new IllegalStateException(e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(s::shutdown));
      server = s;
    }
    return "http://127.0.0.1:" + server.baseUrl().port();
  }
}
