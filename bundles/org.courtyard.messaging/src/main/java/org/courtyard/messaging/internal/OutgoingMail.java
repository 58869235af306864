package org.courtyard.messaging.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.UUID;
import org.courtyard.messaging.Message;

/**
 * A {@link Message} as an e-mail: UTF-8 throughout, the subject as RFC 2047 encoded words, the text
 * alone or text and HTML as {@code multipart/alternative}; a {@code Message-ID} of our own (the
 * provider id a delivery reports), {@code Content-Language}, and {@code Auto-Submitted:
 * auto-generated} so that vacation responders stay quiet. It also notes whether it was written out
 * whole, which the SMTP transport does only after the server said 354 to {@code DATA}: a failure
 * after that may have delivered it.
 */
final class OutgoingMail extends MimeMessage {

  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private final String messageId;
  private volatile boolean writtenOut;

  private OutgoingMail(Session session, String messageId) {
    super(session);
    this.messageId = messageId;
  }

  /**
   * @throws AddressException when the recipient is not a single, well-formed e-mail address
   */
  static OutgoingMail of(Session session, InternetAddress from, Message message)
      throws MessagingException {
    InternetAddress to = new InternetAddress(message.to().value(), true);
    if (to.isGroup() || to.getAddress().indexOf('@') < 1) {
      throw new AddressException("not a single e-mail address", message.to().value());
    }
    String domain = from.getAddress().substring(from.getAddress().lastIndexOf('@') + 1);
    OutgoingMail mail =
        new OutgoingMail(
            session, "<" + UUID.randomUUID() + "." + message.purpose() + "@" + domain + ">");
    mail.setFrom(from);
    mail.setRecipient(RecipientType.TO, to);
    mail.setSubject(message.subject(), UTF_8);
    mail.setSentDate(new Date());
    mail.setHeader("Content-Language", message.language().toLanguageTag());
    mail.setHeader("Auto-Submitted", "auto-generated");
    if (message.hasHtml()) {
      MimeBodyPart text = new MimeBodyPart();
      text.setText(message.text(), UTF_8, "plain");
      MimeBodyPart html = new MimeBodyPart();
      html.setText(message.html(), UTF_8, "html");
      // the richest last: a reader shows the last part it can
      MimeMultipart alternatives = new MimeMultipart("alternative", text, html);
      mail.setContent(alternatives);
    } else {
      mail.setText(message.text(), UTF_8, "plain");
    }
    mail.saveChanges();
    return mail;
  }

  String messageId() {
    return messageId;
  }

  /** Whether the whole message went out to the server (after its 354 to DATA). */
  boolean writtenOut() {
    return writtenOut;
  }

  @Override
  protected void updateMessageID() throws MessagingException {
    setHeader("Message-ID", messageId);
  }

  @Override
  public void writeTo(OutputStream out, String[] ignoreList)
      throws IOException, MessagingException {
    super.writeTo(out, ignoreList);
    writtenOut = true;
  }
}
