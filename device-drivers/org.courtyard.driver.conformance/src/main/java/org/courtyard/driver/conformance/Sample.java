package org.courtyard.driver.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A vendor's sample payload.
 *
 * @param good whether the payload must decode cleanly (every item {@code GOOD}), or must be refused
 *     or flagged without an exception
 */
public record Sample(String name, String deviceType, byte[] payload, boolean good) {

  /**
   * Reads {@code <dir>/good/<device type>/*} and {@code <dir>/bad/<device type>/*}. Files ending in
   * {@code .hex} hold hexadecimal text (white space and {@code #} comments ignored); all others are
   * the payload's bytes as they are.
   */
  public static List<Sample> load(Path dir) {
    List<Sample> samples = new ArrayList<>();
    for (String kind : List.of("good", "bad")) {
      Path kindDir = dir.resolve(kind);
      if (!Files.isDirectory(kindDir)) {
        continue;
      }
      try (Stream<Path> types = Files.list(kindDir)) {
        for (Path typeDir : types.filter(Files::isDirectory).sorted().toList()) {
          try (Stream<Path> files = Files.list(typeDir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
              samples.add(
                  new Sample(
                      kind + "/" + typeDir.getFileName() + "/" + f.getFileName(),
                      typeDir.getFileName().toString(),
                      read(f),
                      kind.equals("good")));
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return samples;
  }

  private static byte[] read(Path f) throws IOException {
    byte[] bytes = Files.readAllBytes(f);
    if (!f.getFileName().toString().endsWith(".hex")) {
      return bytes;
    }
    StringBuilder hex = new StringBuilder();
    for (String line : new String(bytes, StandardCharsets.US_ASCII).split("\n")) {
      int comment = line.indexOf('#');
      hex.append((comment >= 0 ? line.substring(0, comment) : line).replaceAll("\\s", ""));
    }
    return HexFormat.of().parseHex(hex);
  }
}
