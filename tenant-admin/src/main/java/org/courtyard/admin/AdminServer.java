package org.courtyard.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.util.Enumeration;
import java.util.Map;
import java.util.Objects;
import org.eclipse.jetty.ee10.annotations.AnnotationConfiguration;
import org.eclipse.jetty.ee10.webapp.MetaInfConfiguration;
import org.eclipse.jetty.ee10.webapp.WebAppContext;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * The console's embedded Jetty: one web application at {@code /}, found by annotation scanning
 * (Vaadin registers its servlet itself). Usable from tests: {@link #start} and {@link #stop}.
 */
public final class AdminServer implements AutoCloseable {

  /** Context attribute through which the views find the API URL. */
  public static final String API_URL_ATTRIBUTE = "courtyard.apiUrl";

  private final Server server;

  private AdminServer(Server server) {
    this.server = server;
  }

  /**
   * @param port 0 for any free port
   */
  public static AdminServer start(AdminConfig config) throws Exception {
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setPort(config.port());
    server.addConnector(connector);

    WebAppContext context = new WebAppContext();
    context.setContextPath("/");
    URL webRoot =
        Objects.requireNonNull(
            AdminServer.class.getClassLoader().getResource("META-INF/resources/"),
            "META-INF/resources/ is missing from the class path");
    // a factory of the server, not the context: the context closes its own when it stops, and then
    // fails to reset its base resource
    context.setBaseResource(ResourceFactory.of(server).newResource(webRoot.toURI()));
    context.setAttribute(MetaInfConfiguration.CONTAINER_JAR_PATTERN, ".*\\.jar|.*/classes/.*");
    context.setConfigurationDiscovered(true);
    context.addConfiguration(new AnnotationConfiguration());
    context.setParentLoaderPriority(true);
    // a web app that fails to start must stop the console, not leave it answering 503
    context.setThrowUnavailableOnStartupException(true);
    context.setInitParameter(API_URL_ATTRIBUTE, config.apiUrl());
    context.getSessionHandler().setMaxInactiveInterval(30 * 60);
    server.setHandler(context);
    mountPushScriptJar();
    server.start();
    return new AdminServer(server);
  }

  /**
   * Server push loads {@code VAADIN/static/push/vaadinPush-min.js} from a jar (the console's own,
   * or flow-push's). Vaadin 24.9 checks such a resource with {@code Path.of(jar:file:...!/...)},
   * which needs the jar's zip file system to be open in the JVM; Jetty 12.1.9 and later no longer
   * keep it open, so the check throws and the browser never gets push (vaadin/flow#24283, fixed
   * only in later Vaadin lines). Opening that file system once, for the life of the process, makes
   * the check work.
   */
  static void mountPushScriptJar() {
    try {
      Enumeration<URL> scripts =
          AdminServer.class
              .getClassLoader()
              .getResources("META-INF/resources/VAADIN/static/push/vaadinPush-min.js");
      while (scripts.hasMoreElements()) {
        String spec = scripts.nextElement().toString();
        if (spec.startsWith("jar:") && spec.contains("!/")) {
          URI jar = URI.create(spec.substring(0, spec.indexOf("!/")));
          try {
            FileSystems.newFileSystem(jar, Map.of());
          } catch (FileSystemAlreadyExistsException e) {
            // open already: what the check needs
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the jar of the push script", e);
    }
  }

  public int port() {
    return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
  }

  public void join() throws InterruptedException {
    server.join();
  }

  public void stop() throws Exception {
    server.stop();
  }

  @Override
  public void close() throws Exception {
    stop();
  }
}
