package org.courtyard.admin.ui;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.shared.communication.PushMode;
import com.vaadin.flow.shared.ui.Transport;

/**
 * The page shell of both consoles. Server push lets a screen show what changed on the platform
 * without a reload (a new alarm on the security screen): long polling, which needs nothing from the
 * servlet container beyond asynchronous requests, and passes proxies that refuse websockets.
 */
@Push(value = PushMode.AUTOMATIC, transport = Transport.LONG_POLLING)
public final class ConsoleShell implements AppShellConfigurator {
  private static final long serialVersionUID = 1L;
}
