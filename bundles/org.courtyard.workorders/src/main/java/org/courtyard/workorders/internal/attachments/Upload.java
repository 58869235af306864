package org.courtyard.workorders.internal.attachments;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.Params;

/**
 * A file uploaded as a request body, checked before anything is stored: at most {@value #MAX_BYTES}
 * bytes (read no further than one byte past that), one of the {@link FileType}s by its first bytes,
 * the declared type agreeing with that or saying nothing, and a file name that names no folder and
 * no control character and ends as its kind does.
 *
 * @param bytes the file
 * @param type what the bytes are
 * @param fileName the name to store and serve it under
 * @param sha256 hex SHA-256 of the bytes
 */
public record Upload(byte[] bytes, FileType type, String fileName, String sha256) {

  private static final Texts TEXTS = Texts.of(Upload.class);

  /** 10 MiB, as the schema's CHECK says. */
  public static final int MAX_BYTES = 10 * 1024 * 1024;

  static final int MAX_NAME = 255;

  /**
   * Reads and checks the body.
   *
   * @param declaredLength the request's Content-Length, -1 when it has none (chunked)
   * @param declared the request's Content-Type header, null when it has none
   * @param name the file name the client gives, may be null
   * @throws org.courtyard.api.ProblemException 413 {@code too-large}, 400 {@code missing-body}, 415
   *     {@code unsupported-file-type} or {@code content-type-mismatch}, 400 {@code
   *     invalid-parameter} for a name too long
   */
  public static Upload read(InputStream body, long declaredLength, String declared, String name)
      throws IOException {
    if (declaredLength > MAX_BYTES) {
      throw tooLarge();
    }
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
    byte[] bytes;
    if (body == null) {
      bytes = new byte[0];
    } else {
      InputStream in = new DigestInputStream(body, sha);
      if (declaredLength >= 0) {
        // the array the file is kept in, allocated once at its size
        bytes = new byte[(int) declaredLength];
        int n = in.readNBytes(bytes, 0, bytes.length);
        if (n < bytes.length) {
          throw TEXTS.problem(400, "missing-body", "upload.truncated", n, bytes.length);
        }
      } else {
        bytes = in.readNBytes(MAX_BYTES + 1);
      }
      if (bytes.length > MAX_BYTES) {
        throw tooLarge();
      }
    }
    if (bytes.length == 0) {
      throw TEXTS.problem(400, "missing-body", "upload.empty");
    }
    FileType type =
        FileType.sniff(bytes, bytes.length)
            .orElseThrow(
                () ->
                    TEXTS.problem(
                        415, "unsupported-file-type", "upload.unsupported", FileType.accepted()));
    String said =
        declared == null || declared.isBlank()
            ? FileType.GENERIC
            : declared.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!type.agreesWith(said)) {
      throw TEXTS.problem(
          415,
          "content-type-mismatch",
          "upload.mismatch",
          said,
          type.mediaType(),
          FileType.GENERIC);
    }
    return new Upload(bytes, type, fileName(name, type), HexFormat.of().formatHex(sha.digest()));
  }

  /**
   * The name a file is stored under: the last segment of what the client sent (old browsers send a
   * whole path), without control and bidirectional-format characters (a name that reads {@code
   * photo.jpg} but ends in {@code .exe}), "attachment" when nothing is left, and the kind's
   * extension added when the name does not end with one of its own.
   */
  static String fileName(String name, FileType type) {
    String n = name == null ? "" : name;
    n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
    n = n.replaceAll("[\\p{Cc}\\p{Cf}]", "").strip();
    if (n.isEmpty() || n.equals(".") || n.equals("..")) {
      n = "attachment";
    }
    if (!type.named(n)) {
      n = n + "." + type.extension();
    }
    if (n.codePointCount(0, n.length()) > MAX_NAME) {
      throw Params.invalid(TEXTS.text("upload.name", MAX_NAME));
    }
    return n;
  }

  private static RuntimeException tooLarge() {
    return TEXTS.problem(413, "too-large", "upload.too-large", MAX_BYTES / (1024 * 1024));
  }
}
