package org.courtyard.messaging.internal;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.courtyard.messaging.Delivery;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

/**
 * What a failed SMTP attempt means for the message. The server's reply code decides where there is
 * one (RFC 5321: 5xx permanent, 4xx transient); a refused recipient is a bad address. Without a
 * reply, a failure before the message went out whole (no connection, a timeout, a dropped line) is
 * transient, and one after it is unconfirmed: the server may have taken the message, so it is not
 * sent again.
 */
final class SmtpFailures {

  private static final Pattern REPLY = Pattern.compile("^\\s*([245]\\d\\d)\\b");

  private SmtpFailures() {}

  /** A server's reply found in an exception chain. */
  private record Reply(int code, String text, boolean aboutRecipient) {}

  static Delivery classify(String channel, MessagingException e, boolean writtenOut) {
    if (e instanceof AddressException) {
      return Delivery.permanentFailure(channel, "not an e-mail address: " + e.getMessage());
    }
    Reply reply = reply(e);
    if (e instanceof AuthenticationFailedException) {
      // the operator's to fix (etc/org.courtyard.messaging.smtp.cfg), unless the server says 4xx
      return reply != null && reply.code() < 500
          ? Delivery.transientFailure(
              channel, "the server cannot check the login now: " + reply.text())
          : Delivery.permanentFailure(channel, "the server refused the login: " + describe(e));
    }
    if (reply != null && reply.code() >= 500) {
      return Delivery.permanentFailure(
          channel,
          (reply.aboutRecipient() ? "the address was refused: " : "the server refused it: ")
              + reply.text());
    }
    if (reply != null && reply.code() >= 400) {
      return Delivery.transientFailure(channel, "the server asks to try later: " + reply.text());
    }
    if (e instanceof SendFailedException s && hasAny(s.getInvalidAddresses())) {
      return Delivery.permanentFailure(channel, "the address was refused: " + describe(e));
    }
    if (writtenOut) {
      return Delivery.unconfirmed(
          channel,
          "the line broke after the message went out, before the server confirmed it: "
              + describe(e));
    }
    return Delivery.transientFailure(channel, "the server is out of reach: " + describe(e));
  }

  /** Whether the failure is the operator's to fix (the login), rather than the address's. */
  static boolean isLoginFailure(MessagingException e) {
    return e instanceof AuthenticationFailedException;
  }

  private static Reply reply(MessagingException e) {
    for (Exception x = e; x != null; x = next(x)) {
      if (x instanceof SMTPAddressFailedException a) {
        return new Reply(a.getReturnCode(), a.getMessage().strip(), true);
      }
      if (x instanceof SMTPSenderFailedException s) {
        return new Reply(s.getReturnCode(), s.getMessage().strip(), false);
      }
      if (x instanceof SMTPSendFailedException s && s.getReturnCode() > 0) {
        return new Reply(s.getReturnCode(), s.getMessage().strip(), false);
      }
      if (x instanceof AuthenticationFailedException a && a.getMessage() != null) {
        Matcher m = REPLY.matcher(a.getMessage());
        if (m.find()) {
          return new Reply(Integer.parseInt(m.group(1)), a.getMessage().strip(), false);
        }
      }
    }
    return null;
  }

  private static Exception next(Exception x) {
    if (x instanceof MessagingException m && m.getNextException() != null) {
      return m.getNextException();
    }
    return x.getCause() instanceof Exception c && c != x ? c : null;
  }

  private static boolean hasAny(Address[] addresses) {
    return addresses != null && addresses.length > 0;
  }

  /** The exception and its root cause in one line, for logs and the delivery's detail. */
  static String describe(Exception e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = String.valueOf(e.getMessage()).strip();
    return root == e ? message : message + " (" + root + ")";
  }
}
