package org.courtyard.rest.internal;

import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Jetty answers by itself, before CXF sees a request. It installs {@link ContainerErrors} as
 * the server's error handler, so that a request Jetty refuses is answered with problem+json, and
 * makes the connectors refuse paths that Jetty and CXF would read differently ({@code %2F}, encoded
 * dot segments: Jetty decodes them before it picks a context, CXF after it has picked a resource).
 *
 * <p>Pax Web offers two ways in: a Jetty {@code Handler} service, for which it stops and restarts
 * its server (closing the port while the platform starts, which clients waiting for it take for a
 * failure), and a {@link HttpConfiguration.Customizer} service, which it adds to the running
 * connectors. This is the latter. A customizer is shown requests, not the server, so the edges are
 * put in place by the first request Jetty parses after this bundle started (in practice the first
 * readiness check); a malformed request that comes before any other still gets Jetty's own page.
 */
@Component(service = HttpConfiguration.Customizer.class)
public final class JettyEdges implements HttpConfiguration.Customizer {

  private static final Logger LOG = LoggerFactory.getLogger(JettyEdges.class);

  @Override
  public void customize(Connector connector, HttpConfiguration channelConfig, Request request) {
    Server server = connector.getServer();
    // one field read per request once installed; Pax Web may replace its server
    if (server != null && !(server.getErrorHandler() instanceof ContainerErrors)) {
      install(server);
    }
  }

  static void install(Server server) {
    synchronized (server) {
      if (server.getErrorHandler() instanceof ContainerErrors) {
        return;
      }
      for (Connector connector : server.getConnectors()) {
        HttpConnectionFactory http = connector.getConnectionFactory(HttpConnectionFactory.class);
        if (http != null) {
          http.setHttpCompliance(HttpCompliance.RFC7230_NO_AMBIGUOUS_URIS);
        }
      }
      ContainerErrors errors = new ContainerErrors();
      errors.setServer(server); // before the server starts it as its bean
      server.setErrorHandler(errors);
    }
    LOG.info("Jetty answers its own refusals with problem+json and refuses ambiguous paths");
  }
}
