package org.courtyard.broker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.courtyard.api.Workers;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An external Mosquitto 2 whose accounts Courtyard keeps through the dynamic-security plugin: one
 * client and one role per device (publish to its up topic, subscribe to its down topic; the
 * plugin's defaults deny everything else; the client id bound to the username), and a gateway
 * account with a password made at each start. Commands go to {@code $CONTROL/dynamic-security/v1}
 * as the plugin's admin and are matched to their answers by correlation data.
 *
 * <p>The admin client outlives Mosquitto: it keeps trying to connect, with backoff, while Mosquitto
 * is down (Courtyard starts without it), and after every reconnect it subscribes to the answers
 * again and makes sure the gateway's account is there. {@link #start} calls its {@code ready}
 * callback once, the first time all of that holds.
 */
final class Dynsec {

  private static final Logger LOG = LoggerFactory.getLogger(Dynsec.class);
  private static final String CONTROL = "$CONTROL/dynamic-security/v1";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long FIRST_RETRY_MILLIS = 1_000;
  private static final long LAST_RETRY_MILLIS = 30_000;

  /** How long a command waits for the admin client to be connected (a Mosquitto restart). */
  private static final long CONNECTED_WAIT_MILLIS = 10_000;

  private final String url;
  private final MqttAsyncClient admin;
  private final MqttConnectOptions options;
  private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final String gatewayPassword;

  /** This class's work, one task at a time on the shared workers ("the worker" below). */
  private final Workers.Lane worker;

  /** Connected and subscribed to the answers: commands can be exchanged. */
  private boolean subscribed; // guarded by this

  private volatile boolean closed;
  private Runnable ready; // worker thread only
  private long retryMillis = FIRST_RETRY_MILLIS; // worker thread only
  private int failures; // worker thread only
  private boolean clientIdsBound; // worker thread only

  Dynsec(String url, String adminUsername, String adminPassword, Workers workers)
      throws MqttException {
    this.url = url;
    this.worker = workers.lane("mqtt-dynsec", 1, 64);
    this.admin =
        new MqttAsyncClient(
            url,
            "courtyard-dynsec-" + UUID.randomUUID().toString().substring(0, 8),
            new MemoryPersistence());
    this.options = new MqttConnectOptions();
    options.setUserName(adminUsername);
    options.setPassword(adminPassword.toCharArray());
    options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    options.setAutomaticReconnect(true);
    options.setMaxReconnectDelay((int) LAST_RETRY_MILLIS);
    options.setConnectionTimeout(10);
    options.setCleanSession(true);
    admin.setCallback(
        new MqttCallbackExtended() {
          @Override
          public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
              // a clean session: the subscription to the answers is gone
              LOG.info("Reconnected to the external MQTT broker {}", url);
              submit(Dynsec.this::setUp, 0);
            }
          }

          @Override
          public void connectionLost(Throwable cause) {
            setSubscribed(false);
            LOG.warn("Lost the external MQTT broker {} ({}); reconnecting", url, cause.toString());
          }

          @Override
          public void messageArrived(String topic, MqttMessage message) {
            // answers arrive through the subscription's own listener
          }

          @Override
          public void deliveryComplete(IMqttDeliveryToken token) {
            // publishes are awaited where they are made
          }
        });
    // the gateway's account: same name every start, new password every start
    this.gatewayPassword = GatewayAccount.newPassword();
  }

  /**
   * Starts connecting; {@code ready} runs once, on this class's worker, when the broker first
   * answers and the gateway's account is set.
   */
  void start(Runnable ready) {
    this.ready = ready;
    submit(this::connect, 0);
  }

  String url() {
    return url;
  }

  String gatewayPassword() {
    return gatewayPassword;
  }

  void close() {
    closed = true;
    try {
      worker.close(Duration.ZERO);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      admin.disconnectForcibly(1_000, 1_000);
    } catch (MqttException e) {
      LOG.debug("dynsec admin disconnect", e);
    }
    try {
      admin.close(true);
    } catch (MqttException e) {
      LOG.debug("dynsec admin close", e);
    }
  }

  private void submit(Runnable task, long delayMillis) {
    if (closed) {
      return;
    }
    worker.executeLater(Duration.ofMillis(delayMillis), task);
  }

  /** The first connection; Paho's automatic reconnect takes over once it has succeeded. */
  private void connect() {
    if (closed) {
      return;
    }
    try {
      admin.connect(options).waitForCompletion(15_000);
      LOG.info("Connected to the external MQTT broker {}", url);
      setUp();
    } catch (MqttException e) {
      retryLater(this::connect, "could not connect", e);
    }
  }

  /** After each connection: subscribe to the answers, then make sure the gateway can log in. */
  private void setUp() {
    if (closed || !admin.isConnected()) {
      return; // Paho reconnects and calls connectComplete again
    }
    try {
      admin
          .subscribe(CONTROL + "/response", 1, (topic, message) -> answer(message.getPayload()))
          .waitForCompletion(10_000);
      setSubscribed(true);
      ensureGatewayAccount();
      if (!clientIdsBound) {
        bindDeviceClientIds();
        clientIdsBound = true;
      }
      retryMillis = FIRST_RETRY_MILLIS;
      failures = 0;
      Runnable first = ready;
      ready = null;
      if (first != null) {
        LOG.info("External MQTT broker {}: accounts kept through its dynamic-security plugin", url);
        first.run();
      }
    } catch (MqttException | RuntimeException e) {
      retryLater(this::setUp, "did not take the gateway's account", e);
    }
  }

  private void retryLater(Runnable task, String what, Exception e) {
    if (closed) {
      return;
    }
    failures++;
    if (failures == 1 || failures % 20 == 0) {
      LOG.warn(
          "External MQTT broker {} {} ({}); retrying in {} s, and on",
          url,
          what,
          e.toString(),
          retryMillis / 1000);
    } else {
      LOG.debug("External MQTT broker {} {}", url, what, e);
    }
    long delay = retryMillis;
    retryMillis = Math.min(LAST_RETRY_MILLIS, retryMillis * 2);
    submit(task, delay);
  }

  private synchronized void setSubscribed(boolean now) {
    subscribed = now;
    notifyAll();
  }

  /** Waits up to {@link #CONNECTED_WAIT_MILLIS} for the admin client to be connected. */
  private synchronized void awaitSubscribed() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CONNECTED_WAIT_MILLIS);
    while (!subscribed) {
      long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0 || closed) {
        throw new IllegalStateException("the external MQTT broker " + url + " is not reachable");
      }
      wait(left);
    }
  }

  private void ensureGatewayAccount() {
    Map<String, Object> role = new LinkedHashMap<>();
    role.put("command", "createRole");
    role.put("rolename", GatewayAccount.USERNAME);
    role.put(
        "acls",
        List.of(
            acl("subscribePattern", GatewayAccount.SUBSCRIPTION),
            acl("publishClientSend", GatewayAccount.DOWN_PATTERN)));
    run(List.of(role), true);
    // no client id: the gateway holds several sessions under one username, and dynsec binds a
    // username to one id at most. Devices cannot take the gateway's ids: theirs are bound.
    ensureClient(GatewayAccount.USERNAME, gatewayPassword, GatewayAccount.USERNAME, null);
  }

  /**
   * Binds the client id of every device account made before client ids were bound (by an older
   * Courtyard): one pass per start, writing only the accounts that are not bound yet.
   */
  private void bindDeviceClientIds() {
    List<Map<String, Object>> fixes = new ArrayList<>();
    int page = 500;
    for (int offset = 0; ; offset += page) {
      JsonNode r =
          exchange(
                  List.of(
                      Map.of(
                          "command",
                          "listClients",
                          "verbose",
                          true,
                          "count",
                          page,
                          "offset",
                          offset)))
              .get(0);
      if (r.hasNonNull("error")) {
        throw new IllegalStateException("Mosquitto dynamic-security refused listClients: " + r);
      }
      JsonNode clients = r.path("data").path("clients");
      for (JsonNode c : clients) {
        String username = c.path("username").asText();
        boolean ours = false;
        for (JsonNode role : c.path("roles")) {
          ours |= role(username).equals(role.path("rolename").asText());
        }
        if (ours && !username.equals(c.path("clientid").asText(null))) {
          fixes.add(Map.of("command", "setClientId", "username", username, "clientid", username));
        }
      }
      if (clients.size() < page) {
        break;
      }
    }
    for (int i = 0; i < fixes.size(); i += 100) {
      run(fixes.subList(i, Math.min(fixes.size(), i + 100)), true);
    }
    if (!fixes.isEmpty()) {
      LOG.info(
          "Bound the client ids of {} existing device account(s) to their usernames", fixes.size());
    }
  }

  /** Creates the device's role and client, or replaces its password if it exists. */
  void grant(String username, String password, String publishTopic, String subscribeTopic) {
    Map<String, Object> role = new LinkedHashMap<>();
    role.put("command", "createRole");
    role.put("rolename", role(username));
    role.put(
        "acls",
        List.of(acl("publishClientSend", publishTopic), acl("subscribeLiteral", subscribeTopic)));
    run(List.of(role), true);
    ensureClient(username, password, role(username), username);
  }

  void suspend(String username) {
    run(List.of(Map.of("command", "disableClient", "username", username)), true);
  }

  void resume(String username) {
    run(List.of(Map.of("command", "enableClient", "username", username)), true);
  }

  void remove(String username) {
    run(
        List.of(
            Map.of("command", "deleteClient", "username", username),
            Map.of("command", "deleteRole", "rolename", role(username))),
        true);
  }

  /**
   * Deletes every client (and its role) whose username starts with {@code prefix}, e.g. all of an
   * offboarded tenant's devices, including any a disabled module had only suspended.
   */
  int removeAll(String prefix) {
    List<String> doomed = new ArrayList<>();
    int page = 500;
    for (int offset = 0; ; offset += page) {
      JsonNode r =
          exchange(
                  List.of(
                      Map.of(
                          "command",
                          "listClients",
                          "verbose",
                          false,
                          "count",
                          page,
                          "offset",
                          offset)))
              .get(0);
      if (r.hasNonNull("error")) {
        throw new IllegalStateException("Mosquitto dynamic-security refused listClients: " + r);
      }
      JsonNode clients = r.path("data").path("clients");
      for (JsonNode c : clients) {
        String username = c.isTextual() ? c.asText() : c.path("username").asText();
        if (username.startsWith(prefix)) {
          doomed.add(username);
        }
      }
      if (clients.size() < page) {
        break;
      }
    }
    for (int i = 0; i < doomed.size(); i += 100) {
      List<Map<String, Object>> commands = new ArrayList<>();
      for (String username : doomed.subList(i, Math.min(doomed.size(), i + 100))) {
        commands.add(Map.of("command", "deleteClient", "username", username));
        commands.add(Map.of("command", "deleteRole", "rolename", role(username)));
      }
      run(commands, true);
    }
    LOG.info("Deleted {} Mosquitto account(s) under {}", doomed.size(), prefix);
    return doomed.size();
  }

  /** Mosquitto has no "kick" command: disabling and enabling the client ends its sessions. */
  void disconnect(String username) {
    run(
        List.of(
            Map.of("command", "disableClient", "username", username),
            Map.of("command", "enableClient", "username", username)),
        true);
  }

  /**
   * Creates the client, or gives an existing one this password, its role, this client id and
   * enables it.
   *
   * @param clientId the only client id it may connect with; null: any
   */
  private void ensureClient(String username, String password, String rolename, String clientId) {
    Map<String, Object> create = new LinkedHashMap<>();
    create.put("command", "createClient");
    create.put("username", username);
    create.put("password", password);
    if (clientId != null) {
      create.put("clientid", clientId);
    }
    create.put("roles", List.of(Map.of("rolename", rolename)));
    List<String> errors = run(List.of(create), true);
    if (!errors.isEmpty()) {
      // it exists already: new password, and make sure it has its role, its id and is enabled
      Map<String, Object> id = new LinkedHashMap<>();
      id.put("command", "setClientId");
      id.put("username", username);
      if (clientId != null) {
        id.put("clientid", clientId);
      }
      run(
          List.of(
              Map.of("command", "setClientPassword", "username", username, "password", password),
              Map.of("command", "addClientRole", "username", username, "rolename", rolename),
              id,
              Map.of("command", "enableClient", "username", username)),
          true);
    }
  }

  private static String role(String username) {
    return "device:" + username;
  }

  private static Map<String, Object> acl(String type, String topic) {
    Map<String, Object> acl = new LinkedHashMap<>();
    acl.put("acltype", type);
    acl.put("topic", topic);
    acl.put("priority", 0);
    acl.put("allow", true);
    return acl;
  }

  /**
   * Sends the commands and waits for their answers.
   *
   * @param tolerant whether errors such as "already exists" are returned rather than thrown
   * @return the errors the plugin answered, one per failed command
   */
  private List<String> run(List<Map<String, Object>> commands, boolean tolerant) {
    List<JsonNode> answers = exchange(commands);
    List<String> errors = new ArrayList<>();
    for (int i = 0; i < answers.size(); i++) {
      JsonNode r = answers.get(i);
      if (r.hasNonNull("error")) {
        errors.add(commands.get(i).get("command") + ": " + r.get("error").asText());
      }
    }
    if (!errors.isEmpty() && !tolerant) {
      throw new IllegalStateException("Mosquitto dynamic-security refused: " + errors);
    }
    errors.forEach(e -> LOG.debug("dynsec: {}", e));
    return errors;
  }

  /** Sends the commands in one message and returns the plugin's answers, in order. */
  private List<JsonNode> exchange(List<Map<String, Object>> commands) {
    List<CompletableFuture<JsonNode>> answers = new ArrayList<>();
    List<Map<String, Object>> sent = new ArrayList<>();
    for (Map<String, Object> c : commands) {
      Map<String, Object> command = new LinkedHashMap<>(c);
      String id = UUID.randomUUID().toString();
      command.put("correlationData", id);
      CompletableFuture<JsonNode> f = new CompletableFuture<>();
      pending.put(id, f);
      answers.add(f);
      sent.add(command);
    }
    try {
      awaitSubscribed();
      byte[] payload = JSON.writeValueAsBytes(Map.of("commands", sent));
      admin.publish(CONTROL, payload, 1, false).waitForCompletion(10_000);
      List<JsonNode> out = new ArrayList<>();
      for (CompletableFuture<JsonNode> a : answers) {
        out.add(a.get(10, TimeUnit.SECONDS));
      }
      return out;
    } catch (MqttException | java.io.IOException | ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Mosquitto dynamic-security did not answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      for (Map<String, Object> c : sent) {
        pending.remove((String) c.get("correlationData"));
      }
    }
  }

  private void answer(byte[] payload) {
    try {
      for (JsonNode r : JSON.readTree(payload).path("responses")) {
        CompletableFuture<JsonNode> f = pending.get(r.path("correlationData").asText());
        if (f != null) {
          f.complete(r);
        }
      }
    } catch (java.io.IOException e) {
      LOG.warn("Unreadable dynamic-security answer", e);
    }
  }
}
