package org.courtyard.itests;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.ProtocolHandler;
import com.icegreen.greenmail.smtp.SmtpHandler;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.smtp.commands.SmtpCommandRegistry;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A real SMTP server for {@link MessagingIT}, run in the failsafe JVM (GreenMail is not installed
 * in Karaf): GreenMail's SMTP on a free port, refusing {@code nobody@...} with 550 as a real server
 * refuses an unknown user, plus a small HTTP port through which the test inside Karaf stops and
 * starts the SMTP server (the mailboxes stay) and reads a mailbox. The mailbox is read here with
 * Jakarta Mail on a plain class path, as a mail client would, and answered as JSON: the decoded
 * subject beside the raw header, each part's type and decoded text.
 *
 * <ul>
 *   <li>{@code POST /smtp/stop}, {@code POST /smtp/start}
 *   <li>{@code GET /mailbox?to=<address>}
 * </ul>
 */
final class TestMailServer {

  private static final ObjectMapper JSON = new ObjectMapper();

  final int smtpPort = CourtyardContainer.freePort();
  final int controlPort;
  private final Managers managers = new Managers();
  private final HttpServer control;
  private SmtpServer smtp;

  private TestMailServer() throws IOException {
    startSmtp();
    control = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    control.createContext("/smtp/stop", ex -> answer(ex, () -> stopSmtp()));
    control.createContext("/smtp/start", ex -> answer(ex, () -> startSmtp()));
    control.createContext("/mailbox", this::mailbox);
    control.start();
    controlPort = control.getAddress().getPort();
  }

  /** Starts one; it stops with the failsafe JVM. */
  static TestMailServer start() {
    try {
      TestMailServer server = new TestMailServer();
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    server.control.stop(0);
                    server.stopSmtp();
                  }));
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private synchronized void startSmtp() {
    if (smtp != null) {
      return;
    }
    ServerSetup setup = new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    SmtpServer server = new Refusing(setup, managers);
    server.startService();
    try {
      if (!server.waitTillRunning(10_000)) {
        throw new IllegalStateException("GreenMail SMTP did not start on " + smtpPort);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    smtp = server;
  }

  private synchronized void stopSmtp() {
    if (smtp != null) {
      smtp.stopService();
      smtp = null;
    }
  }

  private static void answer(HttpExchange ex, Runnable action) throws IOException {
    try (ex) {
      if (!"POST".equals(ex.getRequestMethod())) {
        ex.sendResponseHeaders(405, -1);
        return;
      }
      action.run();
      ex.sendResponseHeaders(204, -1);
    }
  }

  private void mailbox(HttpExchange ex) throws IOException {
    int status;
    byte[] body;
    try {
      String query = ex.getRequestURI().getRawQuery();
      String to =
          query == null || !query.startsWith("to=")
              ? ""
              : URLDecoder.decode(query.substring(3), StandardCharsets.UTF_8);
      ArrayNode list = JSON.createArrayNode();
      for (StoredMessage stored : managers.getImapHostManager().getAllMessages()) {
        MimeMessage m = stored.getMimeMessage();
        if (addressedTo(m, to)) {
          list.add(describe(m));
        }
      }
      body = JSON.writeValueAsBytes(list);
      status = 200;
    } catch (Exception e) {
      body = e.toString().getBytes(StandardCharsets.UTF_8);
      status = 500;
    }
    try (ex) {
      ex.getResponseHeaders()
          .set("Content-Type", status == 200 ? "application/json" : "text/plain; charset=UTF-8");
      ex.sendResponseHeaders(status, body.length);
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static boolean addressedTo(MimeMessage m, String to) throws Exception {
    Address[] recipients = m.getAllRecipients();
    if (recipients == null) {
      return false;
    }
    for (Address a : recipients) {
      if (((InternetAddress) a).getAddress().equalsIgnoreCase(to)) {
        return true;
      }
    }
    return false;
  }

  private static ObjectNode describe(MimeMessage m) throws Exception {
    ObjectNode n = JSON.createObjectNode();
    n.put("messageId", m.getMessageID());
    n.put("subject", m.getSubject());
    n.put("rawSubject", m.getHeader("Subject", null));
    InternetAddress from = (InternetAddress) m.getFrom()[0];
    n.put("from", from.getAddress());
    n.put("fromName", from.getPersonal());
    n.put("contentLanguage", m.getHeader("Content-Language", null));
    n.put("contentType", m.getContentType());
    ArrayNode parts = n.putArray("parts");
    if (m.isMimeType("multipart/*")) {
      Multipart mp = (Multipart) m.getContent();
      for (int i = 0; i < mp.getCount(); i++) {
        parts.add(part(mp.getBodyPart(i)));
      }
    } else {
      parts.add(part(m));
    }
    return n;
  }

  private static ObjectNode part(Part p) throws Exception {
    ObjectNode n = JSON.createObjectNode();
    n.put("contentType", p.getContentType());
    n.put("text", ((String) p.getContent()).replace("\r\n", "\n").strip());
    return n;
  }

  /** GreenMail's SMTP server with a recipient check: {@code nobody@...} does not exist. */
  private static final class Refusing extends SmtpServer {
    private final SmtpManager manager;

    Refusing(ServerSetup setup, Managers managers) {
      super(setup, managers);
      this.manager =
          new SmtpManager(managers.getImapHostManager(), managers.getUserManager()) {
            @Override
            public String checkRecipient(SmtpState state, MailAddress rcpt) {
              return rcpt.getUser().equals("nobody")
                  ? "550 5.1.1 <" + rcpt.getEmail() + ">: no such user here"
                  : null;
            }
          };
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
      return new SmtpHandler(new SmtpCommandRegistry(), manager, clientSocket);
    }
  }
}
