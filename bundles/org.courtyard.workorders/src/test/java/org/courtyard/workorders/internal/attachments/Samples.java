package org.courtyard.workorders.internal.attachments;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/** Real small files made in the test, as phones and scanners would send them. */
final class Samples {

  private Samples() {}

  /** A picture left half dark red, right half light blue, in {@code format} (jpeg, png, gif). */
  static byte[] image(String format, int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(120, 0, 0));
    g.fillRect(0, 0, width / 2, height);
    g.setColor(new Color(170, 200, 255));
    g.fillRect(width / 2, 0, width - width / 2, height);
    g.dispose();
    return write(image, format);
  }

  /** A PNG with transparency: a red square in the middle of nothing. */
  static byte[] transparentPng(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.RED);
    g.fillRect(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    return write(image, "png");
  }

  /** One-pixel black and white squares: a thumbnail made without filtering flickers or moirés. */
  static byte[] checkerboard(int side) {
    BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < side; y++) {
      for (int x = 0; x < side; x++) {
        image.getRaster().setSample(x, y, 0, ((x + y) & 1) == 0 ? 0 : 255);
      }
    }
    return write(image, "png");
  }

  static byte[] write(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no writer for " + format);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] pdf() {
    return ("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            + "2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n"
            + "trailer << /Root 1 0 R >>\n%%EOF\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** The start of a Windows program: "MZ", the DOS stub. */
  static byte[] exe() {
    byte[] b = new byte[128];
    b[0] = 'M';
    b[1] = 'Z';
    b[2] = (byte) 0x90;
    System.arraycopy(
        "This program cannot be run in DOS mode".getBytes(StandardCharsets.US_ASCII), 0, b, 78, 38);
    return b;
  }

  static byte[] html() {
    return "<!DOCTYPE html><html><script>alert(document.cookie)</script></html>"
        .getBytes(StandardCharsets.UTF_8);
  }

  static byte[] svg() {
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"
        .getBytes(StandardCharsets.UTF_8);
  }

  /** An ISO base media file's first box with {@code brand}: "isom" is MP4, "heic" a photo. */
  static byte[] ftyp(String brand) {
    ByteBuffer b = ByteBuffer.allocate(32);
    b.putInt(32).put("ftyp".getBytes(StandardCharsets.US_ASCII));
    b.put(brand.getBytes(StandardCharsets.US_ASCII)).putInt(0x200);
    b.put(brand.getBytes(StandardCharsets.US_ASCII))
        .put("mp41".getBytes(StandardCharsets.US_ASCII));
    return b.array();
  }

  /** A lossy WebP's RIFF header and the start of its VP8 chunk. */
  static byte[] webp() {
    ByteBuffer b = ByteBuffer.allocate(40).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(32);
    b.put("WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)).putInt(20);
    return b.array();
  }

  /**
   * A decompression bomb's header: a valid PNG signature and IHDR (checksum and all) declaring
   * {@code width} × {@code height} 8-bit RGBA pixels, and then hardly anything.
   */
  static byte[] pngHeader(int width, int height) {
    ByteBuffer ihdr = ByteBuffer.allocate(17);
    ihdr.put("IHDR".getBytes(StandardCharsets.US_ASCII));
    ihdr.putInt(width).putInt(height);
    ihdr.put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    ByteBuffer png = ByteBuffer.allocate(8 + 4 + 17 + 4 + 12);
    png.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
    png.putInt(13).put(ihdr.array()).putInt((int) crc.getValue());
    // an empty IDAT: what follows in a real bomb is a few kilobytes of deflated zeros
    CRC32 idat = new CRC32();
    idat.update("IDAT".getBytes(StandardCharsets.US_ASCII));
    png.putInt(0).put("IDAT".getBytes(StandardCharsets.US_ASCII)).putInt((int) idat.getValue());
    return png.array();
  }

  /**
   * {@code jpeg} with an EXIF segment (big-endian, as iPhones write it) saying orientation {@code
   * orientation}, after its JFIF segment.
   */
  static byte[] withOrientation(byte[] jpeg, int orientation) {
    ByteBuffer exif = ByteBuffer.allocate(2 + 2 + 6 + 8 + 2 + 12 + 4);
    exif.put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.capacity() - 2));
    exif.put("Exif\0\0".getBytes(StandardCharsets.US_ASCII));
    exif.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8);
    exif.putShort((short) 1);
    exif.putShort((short) 0x0112).putShort((short) 3).putInt(1);
    exif.putShort((short) orientation).putShort((short) 0);
    exif.putInt(0);
    int app0End = 2 + 2 + (((jpeg[4] & 0xFF) << 8) | (jpeg[5] & 0xFF));
    ByteBuffer out = ByteBuffer.allocate(jpeg.length + exif.capacity());
    out.put(jpeg, 0, app0End).put(exif.array()).put(jpeg, app0End, jpeg.length - app0End);
    return out.array();
  }
}
