package org.courtyard.rest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Texts;

/**
 * A request body cut off at a number of bytes. Reading past it fails with {@link TooLarge}, which
 * the problem mapper answers with 413 {@code too-large} wherever the read happened: in the JSON
 * reader or in a resource that reads an upload itself.
 */
final class BodyLimit extends FilterInputStream {

  private static final Texts TEXTS = Texts.of(BodyLimit.class);

  private final long limit;
  private long read;

  BodyLimit(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    // one byte more than allowed is enough to tell the body is too large
    int n = super.read(buffer, offset, (int) Math.min(length, limit - read + 1));
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(Math.min(n, limit - read + 1));
    count(skipped);
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void count(long n) throws TooLarge {
    read += n;
    if (read > limit) {
      RequestLimits.dropUnreadBody();
      throw new TooLarge(limit);
    }
  }

  /** 413 {@code too-large}: a body longer than the limit of its kind. */
  static ProblemException problem(long limit) {
    return TEXTS.problem(
        413, "too-large", Map.of("maxBytes", limit), "body-limit.too-large", describe(limit));
  }

  static String describe(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MiB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KiB";
    }
    return bytes + " bytes";
  }

  /** An {@link IOException}, so that readers and resources pass it on as they would any other. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;
    final long limit;

    TooLarge(long limit) {
      super("request body larger than " + limit + " bytes");
      this.limit = limit;
    }
  }
}
