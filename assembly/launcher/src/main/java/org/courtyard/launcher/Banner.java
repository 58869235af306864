package org.courtyard.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** What the user sees once Courtyard answers: where everything is. */
final class Banner {

  private Banner() {}

  /**
   * @param operatorPasswordWritten whether the platform has written the operator password file yet
   */
  static String render(
      Duration startup,
      int httpPort,
      Path operatorPasswordFile,
      boolean operatorPasswordWritten,
      String databaseDescription,
      Path karafLog,
      boolean console) {
    String api = "http://localhost:" + httpPort + "/api/v1";
    String operator =
        operatorPasswordWritten
            ? "user \"operator\", password in "
                + operatorPasswordFile
                + " (created on first start, mode 0600)"
            : "user \"operator\", password to be written to "
                + operatorPasswordFile
                + " (not there yet: see the log)";
    String shell =
        console
            ? "Karaf console below (COURTYARD_CONSOLE=1)"
            : "run with COURTYARD_CONSOLE=1 for an interactive Karaf console";
    String stop = console ? "type shutdown -f in the Karaf console" : "Ctrl+C";
    return String.format(
            Locale.ROOT, "Courtyard is up (started in %.1f s)%n", startup.toMillis() / 1000.0)
        + line("REST API", api)
        + line("OpenAPI", api + "/openapi.json")
        + line("Operator", operator)
        + line("Database", databaseDescription)
        + line("Shell", shell)
        + line("Logs", karafLog.toString())
        + line("Stop", stop);
  }

  static String line(String label, String value) {
    return String.format(Locale.ROOT, "  %-13s %s%n", label, value);
  }
}
