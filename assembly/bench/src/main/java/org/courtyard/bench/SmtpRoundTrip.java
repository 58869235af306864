package org.courtyard.bench;

import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One message's round trip through SMTP, for benchmarks that send mail through Courtyard ({@code
 * ./courtyard bench identity}: a resident's sign-in code). A GreenMail SMTP server runs in the
 * benchmark's JVM; {@link #configure} points the distribution's e-mail channel at it before
 * Courtyard starts; {@link #time} runs a request (asking for a code) and waits until the message is
 * in the recipient's mailbox. {@link #bare} times the same trip without Courtyard (this JVM sends
 * straight to the server with Jakarta Mail): the floor to compare with.
 *
 * <pre>{@code
 * try (SmtpRoundTrip mail = SmtpRoundTrip.start()) {
 *   mail.configure(karaf); // before BenchSupport.start(karaf, ...)
 *   ...
 *   SmtpRoundTrip.Arrival a =
 *       mail.time("r1@bench.test", () -> http.call("POST", ...), Duration.ofSeconds(30));
 *   String code = a.find(Pattern.compile("\\b(\\d{6})\\b"));
 * }
 * }</pre>
 *
 * Run alone it measures the bare round trip: {@code java -cp <bench jar and bench-lib/*>
 * org.courtyard.bench.SmtpRoundTrip [--messages 200]}.
 */
public final class SmtpRoundTrip implements AutoCloseable {

  /** A message as it arrived, and how long after the request began. */
  public record Arrival(Duration roundTrip, String subject, String text) {
    /** The first group of {@code pattern} in the subject or text (a code), or null. */
    public String find(Pattern pattern) {
      for (String s : List.of(subject, text)) {
        Matcher m = pattern.matcher(s);
        if (m.find()) {
          return m.groupCount() > 0 ? m.group(1) : m.group();
        }
      }
      return null;
    }
  }

  private final GreenMail server;
  private final int port;
  private final Set<StoredMessage> seen = Collections.synchronizedSet(new HashSet<>());

  private SmtpRoundTrip(int port) {
    this.port = port;
    this.server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    server.start();
  }

  public static SmtpRoundTrip start() throws IOException {
    // GreenMail logs every new mailbox at INFO: one line per resident would bury the figures
    System.setProperty("org.slf4j.simpleLogger.log.com.icegreen.greenmail", "warn");
    return new SmtpRoundTrip(BenchSupport.freePort());
  }

  public int port() {
    return port;
  }

  /**
   * Writes {@code etc/org.courtyard.messaging.smtp.cfg} of the unpacked distribution so that its
   * e-mail goes here (plain SMTP on 127.0.0.1, no login). Call it before Courtyard starts.
   */
  public void configure(Path karaf) throws IOException {
    Files.writeString(
        karaf.resolve("etc/org.courtyard.messaging.smtp.cfg"),
        "host = 127.0.0.1\n"
            + "port = "
            + port
            + "\nsecurity = none\nfromAddress = noreply@bench.test\nfromName = Courtyard bench\n",
        StandardCharsets.UTF_8);
  }

  /**
   * Runs {@code request} and waits until a message to {@code to} that was not there before has
   * arrived.
   *
   * @throws IllegalStateException if none arrives within {@code timeout}
   */
  public Arrival time(String to, Callable<?> request, Duration timeout) throws Exception {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    CountDownLatch next = arrivalAfter(server.getReceivedMessages().length);
    request.call();
    while (true) {
      for (StoredMessage stored : server.getManagers().getImapHostManager().getAllMessages()) {
        if (!seen.contains(stored) && addressedTo(stored.getMimeMessage(), to)) {
          Duration took = Duration.ofNanos(System.nanoTime() - start);
          seen.add(stored);
          MimeMessage m = stored.getMimeMessage();
          return new Arrival(took, m.getSubject(), text(m));
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new IllegalStateException("no message to " + to + " within " + timeout);
      }
      if (next != null) {
        next.await(left, TimeUnit.NANOSECONDS);
      }
      next = arrivalAfter(server.getReceivedMessages().length);
    }
  }

  /** The same trip without Courtyard: Jakarta Mail in this JVM straight to the server. */
  public Arrival bare(String to) throws Exception {
    Properties p = new Properties();
    p.setProperty("mail.smtp.host", "127.0.0.1");
    p.setProperty("mail.smtp.port", String.valueOf(port));
    p.setProperty("mail.smtp.quitwait", "false");
    Session session = Session.getInstance(p);
    return time(
        to,
        () -> {
          MimeMessage m = new MimeMessage(session);
          m.setFrom(new InternetAddress("bench@bench.test"));
          m.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(to));
          m.setSubject("您的登录验证码", "UTF-8");
          m.setText("您的登录验证码是 482913，十分钟内有效。", "UTF-8");
          Transport.send(m);
          return null;
        },
        Duration.ofSeconds(30));
  }

  private CountDownLatch arrivalAfter(int count) {
    return server.getManagers().getSmtpManager().createAndAddNewWaitObject(count + 1);
  }

  private static boolean addressedTo(MimeMessage m, String to) throws Exception {
    Address[] recipients = m.getAllRecipients();
    if (recipients != null) {
      for (Address a : recipients) {
        if (((InternetAddress) a).getAddress().equalsIgnoreCase(to)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String text(Part part) throws Exception {
    if (part.isMimeType("multipart/*")) {
      Multipart mp = (Multipart) part.getContent();
      return mp.getCount() == 0 ? "" : text(mp.getBodyPart(0));
    }
    Object content = part.getContent();
    return content instanceof String s ? s : "";
  }

  @Override
  public void close() {
    server.stop();
  }

  public static void main(String[] args) throws Exception {
    int messages = BenchSupport.intArg(args, "--messages", 200);
    try (SmtpRoundTrip mail = start()) {
      for (int i = 0; i < 20; i++) {
        mail.bare("warmup" + i + "@bench.test");
      }
      List<Long> micros = new ArrayList<>();
      for (int i = 0; i < messages; i++) {
        Arrival a = mail.bare("r" + i + "@bench.test");
        if (!"482913".equals(a.find(Pattern.compile("(\\d{6})")))) {
          throw new IllegalStateException("the code did not arrive intact: " + a.text());
        }
        micros.add(a.roundTrip().toNanos() / 1_000);
      }
      Collections.sort(micros);
      System.out.printf(
          Locale.ROOT,
          "Bare SMTP round trip (Jakarta Mail -> GreenMail -> mailbox), %d messages: median %.2f"
              + " ms, p95 %.2f ms%n",
          messages,
          micros.get(messages / 2) / 1000.0,
          micros.get(Math.min(messages - 1, messages * 95 / 100)) / 1000.0);
    }
  }
}
