package org.courtyard.messaging.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.courtyard.api.TenantSlug;
import org.courtyard.messaging.Address;
import org.courtyard.messaging.Delivery;
import org.courtyard.messaging.Message;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The e-mail channel against a real SMTP server (GreenMail) in this JVM. */
class SmtpChannelTest {

  private static final TenantSlug ACME = TenantSlug.of("acme");
  private static final String CHINESE_SUBJECT = "您的登录验证码：482913（十分钟内有效）";
  private static final String CHINESE_TEXT =
      "您好，张伟：\n\n您的登录验证码是 482913，十分钟内有效。\n如非本人操作，请忽略本邮件。\n\n——阳光花园物业服务中心";

  private final TestSmtpServer smtp = new TestSmtpServer();

  @AfterEach
  void stop() {
    smtp.close();
  }

  private SmtpChannel channel(Map<String, Object> extra) throws Exception {
    Map<String, Object> values = new HashMap<>();
    values.put("host", "127.0.0.1");
    values.put("port", smtp.port);
    values.put("security", "none");
    values.put("fromAddress", "noreply@courtyard.test");
    values.put("fromName", "阳光花园物业");
    values.put("connectTimeoutSeconds", 2);
    values.put("readTimeoutSeconds", 2);
    values.putAll(extra);
    return new SmtpChannel(Configs.of(SmtpChannel.Config.class, values));
  }

  private static Message chinese(String to) {
    return Message.text(
            ACME,
            Address.email(to),
            "sign-in-code",
            Locale.SIMPLIFIED_CHINESE,
            CHINESE_SUBJECT,
            CHINESE_TEXT)
        .withHtml("<p>您的登录验证码是 <b>482913</b>，十分钟内有效。</p>");
  }

  @Test
  void chineseTextAndHtmlArriveIntactWithAnEncodedSubject() throws Exception {
    Delivery d = channel(Map.of()).send(chinese("zhang.wei@example.com"));

    assertThat(d.status()).as(d.detail()).isEqualTo(Delivery.Status.DELIVERED);
    assertThat(d.channel()).isEqualTo("email");
    List<MimeMessage> inbox = smtp.received();
    assertThat(inbox).hasSize(1);
    MimeMessage mail = inbox.get(0);
    assertThat(mail.getHeader("Message-ID")[0]).isEqualTo(d.providerId());
    assertThat(mail.getSubject()).isEqualTo(CHINESE_SUBJECT);
    // RFC 2047 encoded words, never raw 8-bit bytes in a header
    String rawSubject = mail.getHeader("Subject")[0];
    assertThat(rawSubject).startsWith("=?UTF-8?").matches("\\p{ASCII}+");
    assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("阳光花园物业");
    assertThat(mail.getHeader("Content-Language")[0]).isEqualTo("zh-CN");
    assertThat(mail.getHeader("Auto-Submitted")[0]).isEqualTo("auto-generated");
    assertThat(mail.isMimeType("multipart/alternative")).isTrue();
    Multipart parts = (Multipart) mail.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    Part text = parts.getBodyPart(0);
    Part html = parts.getBodyPart(1);
    assertThat(text.getContentType())
        .containsIgnoringCase("text/plain")
        .containsIgnoringCase("UTF-8");
    assertThat(html.getContentType())
        .containsIgnoringCase("text/html")
        .containsIgnoringCase("UTF-8");
    assertThat(normalized((String) text.getContent())).isEqualTo(CHINESE_TEXT);
    assertThat((String) html.getContent()).contains("<b>482913</b>，十分钟内有效");
  }

  @Test
  void anEnglishTextOnlyMessageIsPlainText() throws Exception {
    Message m =
        Message.text(
            ACME,
            Address.email("resident@example.com"),
            "notice",
            Locale.ENGLISH,
            "Water off on Tuesday",
            "The water is off on Tuesday from 9:00 to 12:00.");

    Delivery d = channel(Map.of()).send(m);

    assertThat(d.isDelivered()).as(d.detail()).isTrue();
    MimeMessage mail = smtp.received().get(0);
    assertThat(mail.getHeader("Subject")[0]).isEqualTo("Water off on Tuesday");
    assertThat(mail.isMimeType("text/plain")).isTrue();
    assertThat(normalized((String) mail.getContent()))
        .isEqualTo("The water is off on Tuesday from 9:00 to 12:00.");
    assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("resident@example.com");
  }

  @Test
  void aServerThatIsAwayIsATransientFailure() throws Exception {
    SmtpChannel channel = channel(Map.of());
    smtp.stop();

    Delivery d = channel.send(chinese("zhang.wei@example.com"));

    assertThat(d.status()).as(d.detail()).isEqualTo(Delivery.Status.TRANSIENT_FAILURE);
    smtp.start();
    assertThat(channel.send(chinese("zhang.wei@example.com")).isDelivered()).isTrue();
    assertThat(smtp.received()).hasSize(1);
  }

