package org.courtyard.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the operator console (tenant-admin) comes from and where it listens. {@code ./courtyard
 * start} sets {@value #JAR} to the fat jar it built; without it the platform starts alone.
 *
 * @param jar the console's runnable jar, or empty with {@code reason} saying why not
 * @param reason why the console is not started, when {@code jar} is empty
 */
record ConsoleSettings(Optional<Path> jar, int port, String reason) {

  static final String JAR = "COURTYARD_TENANT_ADMIN_JAR";
  static final String PORT = "TENANT_ADMIN_PORT";
  static final int DEFAULT_PORT = 8282;

  static ConsoleSettings resolve(Map<String, String> env) throws LaunchException {
    int port = DEFAULT_PORT;
    String rawPort = env.getOrDefault(PORT, "").trim();
    if (!rawPort.isEmpty()) {
      try {
        port = Integer.parseInt(rawPort);
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 1 || port > 65535) {
        throw new LaunchException(PORT + " must be a TCP port (1-65535), got '" + rawPort + "'");
      }
    }
    String rawJar = env.getOrDefault(JAR, "").trim();
    if (rawJar.isEmpty()) {
      return new ConsoleSettings(
          Optional.empty(),
          port,
          JAR
              + " is not set (./courtyard start sets it to tenant-admin/target/tenant-admin-*.jar)");
    }
    Path jar = Path.of(rawJar).toAbsolutePath().normalize();
    if (!Files.isRegularFile(jar)) {
      return new ConsoleSettings(
          Optional.empty(),
          port,
          jar
              + " is missing (./courtyard start builds it; or: mvn -B -q package -pl tenant-admin)");
    }
    return new ConsoleSettings(Optional.of(jar), port, "");
  }
}
