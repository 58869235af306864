package org.courtyard.workorders.internal.attachments;

import java.awt.image.BufferedImage;

/**
 * How a phone held the camera: the EXIF orientation of a JPEG (1 to 8; 1 upright), which ImageIO
 * ignores and browsers apply. A portrait photo is stored sideways with orientation 6, so its
 * thumbnail is turned the same way the browser turns the photo.
 */
final class ExifOrientation {

  private ExifOrientation() {}

  /** The orientation in the JPEG's first EXIF segment; 1 when it has none or it does not read. */
  static int of(byte[] jpeg) {
    int at = 2;
    while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
      int marker = jpeg[at + 1] & 0xFF;
      if (marker == 0xDA || marker == 0xD9) {
        return 1; // the image data starts: no metadata after it
      }
      int length = u16(jpeg, at + 2, true);
      int start = at + 4;
      if (length < 2 || start + length - 2 > jpeg.length) {
        return 1;
      }
      if (marker == 0xE1 && length >= 8 && ascii(jpeg, start, "Exif\0\0")) {
        return tiff(jpeg, start + 6, start + length - 2);
      }
      at += 2 + length;
    }
    return 1;
  }

  /** The orientation tag (0x0112) of IFD0 of the TIFF structure in {@code [tiff, end)}. */
  private static int tiff(byte[] b, int tiff, int end) {
    if (tiff + 8 > end) {
      return 1;
    }
    boolean big;
    if (ascii(b, tiff, "MM")) {
      big = true;
    } else if (ascii(b, tiff, "II")) {
      big = false;
    } else {
      return 1;
    }
    long ifd = tiff + u32(b, tiff + 4, big);
    if (ifd + 2 > end) {
      return 1;
    }
    int entries = u16(b, (int) ifd, big);
    for (int i = 0; i < entries; i++) {
      int entry = (int) ifd + 2 + 12 * i;
      if (entry + 12 > end) {
        return 1;
      }
      if (u16(b, entry, big) == 0x0112 && u16(b, entry + 2, big) == 3) {
        int value = u16(b, entry + 8, big);
        return value >= 1 && value <= 8 ? value : 1;
      }
    }
    return 1;
  }

  /** {@code image} turned and flipped upright as orientation {@code o} says. */
  static BufferedImage upright(BufferedImage image, int o) {
    if (o < 2 || o > 8) {
      return image;
    }
    int w = image.getWidth();
    int h = image.getHeight();
    boolean swap = o >= 5;
    BufferedImage out = new BufferedImage(swap ? h : w, swap ? w : h, image.getType());
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int nx;
        int ny;
        switch (o) {
          case 2 -> {
            nx = w - 1 - x;
            ny = y;
          }
          case 3 -> {
            nx = w - 1 - x;
            ny = h - 1 - y;
          }
          case 4 -> {
            nx = x;
            ny = h - 1 - y;
          }
          case 5 -> {
            nx = y;
            ny = x;
          }
          case 6 -> {
            nx = h - 1 - y;
            ny = x;
          }
          case 7 -> {
            nx = h - 1 - y;
            ny = w - 1 - x;
          }
          default -> {
            nx = y;
            ny = w - 1 - x;
          }
        }
        out.setRGB(nx, ny, image.getRGB(x, y));
      }
    }
    return out;
  }

  private static int u16(byte[] b, int at, boolean big) {
    int a = b[at] & 0xFF;
    int c = b[at + 1] & 0xFF;
    return big ? (a << 8) | c : (c << 8) | a;
  }

  private static long u32(byte[] b, int at, boolean big) {
    long hi = u16(b, big ? at : at + 2, big);
    long lo = u16(b, big ? at + 2 : at, big);
    return (hi << 16) | lo;
  }

  private static boolean ascii(byte[] b, int at, String s) {
    if (at + s.length() > b.length) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (b[at + i] != s.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
