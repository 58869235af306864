package org.courtyard.workorders.internal.attachments;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.courtyard.api.Texts;

/**
 * The dimensions and the thumbnail of an uploaded photo, with the JDK's ImageIO. The size comes
 * from the header alone, and an image whose header claims more than {@value #MAX_PIXELS} pixels is
 * refused before anything is decoded (a few kilobytes of PNG can claim gigabytes of pixels). A
 * large photo is decoded subsampled, to no less than four times the thumbnail, and then halved step
 * by step with bilinear filtering to at most {@value #SIDE} px on its longest side, which looks as
 * good as one bicubic step from the full image at a fraction of the memory. The thumbnail is a
 * JPEG, or a PNG when the image has transparency, turned as the JPEG's EXIF orientation says (as
 * browsers show the photo). Everything happens in memory: no temporary files.
 */
public final class Thumbnails {

  private static final Texts TEXTS = Texts.of(Thumbnails.class);

  /** About 40 megapixels: more than any phone camera; 160 MB once decoded. */
  public static final long MAX_PIXELS = 40_000_000L;

  /** The longest side of a thumbnail, in pixels. */
  public static final int SIDE = 320;

  private static final float JPEG_QUALITY = 0.85f;

  private Thumbnails() {}

  /**
   * What an image is, as stored beside it.
   *
   * @param width as the image is shown (a sideways-stored portrait photo is taller than wide); null
   *     when the JDK does not read the kind (WebP, and anything not an image)
   * @param thumbnail null when there is none
   * @param thumbnailType {@code image/jpeg} or {@code image/png}; null without a thumbnail
   */
  public record Picture(Integer width, Integer height, byte[] thumbnail, String thumbnailType) {
    static final Picture NONE = new Picture(null, null, null, null);
  }

  /**
   * The picture of an upload: its size and thumbnail for the kinds ImageIO reads; {@link
   * Picture#NONE} for the others. A photo whose header reads but whose pixels do not decode (a CMYK
   * JPEG, a truncated file) is kept with its size and without a thumbnail.
   *
   * @throws org.courtyard.api.ProblemException 422 {@code image-too-large} over {@value
   *     #MAX_PIXELS} pixels, 422 {@code unreadable-image} when not even the header reads
   */
  public static Picture of(FileType type, byte[] bytes) {
    if (type.imageIoFormat() == null) {
      return Picture.NONE;
    }
    Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(type.imageIoFormat());
    if (!readers.hasNext()) {
      return Picture.NONE;
    }
    ImageReader reader = readers.next();
    try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
      reader.setInput(in, true, true);
      int width;
      int height;
      try {
        width = reader.getWidth(0);
        height = reader.getHeight(0);
      } catch (IOException | RuntimeException e) {
        throw TEXTS.problem(422, "unreadable-image", "image.unreadable", type.mediaType());
      }
      if (width <= 0 || height <= 0) {
        throw TEXTS.problem(422, "unreadable-image", "image.unreadable", type.mediaType());
      }
      if ((long) width * height > MAX_PIXELS) {
        throw TEXTS.problem(
            422, "image-too-large", "image.too-large", width, height, MAX_PIXELS / 1_000_000);
      }
      // a phone's portrait photo: turned as browsers show it, and measured as shown
      int orientation = type == FileType.JPEG ? ExifOrientation.of(bytes) : 1;
      boolean turned = orientation >= 5;
      BufferedImage decoded;
      try {
        ImageReadParam param = reader.getDefaultReadParam();
        int step = Math.max(1, Math.max(width, height) / (4 * SIDE));
        param.setSourceSubsampling(step, step, 0, 0);
        decoded = reader.read(0, param);
      } catch (IOException | RuntimeException e) {
        return new Picture(turned ? height : width, turned ? width : height, null, null);
      }
      boolean alpha = decoded.getColorModel().hasAlpha();
      BufferedImage small = scale(decoded, width, height, alpha);
      small = ExifOrientation.upright(small, orientation);
      return new Picture(
          turned ? height : width,
          turned ? width : height,
          encode(small, alpha),
          alpha ? "image/png" : FileType.JPEG.mediaType());
    } catch (IOException e) {
      // a stream over an array does not fail
      throw new IllegalStateException(e);
    } finally {
      reader.dispose();
    }
  }

  /**
   * {@code image} brought to at most {@link #SIDE} px on its longest side, keeping the aspect of
   * the original {@code width} × {@code height} (a subsampled decode may round it), never larger
   * than it was, as plain RGB (or ARGB) whatever palette it had.
   */
  static BufferedImage scale(BufferedImage image, int width, int height, boolean alpha) {
    int targetWidth;
    int targetHeight;
    if (width >= height) {
      targetWidth = Math.min(SIDE, width);
      targetHeight = (int) Math.max(1, Math.round((double) height * targetWidth / width));
    } else {
      targetHeight = Math.min(SIDE, height);
      targetWidth = (int) Math.max(1, Math.round((double) width * targetHeight / height));
    }
    BufferedImage current = image;
    int w = image.getWidth();
    int h = image.getHeight();
    do {
      w = w > targetWidth ? Math.max(w / 2, targetWidth) : targetWidth;
      h = h > targetHeight ? Math.max(h / 2, targetHeight) : targetHeight;
      BufferedImage next =
          new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
      Graphics2D g = next.createGraphics();
      try {
        if (!alpha) {
          g.setColor(Color.WHITE);
          g.fillRect(0, 0, w, h);
        }
        boolean last = w == targetWidth && h == targetHeight;
        g.setRenderingHint(
            RenderingHints.KEY_INTERPOLATION,
            last
                ? RenderingHints.VALUE_INTERPOLATION_BICUBIC
                : RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(
            RenderingHints.KEY_ALPHA_INTERPOLATION,
            RenderingHints.VALUE_ALPHA_INTERPOLATION_QUALITY);
        g.drawImage(current, 0, 0, w, h, null);
      } finally {
        g.dispose();
      }
      current = next;
    } while (w != targetWidth || h != targetHeight);
    return current;
  }

  private static byte[] encode(BufferedImage image, boolean alpha) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageWriter writer = ImageIO.getImageWritersByFormatName(alpha ? "png" : "jpeg").next();
    try (ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (!alpha) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(JPEG_QUALITY);
      }
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
