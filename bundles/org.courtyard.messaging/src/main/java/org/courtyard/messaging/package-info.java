/**
 * Messages to people: one-time sign-in codes, notices, reminders. A caller hands a {@link
 * org.courtyard.messaging.Message} to {@link org.courtyard.messaging.Messages}, which answers at
 * once whether it took it, then delivers it through the {@link
 * org.courtyard.messaging.MessageChannel} that reaches the recipient's kind of address (e-mail,
 * phone, ...), retrying transient failures on the shared workers. Channels and extra limits ({@link
 * org.courtyard.messaging.MessageThrottle}) plug in as services.
 */
@org.osgi.annotation.versioning.Version("1.0.0")
package org.courtyard.messaging;
