package org.courtyard.admin.ui;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code drawn on the server as SVG (like the traffic chart: no frontend code), for the
 * authenticator app to scan the second factor's {@code otpauth://} URI from the screen.
 */
final class QrSvg {

  private static final int BORDER = 4;

  private QrSvg() {}

  /** The SVG of {@code text} at medium error correction, {@code pixels} wide. */
  static String of(String text, int pixels) {
    QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
    int side = qr.size + BORDER * 2;
    StringBuilder path = new StringBuilder();
    for (int y = 0; y < qr.size; y++) {
      for (int x = 0; x < qr.size; x++) {
        if (qr.getModule(x, y)) {
          path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
        }
      }
    }
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr-code\" role=\"img\""
        + " width=\""
        + pixels
        + "\" height=\""
        + pixels
        + "\" viewBox=\"0 0 "
        + side
        + " "
        + side
        + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
        + "<path d=\""
        + path
        + "\" fill=\"#000\"/></svg>";
  }
}
