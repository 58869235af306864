package org.courtyard.devices.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.courtyard.api.Languages;
import org.courtyard.api.Texts;
import org.junit.jupiter.api.Test;

/**
 * The refusal an operator copies a command from: the JSON body in it keeps its braces and quotes in
 * both languages, and the English reads as it always did.
 */
class DriverPackageMessagesTest {

  private static final Texts TEXTS = Texts.of(DriverPackages.class);

  @Test
  void anUnapprovedJarIsAnsweredWithTheApprovalToSend() {
    String sha = "ab".repeat(32);
    var text = TEXTS.text("package.not-approved", sha);
    assertThat(text.in(Languages.ENGLISH))
        .isEqualTo(
            "This jar's SHA-256 is "
                + sha
                + ". It is not approved, so it was not installed. If you trust it, approve it"
                + " (POST /api/v1/operator/drivers/approvals {\"sha256\": \""
                + sha
                + "\"}) and upload it again.");
    assertThat(text.in(Languages.CHINESE))
        .startsWith("该 jar 的 SHA-256 为 " + sha + "。")
        .contains("{\"sha256\": \"" + sha + "\"}");
    assertThat(TEXTS.title("driver-not-approved").in(Languages.CHINESE)).isEqualTo("驱动未经批准");
  }
}
