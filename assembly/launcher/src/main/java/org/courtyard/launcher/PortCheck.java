package org.courtyard.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Whether a TCP port can still be listened on, checked before starting what should listen there.
 */
final class PortCheck {

  private PortCheck() {}

  static boolean inUse(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      // The wildcard address, as Jetty and PostgreSQL bind: catches listeners on any interface.
      socket.bind(new InetSocketAddress(port));
      return false;
    } catch (IOException e) {
      return true;
    }
  }
}
