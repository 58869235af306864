package org.courtyard.messaging;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.courtyard.api.TenantSlug;

/**
 * One message to one person, written in one language. Channels that have no subject or no HTML
 * (SMS, say) send the text alone.
 *
 * @param tenant the property company on whose behalf it goes: logs, limits and audit name it
 * @param to the recipient
 * @param purpose why it is sent, e.g. {@code sign-in-code} or {@code emergency-notice}: limits
 *     count per recipient and purpose, and logs and audit name it
 * @param language the language it is written in (the e-mail's {@code Content-Language})
 * @param subject a single line; may be empty
 * @param text the plain-text body, never empty
 * @param html the same content as HTML, or null for text only
 */
public record Message(
    TenantSlug tenant,
    Address to,
    String purpose,
    Locale language,
    String subject,
    String text,
    String html) {

  private static final Pattern PURPOSE = Pattern.compile("^[a-z][a-z0-9-]{0,63}$");

  public Message {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(language, "language");
    if (purpose == null || !PURPOSE.matcher(purpose).matches()) {
      throw new IllegalArgumentException(
          "a purpose is a short lower-case name such as sign-in-code: " + purpose);
    }
    subject = subject == null ? "" : subject.strip();
    if (subject.indexOf('\n') >= 0 || subject.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("a subject is a single line");
    }
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a message has a text body");
    }
    if (html != null && html.isBlank()) {
      html = null;
    }
  }

  /** A text-only message. */
  public static Message text(
      TenantSlug tenant, Address to, String purpose, Locale language, String subject, String text) {
    return new Message(tenant, to, purpose, language, subject, text, null);
  }

  /** This message with {@code html} as its HTML body beside the text. */
  public Message withHtml(String html) {
    return new Message(tenant, to, purpose, language, subject, text, html);
  }

  public boolean hasHtml() {
    return html != null;
  }

  /** Names the tenant, the masked recipient and the purpose; never the content. */
  @Override
  public String toString() {
    return "Message[" + tenant.value() + ", " + purpose + " to " + to + "]";
  }
}
