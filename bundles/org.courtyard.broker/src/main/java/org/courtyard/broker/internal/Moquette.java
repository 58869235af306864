package org.courtyard.broker.internal;

import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.IConfig;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectMessage;
import io.moquette.interception.messages.InterceptConnectionLostMessage;
import io.moquette.interception.messages.InterceptDisconnectMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.courtyard.api.Workers;
import org.courtyard.broker.MqttAuthority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded broker (Moquette 0.17, MQTT 3.1.1). Every connect, subscribe and publish is decided
 * here for the gateway's account and by the {@link MqttAuthority} for everyone else: no anonymous
 * clients, each client only with its own client ids ({@link ClientIds}) and only on the topics it
 * is granted. Sessions, subscriptions and queued QoS 1 messages are kept under the data path, so a
 * restart of the broker does not lose what it acknowledged ({@link #drain} hands over what is in
 * flight first). A Karaf killed outright can lose what Moquette acknowledged shortly before: it
 * acknowledges a QoS 1 publish once it has handed it to the gateway's session, before any of it is
 * stored, keeps messages in flight to a connected session in memory only, and commits its store
 * every {@code autosaveSeconds}. After such a kill {@link MoquetteStore} recovers the store.
 */
final class Moquette {

  private static final Logger LOG = LoggerFactory.getLogger(Moquette.class);

  private volatile Server server = new Server();
  private final Properties properties;

  /** The data path, if Moquette persists; null if it keeps everything in memory. */
  private final Path store;

  private final IAuthenticator authenticator;
  private final IAuthorizatorPolicy authorizer;

  /** Restarts the broker off the failed session thread, one at a time. */
  private final Workers.Lane restarter;

  private volatile boolean active = true;

  /** Set while stopping: devices are refused, so the gateway can take what is in flight. */
  private volatile boolean draining;

  private static final long RESTART_INTERVAL_NANOS =
      java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
  private volatile long lastRestart;

  /** Client ids per authenticated username, for {@link #disconnect}. */
  private final Map<String, Set<String>> clients = new ConcurrentHashMap<>();

  Moquette(
      Broker.Config config,
      Path data,
      MqttAuthority authority,
      String gatewayPassword,
      Workers workers)
      throws IOException {
    this.restarter = workers.lane("mqtt-broker-restart", 1, 1);
    Files.createDirectories(data);
    Properties p = new Properties();
    p.setProperty(IConfig.HOST_PROPERTY_NAME, config.host());
    p.setProperty(IConfig.PORT_PROPERTY_NAME, Integer.toString(config.port()));
    p.setProperty(
        IConfig.PERSISTENCE_ENABLED_PROPERTY_NAME, Boolean.toString(config.persistence()));
    p.setProperty(IConfig.DATA_PATH_PROPERTY_NAME, data.toAbsolutePath().toString());
    p.setProperty(IConfig.ENABLE_TELEMETRY_NAME, "false");
    p.setProperty(
        IConfig.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(config.maxMessageBytes()));
    p.setProperty(IConfig.ALLOW_ANONYMOUS_PROPERTY_NAME, "false");
    // Moquette drops a command (and so never acknowledges a QoS 1 publish) when its session queue
    // is full; 1024, its default, fills within a second of a few hundred devices publishing
    p.setProperty(IConfig.SESSION_QUEUE_SIZE, Integer.toString(config.sessionQueueSize()));
    // measured: queued messages of an offline persistent session survive a restart with the H2
    // queue store; with the default segmented store they did not
    p.setProperty(IConfig.PERSISTENT_QUEUE_TYPE_PROPERTY_NAME, "h2");
    // Moquette commits its H2 store on a timer (30 s unless told), never before it acknowledges a
    // publish: whatever it queued since the last commit is gone if Karaf is killed. One second is
    // the shortest it takes; a commit with nothing new writes nothing, and queueing and draining
    // 60,000 messages for an offline session ran within 3% of the rates with 30 s (measured)
    p.setProperty(
        BrokerConstants.AUTOSAVE_INTERVAL_PROPERTY_NAME,
        Integer.toString(Math.max(1, config.autosaveSeconds())));
    this.properties = p;
    this.store = config.persistence() ? data : null;
    byte[] gatewaySecret = gatewayPassword.getBytes(StandardCharsets.UTF_8);
    // Moquette checks credentials before it ends another session with the same client id, so a
    // client refused here cannot disconnect the gateway or a device by borrowing its id
    this.authenticator =
        (clientId, username, password) -> {
          if (GatewayAccount.USERNAME.equals(username)) {
            if (password == null || !MessageDigest.isEqual(password, gatewaySecret)) {
              LOG.debug(
                  "MQTT login as the gateway refused: wrong password (client id {})", clientId);
              return false;
            }
            if (!GatewayAccount.isClientId(clientId)) {
              // the right password: a gateway built with other session ids
              LOG.warn(
                  "MQTT login as the gateway refused: {} is not a gateway client id", clientId);
              return false;
            }
            return true;
          }
          if (draining) {
            return false;
          }
          String identity = authority.authenticate(clientId, username, password);
          if (identity == null) {
            return false;
          }
          if (!ClientIds.belongsTo(clientId, identity)) {
            LOG.debug("MQTT login of {} refused: client id {} is not its own", identity, clientId);
            return false;
          }
          return true;
        };
    // An exception in either answer would end one of Moquette's session threads for good: they
    // must never throw.
    this.authorizer =
        new IAuthorizatorPolicy() {
          @Override
          public boolean canWrite(Topic topic, String user, String client) {
            try {
              return GatewayAccount.USERNAME.equals(user)
                  ? GatewayAccount.mayPublish(topic.toString())
                  : authority.canPublish(user, topic.toString());
            } catch (RuntimeException e) {
              LOG.error("MQTT publish check failed for {}; refused", user, e);
              return false;
            }
          }

          @Override
          public boolean canRead(Topic topic, String user, String client) {
            try {
              return GatewayAccount.USERNAME.equals(user)
                  ? GatewayAccount.maySubscribe(topic.toString())
                  : authority.canSubscribe(user, topic.toString());
            } catch (RuntimeException e) {
              LOG.error("MQTT subscribe check failed for {}; refused", user, e);
              return false;
            }
          }
        };
    start(server);
    LOG.info("Embedded MQTT broker listening on {}:{}", config.host(), config.port());
  }

  private void start(Server s) throws IOException {
    if (store != null) {
      MoquetteStore.recover(store);
    }
    try {
      s.startServer(
          new MemoryConfig(properties),
          List.of(new SessionTracker()),
          null,
          authenticator,
          authorizer);
    } catch (RuntimeException e) {
      // e.g. the port is taken: leave nothing half-started behind
      s.stopServer();
      throw new IOException("The embedded MQTT broker could not start: " + e.getMessage(), e);
    }
  }

  /**
   * Empties the broker before a stop. Moquette keeps the messages queued for an offline persistent
   * session on disk, but not those in flight to a connected one, so a plain stop could lose a
   * reading it had already acknowledged to its device. So the devices are disconnected (and refused
   * from now on), and this returns once the consumers ({@code received}: the gateway) have taken
   * nothing for 250 ms, or after 5 s. What a device sent without getting its acknowledgement it
   * sends again after reconnecting.
   */
  void drain(java.util.function.LongSupplier received) {
    draining = true;
    try {
      int devices = 0;
      for (io.moquette.broker.ClientDescriptor c : server.listConnectedClients()) {
        if (!GatewayAccount.isClientId(c.getClientID()) && disconnectQuietly(c.getClientID())) {
          devices++;
        }
      }
      long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
      long before = received.getAsLong();
      long after;
      while (true) {
        Thread.sleep(250);
        after = received.getAsLong();
        if (after == before || System.nanoTime() > deadline) {
          break;
        }
        before = after;
      }
      LOG.info(
          "Embedded MQTT broker drained: {} device(s) disconnected, the gateway at {} messages",
          devices,
          after);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("Draining the embedded MQTT broker failed; stopping it anyway", e);
    }
  }

  void stop() {
    active = false;
    draining = true;
    try {
      restarter.close(java.time.Duration.ZERO);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.stopServer();
    LOG.info("Embedded MQTT broker stopped");
  }

  private boolean disconnectQuietly(String clientId) {
    try {
      return server.disconnectClient(clientId);
    } catch (RuntimeException e) {
      LOG.debug("MQTT client {} was not connected", clientId, e);
      return false;
    }
  }

  /**
   * Moquette 0.17 ends a session thread for good when processing a message throws (it does for some
   * QoS 1 redeliveries); the clients served by that thread would then wait forever. So a session
   * loop error restarts the broker: every client reconnects, and persistent sessions keep their
   * queued messages.
   */
  private void restart(Throwable cause) {
    if (!active) {
      return;
    }
    long now = System.nanoTime();
    long last = lastRestart;
    if (last != 0 && now - last < RESTART_INTERVAL_NANOS) {
      // a device that keeps resending the message that broke the thread would otherwise keep
      // the broker restarting
      LOG.error("MQTT broker session loop failed again within a minute; not restarting yet", cause);
      return;
    }
    lastRestart = now;
    LOG.error("MQTT broker session loop failed; restarting the broker", cause);
    // a restart already waiting does the job: this one is not needed
    restarter.offer(
        () -> {
          synchronized (this) {
            if (!active) {
              return;
            }
            server.stopServer();
            clients.clear();
            Server fresh = new Server();
            try {
              start(fresh);
              server = fresh;
              LOG.warn("Embedded MQTT broker restarted");
            } catch (IOException e) {
              LOG.error("Embedded MQTT broker could not restart", e);
            }
          }
        });
  }

  /** Ends the sessions of every username that starts with {@code prefix}. */
  void disconnectAll(String prefix) {
    clients.keySet().stream().filter(u -> u.startsWith(prefix)).toList().forEach(this::disconnect);
  }

  void disconnect(String identity) {
    Set<String> ids = clients.remove(identity);
    if (ids != null) {
      ids.forEach(
          id -> {
            try {
              if (server.disconnectClient(id)) {
                LOG.info("MQTT client {} ({}) disconnected", id, identity);
              }
            } catch (RuntimeException e) {
              // Moquette throws for a persistent session that is offline: nothing to end
              LOG.debug("MQTT client {} was not connected", id, e);
            }
          });
    }
  }

  /** Keeps track of which client ids each username has connected with. */
  private final class SessionTracker extends AbstractInterceptHandler {
    @Override
    public String getID() {
      return "courtyard-session-tracker";
    }

    @Override
    public void onConnect(InterceptConnectMessage msg) {
      if (msg.getUsername() != null) {
        clients
            .computeIfAbsent(msg.getUsername(), k -> ConcurrentHashMap.newKeySet())
            .add(msg.getClientID());
      }
    }

    @Override
    public void onDisconnect(InterceptDisconnectMessage msg) {
      forget(msg.getUsername(), msg.getClientID());
    }

    @Override
    public void onConnectionLost(InterceptConnectionLostMessage msg) {
      forget(msg.getUsername(), msg.getClientID());
    }

    private void forget(String username, String clientId) {
      if (username != null) {
        clients.computeIfPresent(
            username,
            (k, ids) -> {
              ids.remove(clientId);
              return ids.isEmpty() ? null : ids;
            });
      }
    }

    @Override
    public void onSessionLoopError(Throwable error) {
      restart(error);
    }
  }
}
