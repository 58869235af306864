package org.courtyard.admin;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What the console is told by its environment: where the operator API is and which port to listen
 * on. A system property of the same name wins over the environment variable.
 */
public record AdminConfig(String apiUrl, int port) {

  public static final String API_URL = "COURTYARD_API_URL";
  public static final String PORT = "TENANT_ADMIN_PORT";
  public static final String DEFAULT_API_URL = "http://localhost:8181/api/v1";
  public static final int DEFAULT_PORT = 8282;

  public static AdminConfig resolve(Map<String, String> env, Properties system) {
    String api = value(system, env, API_URL).orElse(DEFAULT_API_URL);
    if (!api.startsWith("http://") && !api.startsWith("https://")) {
      throw new IllegalArgumentException(
          API_URL + " must be an http(s) URL such as " + DEFAULT_API_URL + ", got '" + api + "'");
    }
    Optional<String> rawPort = value(system, env, PORT);
    int port = DEFAULT_PORT;
    if (rawPort.isPresent()) {
      try {
        port = Integer.parseInt(rawPort.get());
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException(
            PORT + " must be a TCP port (0-65535), got '" + rawPort.get() + "'");
      }
    }
    while (api.endsWith("/")) {
      api = api.substring(0, api.length() - 1);
    }
    return new AdminConfig(api, port);
  }

  private static Optional<String> value(Properties system, Map<String, String> env, String name) {
    String v = system.getProperty(name);
    if (v == null || v.isBlank()) {
      v = env.get(name);
    }
    return Optional.ofNullable(v).map(String::strip).filter(s -> !s.isEmpty());
  }
}
