package org.courtyard.workorders.internal.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.courtyard.api.ProblemException;
import org.junit.jupiter.api.Test;

/**
 * An upload is what its first bytes say, whatever it is called or declared as: the photos,
 * documents and videos of an order pass, a web page, an SVG, a program or an iPhone's HEIC do not,
 * and a PNG sent as a JPEG is refused rather than served under either type.
 */
class UploadTest {

  private static Upload read(byte[] bytes, String declared, String name) throws IOException {
    return Upload.read(new ByteArrayInputStream(bytes), bytes.length, declared, name);
  }

  private static ProblemException refused(byte[] bytes, String declared, int status, String type) {
    ProblemException p =
        catchThrowableOfType(() -> read(bytes, declared, "x"), ProblemException.class);
    assertThat(p).as("refused").isNotNull();
    assertThat(p.status()).as(p.getMessage()).isEqualTo(status);
    assertThat(p.type()).isEqualTo(type);
    return p;
  }

  @Test
  void photosDocumentsAndVideosAreToldByTheirFirstBytes() throws Exception {
    byte[] png = Samples.image("png", 40, 30);
    byte[] jpeg = Samples.image("jpeg", 40, 30);
    byte[] gif = Samples.image("gif", 40, 30);
    assertThat(read(png, "image/png", "leak.png").type()).isEqualTo(FileType.PNG);
    assertThat(read(jpeg, "image/jpeg", "leak.jpg").type()).isEqualTo(FileType.JPEG);
    assertThat(read(gif, "image/gif", "leak.gif").type()).isEqualTo(FileType.GIF);
    assertThat(read(Samples.pdf(), "application/pdf", "quote.pdf").type()).isEqualTo(FileType.PDF);
    assertThat(read(Samples.webp(), "image/webp", "a.webp").type()).isEqualTo(FileType.WEBP);
    assertThat(read(Samples.ftyp("isom"), "video/mp4", "a.mp4").type()).isEqualTo(FileType.MP4);
    // what Android apps and old IE send for JPEG, and what a client that does not know sends
    assertThat(read(jpeg, "image/jpg", "a.jpg").type()).isEqualTo(FileType.JPEG);
    assertThat(read(jpeg, "image/pjpeg", "a.jpg").type()).isEqualTo(FileType.JPEG);
    assertThat(read(png, "application/octet-stream", "a.png").type()).isEqualTo(FileType.PNG);
    assertThat(read(png, "IMAGE/PNG; charset=x", "a.png").type()).isEqualTo(FileType.PNG);
    assertThat(read(png, null, "a.png").type()).isEqualTo(FileType.PNG);
  }

  @Test
  void pagesScriptsProgramsAndOtherFilesAreRefusedWhateverTheyClaim() {
    assertThat(refused(Samples.html(), "image/jpeg", 415, "unsupported-file-type").getMessage())
        .isNotBlank();
    refused(Samples.html(), "text/html", 415, "unsupported-file-type");
    refused(Samples.svg(), "image/svg+xml", 415, "unsupported-file-type");
    refused(Samples.exe(), "application/octet-stream", 415, "unsupported-file-type");
    refused(Samples.exe(), "image/png", 415, "unsupported-file-type");
    // an iPhone photo, and a zip, are not among the kinds accepted
    refused(Samples.ftyp("heic"), "image/heic", 415, "unsupported-file-type");
    refused(new byte[] {'P', 'K', 3, 4, 0, 0}, "application/zip", 415, "unsupported-file-type");
  }

  @Test
  void aFileDeclaredAsAnotherKindIsRefused() {
    refused(Samples.image("png", 10, 10), "image/jpeg", 415, "content-type-mismatch");
    refused(Samples.image("jpeg", 10, 10), "image/png", 415, "content-type-mismatch");
    refused(Samples.pdf(), "image/png", 415, "content-type-mismatch");
    refused(Samples.image("png", 10, 10), "text/plain", 415, "content-type-mismatch");
  }

  @Test
  void atMostTenMegabytesAreRead() throws Exception {
    byte[] big = new byte[Upload.MAX_BYTES + 1];
    System.arraycopy(Samples.pdf(), 0, big, 0, Samples.pdf().length);
    // chunked: read up to one byte past the limit
    ProblemException chunked =
        catchThrowableOfType(
            () -> Upload.read(new ByteArrayInputStream(big), -1, null, "a.pdf"),
            ProblemException.class);
    assertThat(chunked.status()).isEqualTo(413);
    assertThat(chunked.type()).isEqualTo("too-large");
    // announced: refused before a byte is read
    InputStream untouchable =
        new InputStream() {
          @Override
          public int read() {
            throw new AssertionError("read the body of an announced oversize upload");
          }
        };
    assertThat(
            catchThrowableOfType(
                    () -> Upload.read(untouchable, Upload.MAX_BYTES + 1L, null, "a.pdf"),
                    ProblemException.class)
                .status())
        .isEqualTo(413);
    // exactly the limit passes
    byte[] limit = java.util.Arrays.copyOf(big, Upload.MAX_BYTES);
    assertThat(Upload.read(new ByteArrayInputStream(limit), -1, null, "a.pdf").bytes())
        .hasSize(Upload.MAX_BYTES);
  }

  @Test
  void anEmptyOrTruncatedBodyIsNoFile() {
    assertThat(refused(new byte[0], "image/png", 400, "missing-body")).isNotNull();
    ProblemException truncated =
        catchThrowableOfType(
            () -> Upload.read(new ByteArrayInputStream(Samples.pdf()), 10_000, null, "a.pdf"),
            ProblemException.class);
    assertThat(truncated.status()).isEqualTo(400);
  }

  @Test
  void theHashIsTheBytesSha256() throws Exception {
    byte[] jpeg = Samples.image("jpeg", 20, 20);
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(jpeg));
    assertThat(read(jpeg, "image/jpeg", "a.jpg").sha256()).isEqualTo(expected);
    assertThat(Upload.read(new ByteArrayInputStream(jpeg), -1, null, "a.jpg").sha256())
        .isEqualTo(expected);
    assertThat(read(jpeg, "image/jpeg", "a.jpg").bytes()).isEqualTo(jpeg);
  }

  @Test
  void namesLoseTheirFoldersAndTricksAndEndAsTheirKind() {
    assertThat(Upload.fileName("C:\\fakepath\\漏水.JPG", FileType.JPEG)).isEqualTo("漏水.JPG");
    assertThat(Upload.fileName("../../etc/passwd", FileType.PDF)).isEqualTo("passwd.pdf");
    assertThat(Upload.fileName("leak.jpeg", FileType.JPEG)).isEqualTo("leak.jpeg");
    // a right-to-left override that would make "photo\u202Egpj.exe" read as photoexe.jpg
    assertThat(Upload.fileName("photo\u202Egpj.exe", FileType.JPEG)).isEqualTo("photogpj.exe.jpg");
    assertThat(Upload.fileName("a\nb\u0000c.png", FileType.PNG)).isEqualTo("abc.png");
    assertThat(Upload.fileName(null, FileType.MP4)).isEqualTo("attachment.mp4");
    assertThat(Upload.fileName("  ", FileType.PNG)).isEqualTo("attachment.png");
    assertThat(Upload.fileName("..", FileType.PNG)).isEqualTo("attachment.png");
    assertThat(Upload.fileName("x".repeat(251) + ".png", FileType.PNG)).hasSize(255);
    ProblemException tooLong =
        catchThrowableOfType(
            () -> Upload.fileName("x".repeat(252) + ".png", FileType.PNG), ProblemException.class);
    assertThat(tooLong.status()).isEqualTo(400);
  }
}
