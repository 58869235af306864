package org.courtyard.itests;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Meters that keep publishing QoS 1 readings through a broker restart, as real devices do: a
 * persistent session, automatic reconnection, and what was in flight sent again (flagged DUP) after
 * reconnecting. Counts the readings the broker acknowledged, which must all be stored.
 */
final class AckedStream {

  /** A meter's MQTT login and up topic. */
  record Meter(String username, String password, String topic) {}

  /** Why publishes were not acknowledged, with how many, for the failure message of a test. */
  static final java.util.Map<String, Integer> FAILURES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private AckedStream() {}

  /**
   * Publishes {@code perMeter} readings from each meter (sequences from {@code firstSeq}), runs
   * {@code restart} once {@code restartAfter} readings were acknowledged in all, and returns the
   * acknowledged sequences per meter once every publish has completed.
   */
  static List<List<Long>> run(
      String url,
      List<Meter> meters,
      long firstSeq,
      int perMeter,
      int restartAfter,
      ThrowingRunnable restart)
      throws Exception {
    List<MqttAsyncClient> clients = new ArrayList<>();
    List<List<IMqttDeliveryToken>> tokens = new ArrayList<>();
    List<Thread> publishers = new ArrayList<>();
    try {
      for (Meter m : meters) {
        MqttAsyncClient c = new MqttAsyncClient(url, m.username(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(m.username());
        o.setPassword(m.password().toCharArray());
        o.setCleanSession(false);
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay(1_000);
        o.setMaxInflight(20);
        o.setConnectionTimeout(10);
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        c.connect(o).waitForCompletion(10_000);
        clients.add(c);
        List<IMqttDeliveryToken> mine = java.util.Collections.synchronizedList(new ArrayList<>());
        tokens.add(mine);
        Thread t =
            new Thread(
                () -> {
                  for (int i = 0; i < perMeter; i++) {
                    long seq = firstSeq + i;
                    byte[] payload = DevicesIT.reading(seq, Long.toString(1000 * seq));
                    while (true) {
                      try {
                        mine.add(c.publish(m.topic(), payload, 1, false));
                        sleep(3); // a meter reports steadily: it is mid-stream when the broker goes
                        break;
                      } catch (MqttException e) {
                        // not connected or the in-flight window is full: not sent, try again
                        sleep(20);
                      }
                    }
                  }
                },
                "publisher-" + m.username());
        publishers.add(t);
        t.start();
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (acknowledged(tokens) < restartAfter && System.nanoTime() < deadline) {
        sleep(10);
      }
      restart.run();
      for (Thread t : publishers) {
        t.join(TimeUnit.SECONDS.toMillis(90));
      }
      List<List<Long>> acked = new ArrayList<>();
      for (int i = 0; i < meters.size(); i++) {
        List<Long> seqs = new ArrayList<>();
        List<IMqttDeliveryToken> mine = tokens.get(i);
        // one token per reading, in sequence order: a publish that threw added none
        for (int k = 0; k < mine.size(); k++) {
          try {
            mine.get(k).waitForCompletion(60_000);
            seqs.add(firstSeq + k);
          } catch (MqttException e) {
            // not acknowledged: the device knows it was not delivered
            FAILURES.merge(meters.get(i).username() + ": " + e, 1, Integer::sum);
          }
        }
        acked.add(seqs);
      }
      return acked;
    } finally {
      for (MqttAsyncClient c : clients) {
        try {
          c.disconnect().waitForCompletion(5_000);
        } catch (MqttException e) {
          c.disconnectForcibly(1_000, 1_000);
        }
        c.close();
      }
    }
  }

  private static long acknowledged(List<List<IMqttDeliveryToken>> tokens) {
    long n = 0;
    for (List<IMqttDeliveryToken> mine : tokens) {
      synchronized (mine) {
        for (IMqttDeliveryToken t : mine) {
          if (t.isComplete() && t.getException() == null) {
            n++;
          }
        }
      }
    }
    return n;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A step that may throw, e.g. stopping and starting a bundle or a process. */
  interface ThrowingRunnable {
    void run() throws Exception;
  }

  /**
   * Every acknowledged reading of the meter is stored, each once (the table's key is device and
   * sequence), and no more than were sent. Most were acknowledged: a reconnect that the draining
   * broker refused tells the device its in-flight readings failed, and it knows to send them again.
   */
  static void assertStored(String tenant, String device, List<Long> acked, int sent)
      throws Exception {
    org.junit.Assert.assertTrue(
        device + " acknowledged " + acked.size() + " of " + sent + "; failures: " + FAILURES,
        acked.size() >= sent / 2);
    String seqs =
        acked.stream()
            .map(String::valueOf)
            .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    String sql =
        "select count(*) from t_"
            + tenant
            + ".device_message where device_id = ?"
            + " and seq = any(?::bigint[])";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (PlatformIT.count(sql, device, seqs) < acked.size() && System.nanoTime() < deadline) {
      sleep(100);
    }
    org.junit.Assert.assertEquals(
        device + ": acknowledged readings stored",
        acked.size(),
        PlatformIT.count(sql, device, seqs));
    long stored =
        PlatformIT.count(
            "select count(*) from t_" + tenant + ".device_message where device_id = ?", device);
    org.junit.Assert.assertTrue(device + " stored " + stored, stored <= sent);
  }
}
