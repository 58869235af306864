package org.courtyard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.courtyard.api.TenantSlug;
import org.courtyard.messaging.Address;
import org.courtyard.messaging.Delivery;
import org.courtyard.messaging.Message;
import org.courtyard.messaging.Messages;
import org.courtyard.messaging.Sending;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * Messages from inside Karaf to a real SMTP server: GreenMail in the failsafe JVM ({@link
 * TestMailServer}), which the test methods, running inside Karaf, stop, start and read through its
 * small HTTP port. Jakarta Mail and Angus Mail are the platform's own bundles here, so a message
 * that arrives proves that the messaging bundle finds Angus inside OSGi. The log channel stands in
 * until SMTP is configured through ConfigAdmin; then English and Chinese messages arrive intact, a
 * message sent while the server is down arrives once it is back (once), and an unknown recipient is
 * reported as a permanent failure.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class MessagingIT {

  private static final TenantSlug ACME = TenantSlug.of("acme_mail");
  private static final String CHINESE_SUBJECT = "【阳光花园】您的登录验证码：482913";
  private static final String CHINESE_TEXT =
      "张伟您好：\n\n您的登录验证码是 482913，十分钟内有效。如非本人操作，请忽略本邮件。\n\n——阳光花园物业服务中心";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private static TestMailServer mail;

  @Inject private Messages messages;
  @Inject private ConfigurationAdmin configurations;

  @Configuration
  public Option[] config() {
    synchronized (MessagingIT.class) {
      if (mail == null) {
        mail = TestMailServer.start();
      }
    }
    String cfg = "etc/org.courtyard.messaging.cfg";
    return CourtyardContainer.options(
        // retries come quickly here, and often enough to outlast a stopped server
        editConfigurationFilePut(cfg, "retryFirstSeconds", "1"),
        editConfigurationFilePut(cfg, "retryMaxSeconds", "2"),
        editConfigurationFilePut(cfg, "attempts", "60"),
        systemProperty("courtyard.it.smtp.port").value(String.valueOf(mail.smtpPort)),
        systemProperty("courtyard.it.mail.control").value("http://127.0.0.1:" + mail.controlPort));
  }

  @Test
  public void a01_theLogChannelStandsInWhileNoSmtpIsConfigured() throws Exception {
    assertEquals(List.of("log"), messages.channels(Address.EMAIL));
    assertEquals(List.of("log"), messages.channels(Address.PHONE));

    Delivery d =
        delivered(
            messages.send(
                Message.text(
                    ACME,
                    Address.phone("+86 138 1234 5678"),
                    "sign-in-code",
                    Locale.SIMPLIFIED_CHINESE,
                    "验证码",
                    "您的验证码是 739105，五分钟内有效。")));

    assertEquals("log", d.channel());
    String line = awaitLogLine(d.providerId());
    assertTrue(line, line.contains("+86138****5678"));
    assertFalse(line, line.contains("13812345678"));
    assertTrue("the developer reads the code in the log", logText().contains("739105"));
  }

  @Test
  public void a02_englishAndChineseMessagesArriveThroughSmtpIntact() throws Exception {
    configureSmtp();

    Delivery english =
        delivered(
            messages.send(
                Message.text(
                        ACME,
                        Address.email("resident.one@example.com"),
                        "notice",
                        Locale.UK,
                        "Water off on Tuesday 9:00-12:00",
                        "Dear resident,\n\nThe water is off on Tuesday from 9:00 to 12:00.")
                    .withHtml("<p>The water is off on <b>Tuesday</b> from 9:00 to 12:00.</p>")));
    Delivery chinese =
        delivered(
            messages.send(
                Message.text(
                        ACME,
                        Address.email("zhang.wei@example.com"),
                        "sign-in-code",
                        Locale.SIMPLIFIED_CHINESE,
                        CHINESE_SUBJECT,
                        CHINESE_TEXT)
                    .withHtml("<p>您的登录验证码是 <b>482913</b>，十分钟内有效。</p>")));

    assertEquals("email", english.channel());
    assertEquals("email", chinese.channel());
    JsonNode en = only(mailbox("resident.one@example.com"));
    assertEquals(english.providerId(), en.path("messageId").asText());
    assertEquals("Water off on Tuesday 9:00-12:00", en.path("subject").asText());
    assertEquals("en-GB", en.path("contentLanguage").asText());
    assertTrue(en.toString(), en.path("contentType").asText().startsWith("multipart/alternative"));
    assertEquals(
        "Dear resident,\n\nThe water is off on Tuesday from 9:00 to 12:00.",
        en.path("parts").get(0).path("text").asText());

    JsonNode zh = only(mailbox("zhang.wei@example.com"));
    assertEquals(chinese.providerId(), zh.path("messageId").asText());
    assertEquals(CHINESE_SUBJECT, zh.path("subject").asText());
    String raw = zh.path("rawSubject").asText();
    assertTrue("RFC 2047 encoded words: " + raw, raw.startsWith("=?UTF-8?"));
    assertTrue("a header stays ASCII: " + raw, raw.chars().allMatch(c -> c < 128));
    assertEquals("阳光花园物业", zh.path("fromName").asText());
    assertEquals("zh-CN", zh.path("contentLanguage").asText());
    JsonNode text = zh.path("parts").get(0);
    JsonNode html = zh.path("parts").get(1);
    assertTrue(
        text.toString(), text.path("contentType").asText().matches("(?i)text/plain;.*utf-8.*"));
    assertTrue(
        html.toString(), html.path("contentType").asText().matches("(?i)text/html;.*utf-8.*"));
    assertEquals(CHINESE_TEXT, text.path("text").asText());
    assertTrue(html.toString(), html.path("text").asText().contains("<b>482913</b>，十分钟内有效"));
  }

  @Test
  public void a03_aMessageSentWhileTheServerIsDownArrivesOnceItIsBack() throws Exception {
    configureSmtp();
    control("/smtp/stop");
    CompletableFuture<Delivery> pending;
    try {
      Sending sending = messages.send(code("waiting@example.com", "重试验证码 660012"));
      assertTrue(sending.toString(), sending.isAccepted());
      pending = sending.delivery().toCompletableFuture();
      // a few attempts fail against the closed port meanwhile (retries every 1 to 2 s)
      Thread.sleep(4_000);
      assertFalse("not delivered while the server is down", pending.isDone());
    } finally {
      control("/smtp/start");
    }

    Delivery d = pending.get(30, TimeUnit.SECONDS);
    assertEquals(d.toString(), Delivery.Status.DELIVERED, d.status());
    assertTrue("retried: " + d, d.attempts() >= 2);
    // several retry pauses later, still exactly one copy
    Thread.sleep(5_000);
    JsonNode arrived = only(mailbox("waiting@example.com"));
    assertEquals(d.providerId(), arrived.path("messageId").asText());
  }

  @Test
  public void a04_anUnknownRecipientIsAPermanentFailureAtOnce() throws Exception {
    configureSmtp();

    Sending sending = messages.send(code("nobody@example.com", "您的验证码是 100200"));
    Delivery d = sending.delivery().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertEquals(d.toString(), Delivery.Status.PERMANENT_FAILURE, d.status());
    assertEquals(1, d.attempts());
    assertTrue(d.detail(), d.detail().contains("550"));
    assertEquals(0, mailbox("nobody@example.com").size());
  }

  private static Message code(String email, String text) {
    return Message.text(
        ACME, Address.email(email), "sign-in-code", Locale.SIMPLIFIED_CHINESE, "验证码", text);
  }

  /** Configures the SMTP channel through ConfigAdmin, as an operator's console would. */
  private void configureSmtp() throws Exception {
    if (messages.channels(Address.EMAIL).get(0).equals("email")) {
      return;
    }
    org.osgi.service.cm.Configuration cfg =
        configurations.getConfiguration("org.courtyard.messaging.smtp", "?");
    Dictionary<String, Object> p = new Hashtable<>();
    p.put("host", "127.0.0.1");
    p.put("port", Integer.getInteger("courtyard.it.smtp.port"));
    p.put("security", "none");
    p.put("fromAddress", "noreply@courtyard.test");
    p.put("fromName", "阳光花园物业");
    p.put("connectTimeoutSeconds", 2);
    p.put("readTimeoutSeconds", 5);
    cfg.update(p);
    long deadline = System.currentTimeMillis() + 30_000;
    while (!messages.channels(Address.EMAIL).get(0).equals("email")) {
      if (System.currentTimeMillis() > deadline) {
        fail("the SMTP channel did not start: " + messages.channels(Address.EMAIL));
      }
      Thread.sleep(100);
    }
    // still the log's for kinds e-mail does not reach
    assertEquals(List.of("email", "log"), messages.channels(Address.EMAIL));
    assertEquals(List.of("log"), messages.channels(Address.PHONE));
  }

  private static Delivery delivered(Sending sending) throws Exception {
    assertTrue(sending.toString(), sending.isAccepted());
    Delivery d = sending.delivery().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertEquals(d.toString(), Delivery.Status.DELIVERED, d.status());
    return d;
  }

  private static JsonNode only(JsonNode mailbox) {
    assertEquals(mailbox.toString(), 1, mailbox.size());
    return mailbox.get(0);
  }

  private static JsonNode mailbox(String to) throws Exception {
    return TestMailbox.of(to);
  }

  private static void control(String path) throws Exception {
    HttpResponse<Void> r =
        CLIENT.send(
            HttpRequest.newBuilder(
                    URI.create(System.getProperty("courtyard.it.mail.control") + path))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertEquals(path, 204, r.statusCode());
  }

  private static String logText() throws Exception {
    return Files.readString(Path.of(System.getProperty("karaf.log"), "karaf.log"));
  }

  /**
   * The log channel's line for the message it calls {@code id}; the log is written a moment later.
   */
  private static String awaitLogLine(String id) throws Exception {
    long deadline = System.currentTimeMillis() + 10_000;
    while (true) {
      for (String line : logText().split("\n")) {
        if (line.contains(id)) {
          return line;
        }
      }
      if (System.currentTimeMillis() > deadline) {
        fail("no log line names " + id);
      }
      Thread.sleep(200);
    }
  }
}
