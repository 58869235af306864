package org.courtyard.workorders.internal.attachments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.courtyard.api.ProblemException;
import org.junit.jupiter.api.Test;

/**
 * Thumbnails are at most 320 px on their longest side in the photo's own proportions, never larger
 * than the photo, filtered (no moiré), JPEG unless the photo is transparent; a header claiming more
 * than 40 megapixels is refused before its pixels are decoded.
 */
class ThumbnailsTest {

  private static BufferedImage decode(byte[] bytes) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    assertThat(image).as("a thumbnail ImageIO reads").isNotNull();
    return image;
  }

  @Test
  void aLandscapePhotoBecomes320WideInItsProportions() throws Exception {
    Thumbnails.Picture p = Thumbnails.of(FileType.JPEG, Samples.image("jpeg", 1600, 900));
    assertThat(p.width()).isEqualTo(1600);
    assertThat(p.height()).isEqualTo(900);
    assertThat(p.thumbnailType()).isEqualTo("image/jpeg");
    assertThat(FileType.sniff(p.thumbnail(), p.thumbnail().length)).contains(FileType.JPEG);
    BufferedImage t = decode(p.thumbnail());
    assertThat(t.getWidth()).isEqualTo(320);
    assertThat(t.getHeight()).isEqualTo(180);
    // the left half stays dark red, the right half light blue
    Color left = new Color(t.getRGB(40, 90));
    Color right = new Color(t.getRGB(280, 90));
    assertThat(left.getRed()).isBetween(90, 150);
    assertThat(left.getBlue()).isLessThan(40);
    assertThat(right.getBlue()).isGreaterThan(220);
  }

  @Test
  void aPortraitPhotoBecomes320High() throws Exception {
    Thumbnails.Picture p = Thumbnails.of(FileType.PNG, Samples.image("png", 3000, 4000));
    BufferedImage t = decode(p.thumbnail());
    assertThat(t.getHeight()).isEqualTo(320);
    assertThat(t.getWidth()).isEqualTo(240);
    assertThat(p.width()).isEqualTo(3000);
    assertThat(p.height()).isEqualTo(4000);
    // an opaque PNG's thumbnail is a JPEG, a fraction of a PNG's size
    assertThat(p.thumbnailType()).isEqualTo("image/jpeg");
  }

  @Test
  void aSmallPhotoIsNotEnlarged() throws Exception {
    Thumbnails.Picture p = Thumbnails.of(FileType.GIF, Samples.image("gif", 100, 50));
    BufferedImage t = decode(p.thumbnail());
    assertThat(t.getWidth()).isEqualTo(100);
    assertThat(t.getHeight()).isEqualTo(50);
    // a very thin one keeps at least a pixel
    BufferedImage line =
        decode(Thumbnails.of(FileType.PNG, Samples.image("png", 2000, 2)).thumbnail());
    assertThat(line.getWidth()).isEqualTo(320);
    assertThat(line.getHeight()).isEqualTo(1);
  }

  @Test
  void transparencyIsKeptInAPng() throws Exception {
    Thumbnails.Picture p = Thumbnails.of(FileType.PNG, Samples.transparentPng(800, 800));
    assertThat(p.thumbnailType()).isEqualTo("image/png");
    BufferedImage t = decode(p.thumbnail());
    assertThat(t.getWidth()).isEqualTo(320);
    assertThat(t.getColorModel().hasAlpha()).isTrue();
    assertThat(new Color(t.getRGB(5, 5), true).getAlpha()).isZero();
    assertThat(new Color(t.getRGB(160, 160), true)).isEqualTo(Color.RED);
  }

  @Test
  void fineDetailIsFilteredToGreyNotAliased() throws Exception {
    BufferedImage t = decode(Thumbnails.of(FileType.PNG, Samples.checkerboard(2000)).thumbnail());
    assertThat(t.getWidth()).isEqualTo(320);
    int[] greys =
        Arrays.stream(t.getRGB(20, 20, 280, 280, null, 0, 280))
            .map(rgb -> new Color(rgb).getGreen())
            .toArray();
    // nearest-neighbour scaling of one-pixel squares gives black and white patches
    assertThat(Arrays.stream(greys).min().getAsInt()).isGreaterThan(90);
    assertThat(Arrays.stream(greys).max().getAsInt()).isLessThan(165);
  }

  @Test
  void aDecompressionBombIsRefusedFromItsHeader() {
    byte[] bomb = Samples.pngHeader(50_000, 50_000);
    assertThat(bomb.length).isLessThan(100);
    ProblemException p =
        catchThrowableOfType(() -> Thumbnails.of(FileType.PNG, bomb), ProblemException.class);
    assertThat(p.status()).isEqualTo(422);
    assertThat(p.type()).isEqualTo("image-too-large");
    // just over the limit too, and just under passes the header check
    assertThat(
            catchThrowableOfType(
                    () -> Thumbnails.of(FileType.PNG, Samples.pngHeader(8000, 5001)),
                    ProblemException.class)
                .type())
        .isEqualTo("image-too-large");
    Thumbnails.Picture underLimit = Thumbnails.of(FileType.PNG, Samples.pngHeader(8000, 5000));
    // its pixels are missing: kept with its size, without a thumbnail
    assertThat(underLimit.width()).isEqualTo(8000);
    assertThat(underLimit.thumbnail()).isNull();
  }

  @Test
  void aPhotoWhoseHeaderDoesNotReadIsRefused() {
    byte[] broken = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x01, 0x02, 0x03};
    ProblemException p =
        catchThrowableOfType(() -> Thumbnails.of(FileType.JPEG, broken), ProblemException.class);
    assertThat(p.status()).isEqualTo(422);
    assertThat(p.type()).isEqualTo("unreadable-image");
  }

  @Test
  void kindsTheJdkDoesNotReadHaveNoPicture() {
    assertThat(Thumbnails.of(FileType.WEBP, Samples.webp())).isEqualTo(Thumbnails.Picture.NONE);
    assertThat(Thumbnails.of(FileType.PDF, Samples.pdf()).thumbnail()).isNull();
    assertThat(Thumbnails.of(FileType.MP4, Samples.ftyp("isom")).width()).isNull();
  }

  @Test
  void aPortraitPhotoStoredSidewaysIsTurnedAsBrowsersShowIt() throws Exception {
    // a phone held upright stores 400 × 200 pixels and says "turn 90° clockwise" (6)
    byte[] sideways = Samples.withOrientation(Samples.image("jpeg", 400, 200), 6);
    assertThat(ExifOrientation.of(sideways)).isEqualTo(6);
    assertThat(FileType.sniff(sideways, sideways.length)).contains(FileType.JPEG);
    Thumbnails.Picture p = Thumbnails.of(FileType.JPEG, sideways);
    assertThat(p.width()).isEqualTo(200);
    assertThat(p.height()).isEqualTo(400);
    BufferedImage t = decode(p.thumbnail());
    assertThat(t.getWidth()).isEqualTo(160);
    assertThat(t.getHeight()).isEqualTo(320);
    // turned clockwise, the dark left half is on top
    assertThat(new Color(t.getRGB(80, 40)).getBlue()).isLessThan(60);
    assertThat(new Color(t.getRGB(80, 280)).getBlue()).isGreaterThan(200);
    // 8 turns the other way: the dark half at the bottom
    BufferedImage other =
        decode(
            Thumbnails.of(
                    FileType.JPEG, Samples.withOrientation(Samples.image("jpeg", 400, 200), 8))
                .thumbnail());
    assertThat(new Color(other.getRGB(80, 280)).getBlue()).isLessThan(60);
    // 3 is upside down: same size, the dark half on the right
    BufferedImage upsideDown =
        decode(
            Thumbnails.of(
                    FileType.JPEG, Samples.withOrientation(Samples.image("jpeg", 400, 200), 3))
                .thumbnail());
    assertThat(upsideDown.getWidth()).isEqualTo(320);
    assertThat(new Color(upsideDown.getRGB(280, 80)).getBlue()).isLessThan(60);
    // no EXIF, or a broken one, is upright
    assertThat(ExifOrientation.of(Samples.image("jpeg", 10, 10))).isEqualTo(1);
    byte[] cut = java.util.Arrays.copyOf(sideways, 30);
    assertThat(ExifOrientation.of(cut)).isEqualTo(1);
  }
}