  @Test
  void aRecipientTheServerDoesNotKnowIsAPermanentFailure() throws Exception {
    Delivery d = channel(Map.of()).send(chinese("nobody@example.com"));

    assertThat(d.status()).isEqualTo(Delivery.Status.PERMANENT_FAILURE);
    assertThat(d.detail()).contains("address was refused").contains("550");
    assertThat(smtp.received()).isEmpty();
  }

  @Test
  void aServerThatAsksToComeBackLaterIsATransientFailure() throws Exception {
    Delivery d = channel(Map.of()).send(chinese("later@example.com"));

    assertThat(d.status()).isEqualTo(Delivery.Status.TRANSIENT_FAILURE);
    assertThat(d.detail()).contains("451");
  }

  @Test
  void anAddressThatIsNotOneFailsPermanentlyWithoutAConnection() throws Exception {
    SmtpChannel channel = channel(Map.of());
    smtp.stop();

    Delivery d = channel.send(chinese("zhang.wei at example.com"));

    assertThat(d.status()).isEqualTo(Delivery.Status.PERMANENT_FAILURE);
    assertThat(d.detail()).startsWith("not an e-mail address");
  }

  @Test
  void aRefusedLoginIsPermanent() throws Exception {
    smtp.managers.getUserManager().setAuthRequired(true);
    smtp.managers.getUserManager().createUser("mailer@courtyard.test", "mailer", "right");

    Delivery d =
        channel(Map.of("username", "mailer", "password", "wrong"))
            .send(chinese("zhang.wei@example.com"));

    assertThat(d.status()).as(d.detail()).isEqualTo(Delivery.Status.PERMANENT_FAILURE);
    assertThat(d.detail()).contains("login");
    assertThat(
            channel(Map.of("username", "mailer", "password", "right"))
                .send(chinese("zhang.wei@example.com"))
                .isDelivered())
        .isTrue();
  }

  /**
   * A server that takes the whole message and drops the line instead of answering the final dot may
   * have delivered it: unconfirmed, so that it is not sent again.
   */
  @Test
  void aLineThatBreaksAfterTheMessageWentOutIsUnconfirmed() throws Exception {
    AtomicInteger dataSeen = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0)) {
      Thread fake = new Thread(() -> dropAfterData(server, dataSeen), "fake-smtp");
      fake.setDaemon(true);
      fake.start();

      Delivery d =
          channel(Map.of("port", server.getLocalPort())).send(chinese("zhang.wei@example.com"));

      assertThat(d.status()).as(d.detail()).isEqualTo(Delivery.Status.UNCONFIRMED);
      assertThat(dataSeen).hasValue(1);
    }
  }

  @Test
  void theChannelNeedsAHostAndASender() {
    assertThatThrownBy(() -> channel(Map.of("host", " ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names no host");
    assertThatThrownBy(() -> channel(Map.of("fromAddress", "")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("fromAddress");
    assertThatThrownBy(() -> channel(Map.of("security", "tls13")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("starttls, ssl or none");
  }

  @Test
  void starttlsIsRequiredNotMerelyTried() {
    var p =
        SmtpChannel.properties(
            Configs.of(
                SmtpChannel.Config.class,
                Map.of("host", "smtp.example.com", "fromAddress", "a@example.com")));
    assertThat(p.getProperty("mail.smtp.starttls.enable")).isEqualTo("true");
    assertThat(p.getProperty("mail.smtp.starttls.required")).isEqualTo("true");
    assertThat(p.getProperty("mail.smtp.ssl.checkserveridentity")).isEqualTo("true");
    assertThat(p.getProperty("mail.smtp.port")).isEqualTo("587");
  }

  /** Jakarta Mail hands text back with the CRLF line ends it travelled with. */
  private static String normalized(String text) {
    return text.replace("\r\n", "\n").strip();
  }

  /** Speaks SMTP up to the end of DATA, then closes without the 250. */
  private static void dropAfterData(ServerSocket server, AtomicInteger dataSeen) {
    try (Socket s = server.accept()) {
      BufferedReader in =
          new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
      Writer out = new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8);
      out.write("220 fake ESMTP\r\n");
      out.flush();
      String line;
      while ((line = in.readLine()) != null) {
        String command = line.toUpperCase(Locale.ROOT);
        if (command.startsWith("EHLO") || command.startsWith("HELO")) {
          out.write("250 fake\r\n");
        } else if (command.startsWith("DATA")) {
          out.write("354 go ahead\r\n");
          out.flush();
          while ((line = in.readLine()) != null && !line.equals(".")) {
            // the message
          }
          dataSeen.incrementAndGet();
          return; // the line breaks here
        } else {
          out.write("250 ok\r\n");
        }
        out.flush();
      }
    } catch (Exception e) {
      // the test fails on what the channel reports
    }
  }
}
