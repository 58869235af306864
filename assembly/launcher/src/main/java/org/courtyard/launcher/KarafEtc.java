package org.courtyard.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The configuration files in {@code <karaf>/etc} that the launcher owns or edits before Karaf
 * starts.
 */
final class KarafEtc {

  static final String DATABASE_PID_FILE = "org.courtyard.db.cfg";
  static final String PAX_WEB_PID_FILE = "org.ops4j.pax.web.cfg";
  static final String HTTP_PORT_PROPERTY = "org.osgi.service.http.port";
  static final String BROKER_PID_FILE = "org.courtyard.broker.cfg";

  private final Path etc;

  KarafEtc(Path etc) {
    this.etc = etc;
  }

  /**
   * Rewrites {@code org.courtyard.db.cfg} on every start, readable by the owner only: it holds the
   * database password.
   */
  Path writeDatabaseConfig(JdbcSettings jdbc) throws IOException {
    String content =
        "# Written by the Courtyard launcher on every start: edits here are overwritten.\n"
            + "url="
            + PropertyLines.escapeValue(jdbc.url())
            + "\n"
            + "user="
            + PropertyLines.escapeValue(jdbc.user())
            + "\n"
            + "password="
            + PropertyLines.escapeValue(jdbc.password())
            + "\n";
    Path target = etc.resolve(DATABASE_PID_FILE);
    writeOwnerOnly(target, content);
    return target;
  }

  /** Sets the HTTP port in {@code org.ops4j.pax.web.cfg}, keeping every other line of the file. */
  Path setHttpPort(int port) throws IOException {
    return setProperty(PAX_WEB_PID_FILE, HTTP_PORT_PROPERTY, port);
  }

  /** Sets the embedded MQTT broker's port in {@code org.courtyard.broker.cfg}. */
  Path setBrokerPort(int port) throws IOException {
    return setProperty(BROKER_PID_FILE, "port", port);
  }

  private Path setProperty(String pidFile, String property, int port) throws IOException {
    Path file = etc.resolve(pidFile);
    // ISO-8859-1 maps every byte to one char and back, so lines we do not touch stay
    // byte-identical.
    List<String> lines =
        Files.exists(file) ? Files.readAllLines(file, StandardCharsets.ISO_8859_1) : List.of();
    List<String> edited = PropertyLines.withProperty(lines, property, Integer.toString(port));
    if (!edited.equals(lines) || !Files.exists(file)) {
      Files.createDirectories(etc);
      Files.write(file, edited, StandardCharsets.ISO_8859_1);
    }
    return file;
  }

  /**
   * Writes through a 0600 temporary file and renames it over the target, so the secret is never
   * readable by others, not even for a moment, and the old file's mode does not carry over.
   */
  private void writeOwnerOnly(Path target, String content) throws IOException {
    Files.createDirectories(etc);
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    Path temp =
        posix
            ? Files.createTempFile(
                etc,
                "." + target.getFileName(),
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
            : Files.createTempFile(etc, "." + target.getFileName(), ".tmp");
    try {
      Files.writeString(temp, content, StandardCharsets.ISO_8859_1);
      try {
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
