package org.courtyard.workorders.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A served file keeps its name in every browser: Chinese in {@code filename*} (RFC 8187), a plain
 * fallback that cannot break out of its quotes, and a thumbnail named after its file.
 */
class AttachmentExchangeTest {

  @Test
  void theNameIsSentInUtf8AndAsSafeAscii() {
    String d = AttachmentExchange.disposition("厨房 漏水\"1\".jpg");
    assertThat(d).startsWith("inline; filename=\"");
    String ascii = d.substring(d.indexOf('"') + 1, d.indexOf("\"; "));
    assertThat(ascii).isEqualTo("__ ___1_.jpg");
    String encoded = d.substring(d.indexOf("filename*=UTF-8''") + "filename*=UTF-8''".length());
    assertThat(encoded).matches("[A-Za-z0-9!#$&+\\-.^_`|~%]+");
    assertThat(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8))
        .isEqualTo("厨房 漏水\"1\".jpg");
    assertThat(AttachmentExchange.disposition("leak.png"))
        .isEqualTo("inline; filename=\"leak.png\"; filename*=UTF-8''leak.png");
  }

  @Test
  void aThumbnailIsNamedAfterItsFile() {
    assertThat(AttachmentExchange.thumbnailName("漏水.png", "image/jpeg"))
        .isEqualTo("漏水-thumbnail.jpg");
    assertThat(AttachmentExchange.thumbnailName("logo.png", "image/png"))
        .isEqualTo("logo-thumbnail.png");
    assertThat(AttachmentExchange.thumbnailName(".hidden", "image/jpeg"))
        .isEqualTo(".hidden-thumbnail.jpg");
  }
}
