package org.courtyard.messaging.internal;

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
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;

/**
 * GreenMail's SMTP server on a free port of 127.0.0.1 that can be stopped and started again with
 * its mailboxes kept, and that refuses recipients the way real servers do: {@code nobody@...} with
 * 550 (no such user), {@code later@...} with 451 (try again later).
 */
final class TestSmtpServer implements AutoCloseable {

  final Managers managers = new Managers();
  final int port;
  private SmtpServer server;

  TestSmtpServer() {
    this.port = freePort();
    start();
  }

  synchronized void start() {
    server = new Refusing(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP), managers);
    server.startService();
    try {
      if (!server.waitTillRunning(10_000)) {
        throw new IllegalStateException("GreenMail SMTP did not start on " + port);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  synchronized void stop() {
    server.stopService();
  }

  List<MimeMessage> received() {
    return managers.getImapHostManager().getAllMessages().stream()
        .map(StoredMessage::getMimeMessage)
        .toList();
  }

  @Override
  public void close() {
    stop();
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static final class Refusing extends SmtpServer {
    private final SmtpManager manager;

    Refusing(ServerSetup setup, Managers managers) {
      super(setup, managers);
      this.manager =
          new SmtpManager(managers.getImapHostManager(), managers.getUserManager()) {
            @Override
            public String checkRecipient(SmtpState state, MailAddress rcpt) {
              if (rcpt.getUser().equals("nobody")) {
                return "550 5.1.1 <" + rcpt.getEmail() + ">: no such user here";
              }
              if (rcpt.getUser().equals("later")) {
                return "451 4.3.0 mailbox busy, try again later";
              }
              return null;
            }
          };
    }

    @Override
    protected ProtocolHandler createProtocolHandler(Socket clientSocket) {
      return new SmtpHandler(new SmtpCommandRegistry(), manager, clientSocket);
    }
  }
}
