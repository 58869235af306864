package org.courtyard.workorders.internal.attachments;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of file a work order takes, told apart by their first bytes (magic numbers) and never
 * by the name or the type a client declares: photos (JPEG, PNG, GIF, WebP), PDF documents and MP4
 * videos. Anything else (HTML, SVG, executables, archives, HEIC) is refused, so that nothing served
 * back from the tenant's data can run in a browser.
 */
public enum FileType {
  JPEG("image/jpeg", "jpeg", List.of("jpg", "jpeg"), Set.of("image/jpg", "image/pjpeg")),
  PNG("image/png", "png", List.of("png"), Set.of("image/x-png")),
  GIF("image/gif", "gif", List.of("gif"), Set.of()),
  /** Not decoded by the JDK: stored and served, without a thumbnail or dimensions. */
  WEBP("image/webp", null, List.of("webp"), Set.of()),
  PDF("application/pdf", null, List.of("pdf"), Set.of("application/x-pdf")),
  MP4("video/mp4", null, List.of("mp4", "m4v"), Set.of());

  /** What a client sends when it does not know the type: accepted for any kind. */
  public static final String GENERIC = "application/octet-stream";

  /** ISO base media brands of MP4 video; HEIC and AVIF photos use the same box with others. */
  private static final Set<String> MP4_BRANDS =
      Set.of(
          "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "M4VP",
          "MSNV", "dash", "mmp4");

  private final String mediaType;
  private final String imageIoFormat;
  private final List<String> extensions;
  private final Set<String> aliases;

  FileType(String mediaType, String imageIoFormat, List<String> extensions, Set<String> aliases) {
    this.mediaType = mediaType;
    this.imageIoFormat = imageIoFormat;
    this.extensions = extensions;
    this.aliases = aliases;
  }

  /** The type the file is served with. */
  public String mediaType() {
    return mediaType;
  }

  /** The format name of the JDK's ImageIO reader; null when the JDK cannot decode it. */
  String imageIoFormat() {
    return imageIoFormat;
  }

  public boolean image() {
    return mediaType.startsWith("image/");
  }

  /** The usual file name extension, without the dot. */
  String extension() {
    return extensions.get(0);
  }

  /** Whether {@code name} ends with one of this kind's extensions. */
  boolean named(String name) {
    int dot = name.lastIndexOf('.');
    return dot >= 0 && extensions.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  /**
   * Whether a client's declared {@code type/subtype} (lower case, without parameters) says this
   * kind, or says nothing ({@value #GENERIC}).
   */
  boolean agreesWith(String declared) {
    return declared.equals(mediaType) || declared.equals(GENERIC) || aliases.contains(declared);
  }

  /** The kind of file by its first bytes; empty for any other. */
  public static Optional<FileType> sniff(byte[] bytes, int length) {
    byte[] head = Arrays.copyOf(bytes, Math.min(length, 16));
    if (starts(head, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (starts(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (ascii(head, 0, "GIF87a") || ascii(head, 0, "GIF89a")) {
      return Optional.of(GIF);
    }
    if (ascii(head, 0, "RIFF") && ascii(head, 8, "WEBP")) {
      return Optional.of(WEBP);
    }
    if (ascii(head, 0, "%PDF-")) {
      return Optional.of(PDF);
    }
    if (ascii(head, 4, "ftyp")
        && head.length >= 12
        && MP4_BRANDS.contains(new String(head, 8, 4, StandardCharsets.ISO_8859_1))) {
      return Optional.of(MP4);
    }
    return Optional.empty();
  }

  /** Every type accepted, for the refusal's text. */
  static String accepted() {
    return String.join(", ", Arrays.stream(values()).map(FileType::mediaType).toList());
  }

  private static boolean starts(byte[] head, int... magic) {
    if (head.length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean ascii(byte[] head, int offset, String magic) {
    if (head.length < offset + magic.length()) {
      return false;
    }
    for (int i = 0; i < magic.length(); i++) {
      if (head[offset + i] != magic.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
