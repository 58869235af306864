package org.courtyard.broker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An external Mosquitto 2 whose accounts Courtyard keeps through the dynamic-security plugin: one
 * client and one role per device (publish to its up topic, subscribe to its down topic; the
 * plugin's defaults deny everything else), and a gateway account with a password made at each
 * start. Commands go to {@code $CONTROL/dynamic-security/v1} as the plugin's admin and are matched
 * to their answers by correlation data.
 */
final class Dynsec {

  private static final Logger LOG = LoggerFactory.getLogger(Dynsec.class);
  private static final String CONTROL = "$CONTROL/dynamic-security/v1";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String url;
  private final MqttAsyncClient admin;
  private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final String gatewayPassword;

  Dynsec(String url, String adminUsername, String adminPassword) throws MqttException {
    this.url = url;
    this.admin =
        new MqttAsyncClient(
            url,
            "courtyard-dynsec-" + UUID.randomUUID().toString().substring(0, 8),
            new MemoryPersistence());
    MqttConnectOptions o = new MqttConnectOptions();
    o.setUserName(adminUsername);
    o.setPassword(adminPassword.toCharArray());
    o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    o.setAutomaticReconnect(true);
    o.setCleanSession(true);
    admin.connect(o).waitForCompletion(10_000);
    admin
        .subscribe(CONTROL + "/response", 1, (topic, message) -> answer(message.getPayload()))
        .waitForCompletion(10_000);
    // the gateway's account: same name every start, new password every start
    this.gatewayPassword = GatewayAccount.newPassword();
    Map<String, Object> role = new LinkedHashMap<>();
    role.put("command", "createRole");
    role.put("rolename", GatewayAccount.USERNAME);
    role.put(
        "acls",
        List.of(
            acl("subscribePattern", GatewayAccount.SUBSCRIPTION),
            acl("publishClientSend", GatewayAccount.DOWN_PATTERN)));
    run(List.of(role), true);
    ensureClient(GatewayAccount.USERNAME, gatewayPassword, GatewayAccount.USERNAME);
    LOG.info("External MQTT broker {}: accounts kept through its dynamic-security plugin", url);
  }

  String url() {
    return url;
  }

  String gatewayPassword() {
    return gatewayPassword;
  }

  void close() {
    try {
      admin.disconnectForcibly(1_000, 1_000);
      admin.close();
    } catch (MqttException e) {
      LOG.debug("dynsec admin disconnect", e);
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
    ensureClient(username, password, role(username));
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

  private void ensureClient(String username, String password, String rolename) {
    Map<String, Object> create = new LinkedHashMap<>();
    create.put("command", "createClient");
    create.put("username", username);
    create.put("password", password);
    create.put("roles", List.of(Map.of("rolename", rolename)));
    List<String> errors = run(List.of(create), true);
    if (!errors.isEmpty()) {
      // it exists already: new password, and make sure it has its role and is enabled
      run(
          List.of(
              Map.of("command", "setClientPassword", "username", username, "password", password),
              Map.of("command", "addClientRole", "username", username, "rolename", rolename),
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
