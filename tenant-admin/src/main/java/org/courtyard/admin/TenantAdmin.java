package org.courtyard.admin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar tenant-admin.jar}: the operator console on {@code TENANT_ADMIN_PORT} (8282),
 * talking to the operator API at {@code COURTYARD_API_URL} (http://localhost:8181/api/v1).
 */
public final class TenantAdmin {

  private static final Logger LOG = LoggerFactory.getLogger(TenantAdmin.class);

  private TenantAdmin() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0) {
      System.err.println(
          "Usage: java -jar tenant-admin.jar\n"
              + "Environment (or -D system properties of the same name):\n"
              + "  COURTYARD_API_URL   the platform's API root (default "
              + AdminConfig.DEFAULT_API_URL
              + ")\n"
              + "  TENANT_ADMIN_PORT   HTTP port of the console (default "
              + AdminConfig.DEFAULT_PORT
              + ")");
      System.exit(args[0].equals("--help") || args[0].equals("-h") ? 0 : 2);
    }
    AdminConfig config;
    try {
      config = AdminConfig.resolve(System.getenv(), System.getProperties());
    } catch (IllegalArgumentException e) {
      LOG.error(e.getMessage());
      System.exit(2);
      return;
    }
    AdminServer server = AdminServer.start(config);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    server.stop();
                  } catch (Exception e) {
                    LOG.debug("Stopping Jetty", e);
                  }
                },
                "tenant-admin-stop"));
    LOG.info(
        "Courtyard console on http://localhost:{}/ (operator API {})",
        server.port(),
        config.apiUrl());
    server.join();
  }
}
