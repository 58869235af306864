package org.courtyard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.After;
import org.junit.Test;

/**
 * Acknowledged means stored, whatever fails underneath: the gateway acknowledges a device's message
 * to the broker only once it is committed, so a database that goes away mid-stream or a Karaf
 * killed outright loses nothing the devices saw acknowledged, as long as the broker outlives Karaf
 * (Mosquitto). The embedded broker dies with Karaf, and what it acknowledged but had not yet handed
 * to a commit is lost: the last test measures how much. Courtyard runs as an operator runs it (the
 * launcher, a process of its own), so the test can restart its database and kill it.
 */
public class IngestDurabilityIT {

  private static final int PER_METER = 500;

  /** Kills of Karaf under the embedded broker, each mid-stream. */
  private static final int KILLS = 3;

  /** Each meter of the embedded-broker test reports every 10 ms: 600 readings/s from 6 meters. */
  private static final long PERIOD_MS = 10;

  /** Readings acknowledged after a (re)start before Karaf is killed: about 4 s of the stream. */
  private static final int BEFORE_KILL = 2_400;

  /**
   * The bound the embedded broker keeps while the gateway keeps up: a reading it acknowledged this
   * long before a kill was stored, or is still in its store. What is lost is what the gateway had
   * been handed but not yet committed (measured: at most 0.5 s old here) and what Moquette queued
   * since its last save (autosaveSeconds=1); the rest is margin for a loaded machine.
   */
  private static final long LOSS_WINDOW_MS = 2_000;

  private LaunchedCourtyard courtyard;
  private EmbeddedPostgres postgres;

  @After
  public void stop() throws Exception {
    if (courtyard != null) {
      courtyard.close();
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  /** Three meters of one tenant, registered through the API; the tenant's HTTP client first. */
  private static List<AckedStream.Meter> meters(Http tenant, String slug, String prefix)
      throws Exception {
    List<AckedStream.Meter> meters = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      String id = prefix + i;
      meters.add(
          new AckedStream.Meter(
              slug + "/" + id, tenant.meter(id), "t/" + slug + "/d/" + id + "/up"));
    }
    return meters;
  }

  private static void assertAllStored(
      String slug, List<AckedStream.Meter> meters, List<List<Long>> acked) throws Exception {
    for (int i = 0; i < meters.size(); i++) {
      String device = meters.get(i).username().substring(slug.length() + 1);
      AckedStream.assertStored(slug, device, acked.get(i), PER_METER);
    }
  }

  @Test
  public void aDatabaseRestartMidStreamLosesNoAcknowledgedReadingAndStoresNoneTwice()
      throws Exception {
    Path data = Path.of("target", "ingest-durability-pg").toAbsolutePath();
    LaunchedCourtyard.deleteRecursively(data);
    Files.createDirectories(data);
    int pgPort = CourtyardContainer.freePort();
    postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(data)
            .setCleanDataDirectory(false)
            .setPort(pgPort)
            .start();
    String url = "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres?user=postgres";
    System.setProperty("courtyard.it.db.url", url);
    courtyard = new LaunchedCourtyard("ingest-db-restart", url);
    courtyard.start();
    Http anonymous = Http.anonymous(courtyard.port);
    Http operator = anonymous.operator(courtyard.operatorPassword());
    Http tenant = anonymous.tenant(operator.onboard("durable", "estate", "devices"));
    List<AckedStream.Meter> meters = meters(tenant, "durable", "dm-");

    List<List<Long>> acked =
        AckedStream.run(
            "tcp://127.0.0.1:" + courtyard.mqttPort,
            meters,
            1,
            PER_METER,
            300,
            () -> {
              postgres.close(); // a PostgreSQL restart: every connection of the pool breaks
              Thread.sleep(3_000);
              postgres =
                  EmbeddedPostgres.builder()
                      .setDataDirectory(data)
                      .setCleanDataDirectory(false)
                      .setPort(pgPort)
                      .start();
            });
    assertAllStored("durable", meters, acked);
    Http.Reply gateway = operator.get("/operator/drivers/gateway");
    assertTrue(
        "the database was really away while readings arrived: " + gateway.text,
        gateway.json.path("retries").asLong() > 0);
  }

  @Test
  public void karafKilledMidStreamWithMosquittoLosesNoAcknowledgedReadingAndStoresNoneTwice()
      throws Exception {
    if (!TestMosquitto.available()) {
      // .ci/run installs mosquitto: under CI a missing binary is a failure, not a skip
      assertTrue("mosquitto binaries missing", !"true".equals(System.getenv("CI")));
      org.junit.Assume.assumeTrue("no mosquitto binaries on this machine", false);
    }
    TestMosquitto mosquitto = TestMosquitto.start();
    String url = TestDatabase.fresh();
    System.setProperty("courtyard.it.db.url", url);
    courtyard = new LaunchedCourtyard("ingest-karaf-kill", url);
    courtyard.configure(
        "org.courtyard.broker.cfg",
        "mode=external",
        "url=tcp://127.0.0.1:" + mosquitto.port,
        "adminUsername=" + TestMosquitto.ADMIN,
        "adminPassword=" + mosquitto.adminPassword);
    courtyard.start();
    Http anonymous = Http.anonymous(courtyard.port);
    Http operator = anonymous.operator(courtyard.operatorPassword());
    Http tenant = anonymous.tenant(operator.onboard("killed", "estate", "devices"));
    List<AckedStream.Meter> meters = meters(tenant, "killed", "km-");

    List<List<Long>> acked =
        AckedStream.run(
            "tcp://127.0.0.1:" + mosquitto.port,
            meters,
            1,
            PER_METER,
            300,
            () -> {
              courtyard.killKaraf(); // devices keep publishing: Mosquitto holds their readings
              courtyard.start();
            });
    assertAllStored("killed", meters, acked);
    long total = 0;
    for (List<Long> a : acked) {
      total += a.size();
    }
    assertEquals("every reading reached Mosquitto while Karaf was away", 3L * PER_METER, total);
  }

  /**
   * Moquette 0.17 acknowledges a QoS 1 publish once it has handed the message to the subscriber's
   * session, before it is stored anywhere: what is in flight to the connected gateway lives in
   * memory only, and what is queued is committed to its H2 store every {@code autosaveSeconds} (no
   * fsync). So a SIGKILL of Karaf loses the readings devices saw acknowledged within the last
   * moments before the kill, and nothing older. Two tenants' meters report at a steady rate while
   * Karaf is killed three times and started again on the same data (which the broker survives only
   * since {@code MoquetteStore} recovers its store); every acknowledged reading is compared with
   * what is stored.
   */
  @Test
  public void karafKilledMidStreamWithTheEmbeddedBrokerLosesOnlyWhatWasAcknowledgedJustBefore()
      throws Exception {
    String url = TestDatabase.fresh();
    System.setProperty("courtyard.it.db.url", url);
    courtyard = new LaunchedCourtyard("ingest-embedded-kill", url);
    String autosave = System.getProperty("courtyard.it.autosaveSeconds", "");
    if (!autosave.isBlank()) {
      // -Dcourtyard.it.autosaveSeconds=30 measures Moquette's own interval against the default
      courtyard.configure("org.courtyard.broker.cfg", "autosaveSeconds=" + autosave);
    }
    courtyard.start();
    Http anonymous = Http.anonymous(courtyard.port);
    Http operator = anonymous.operator(courtyard.operatorPassword());
    List<AckedStream.Meter> meters = new ArrayList<>();
    for (String slug : List.of("embkilla", "embkillb")) {
      Http tenant = anonymous.tenant(operator.onboard(slug, "estate", "devices"));
      meters.addAll(meters(tenant, slug, slug.substring(slug.length() - 1) + "m-"));
    }

    long[] kills = new long[KILLS];
    long duplicates = 0;
    PacedMeters stream =
        new PacedMeters("tcp://127.0.0.1:" + courtyard.mqttPort, meters, PERIOD_MS);
    try {
      for (int k = 0; k < KILLS; k++) {
        stream.awaitAcknowledged(stream.acknowledged() + BEFORE_KILL);
        duplicates += operator.get("/operator/drivers/gateway").json.path("duplicates").asLong();
        kills[k] = courtyard.killKaraf();
        courtyard.start();
      }
      stream.awaitAcknowledged(stream.acknowledged() + BEFORE_KILL);
    } finally {
      stream.close();
    }

    // everything acknowledged since the last start must arrive: no kill came after it
    long settle = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (unstoredSince(stream, meters, kills[KILLS - 1]) > 0 && System.nanoTime() < settle) {
      Thread.sleep(200);
    }
    duplicates += operator.get("/operator/drivers/gateway").json.path("duplicates").asLong();

    long grace = TimeUnit.SECONDS.toNanos(1); // a PUBACK on its way when the signal went out
    long[] acked = new long[KILLS + 1];
    long[] lost = new long[KILLS + 1];
    long[] oldestLostMs = new long[KILLS + 1];
    long[] lastSecond = new long[KILLS];
    for (int i = 0; i < meters.size(); i++) {
      Set<Long> stored = stored(meters.get(i));
      for (long seq : stored) {
        assertTrue(
            meters.get(i).username() + " stored reading " + seq + " it never sent",
            seq >= 1 && seq <= stream.published(i));
      }
      for (int n = 0; n < stream.published(i); n++) {
        long at = stream.ackedAt(i, n);
        if (at == 0) {
          continue; // never acknowledged: the device knows to send it again
        }
        int phase = 0;
        while (phase < KILLS && at > kills[phase] + grace) {
          phase++;
        }
        acked[phase]++;
        if (phase < KILLS && at > kills[phase] - TimeUnit.SECONDS.toNanos(1)) {
          lastSecond[phase]++;
        }
        if (!stored.contains(n + 1L)) {
          lost[phase]++;
          if (phase < KILLS) {
            oldestLostMs[phase] =
                Math.max(oldestLostMs[phase], TimeUnit.NANOSECONDS.toMillis(kills[phase] - at));
          }
        }
      }
    }
    StringBuilder figures =
        new StringBuilder(
            "embedded broker, SIGKILL mid-stream, "
                + meters.size()
                + " meters at "
                + (meters.size() * 1000 / PERIOD_MS)
                + " readings/s, autosave "
                + (autosave.isBlank() ? "default" : autosave + " s")
                + ":");
    for (int k = 0; k <= KILLS; k++) {
      figures.append(
          k < KILLS
              ? String.format(
                  "%n  kill %d: %d acknowledged before it (%d in its last second), %d lost,"
                      + " the oldest acknowledged %d ms before the kill",
                  k + 1, acked[k], lastSecond[k], lost[k], oldestLostMs[k])
              : String.format(
                  "%n  after the last start: %d acknowledged, %d lost; %d redeliveries not"
                      + " stored twice",
                  acked[k], lost[k], duplicates));
    }
    System.out.println(figures);
    assertEquals("lost without a kill\n" + figures, 0, lost[KILLS]);
    for (int k = 0; k < KILLS; k++) {
      assertTrue("kill " + (k + 1) + " came mid-stream\n" + figures, lastSecond[k] > 0);
      assertTrue(
          "kill "
              + (k + 1)
              + " lost a reading acknowledged more than "
              + LOSS_WINDOW_MS
              + " ms before it\n"
              + figures,
          oldestLostMs[k] <= LOSS_WINDOW_MS);
    }
  }

  /** The meter's stored sequences. */
  private static Set<Long> stored(AckedStream.Meter meter) throws Exception {
    int slash = meter.username().indexOf('/');
    Set<Long> seqs = new HashSet<>();
    try (Connection c = PlatformIT.db();
        PreparedStatement ps =
            c.prepareStatement(
                "select seq from t_"
                    + meter.username().substring(0, slash)
                    + ".device_message where device_id = ?")) {
      ps.setString(1, meter.username().substring(slash + 1));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          seqs.add(rs.getLong(1));
        }
      }
    }
    return seqs;
  }

  /** Readings acknowledged after {@code since} (a nanoTime) that are not stored (yet). */
  private static long unstoredSince(PacedMeters stream, List<AckedStream.Meter> meters, long since)
      throws Exception {
    long missing = 0;
    for (int i = 0; i < meters.size(); i++) {
      Set<Long> stored = stored(meters.get(i));
      for (int n = 0; n < stream.published(i); n++) {
        long at = stream.ackedAt(i, n);
        if (at > since && !stored.contains(n + 1L)) {
          missing++;
        }
      }
    }
    return missing;
  }

  /**
   * Meters that each publish a QoS 1 reading every {@code periodMs} until closed, as real meters
   * report: on a persistent session that reconnects by itself and sends again what was in flight,
   * never faster than their period to catch up after an outage. Notes when each reading's PUBACK
   * arrived.
   */
  private static final class PacedMeters implements AutoCloseable {

    private static final int MAX_READINGS = 200_000;

    private final List<MqttAsyncClient> clients = new ArrayList<>();
    private final List<Thread> publishers = new ArrayList<>();
    private final List<List<IMqttDeliveryToken>> tokens = new ArrayList<>();

    /** Per meter, the nanoTime the PUBACK of reading {@code n + 1} arrived, 0 before. */
    private final List<AtomicLongArray> acked = new ArrayList<>();

    private final AtomicLong acknowledged = new AtomicLong();
    private volatile boolean closing;

    PacedMeters(String url, List<AckedStream.Meter> meters, long periodMs) throws MqttException {
      for (AckedStream.Meter m : meters) {
        MqttAsyncClient c = new MqttAsyncClient(url, m.username(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setUserName(m.username());
        o.setPassword(m.password().toCharArray());
        o.setCleanSession(false);
        o.setAutomaticReconnect(true);
        o.setMaxReconnectDelay(1_000);
        o.setMaxInflight(100);
        o.setConnectionTimeout(10);
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        c.connect(o).waitForCompletion(10_000);
        clients.add(c);
        AtomicLongArray at = new AtomicLongArray(MAX_READINGS);
        acked.add(at);
        List<IMqttDeliveryToken> mine = java.util.Collections.synchronizedList(new ArrayList<>());
        tokens.add(mine);
        Thread t =
            new Thread(
                () -> publish(c, m.topic(), mine, at, TimeUnit.MILLISECONDS.toNanos(periodMs)),
                "meter-" + m.username());
        publishers.add(t);
        t.start();
      }
    }

    private void publish(
        MqttAsyncClient c,
        String topic,
        List<IMqttDeliveryToken> mine,
        AtomicLongArray at,
        long period) {
      long next = System.nanoTime();
      for (int n = 0; n < MAX_READINGS && !closing; ) {
        long wait = next - System.nanoTime();
        if (wait > 0) {
          sleep(TimeUnit.NANOSECONDS.toMillis(wait));
        }
        long seq = n + 1L;
        int index = n;
        try {
          mine.add(
              c.publish(
                  topic,
                  DevicesIT.reading(seq, Long.toString(1000 * seq)),
                  1,
                  false,
                  null,
                  new IMqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                      at.set(index, System.nanoTime());
                      acknowledged.incrementAndGet();
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable e) {
                      // not acknowledged: not counted
                    }
                  }));
          n++;
          next = Math.max(next + period, System.nanoTime());
        } catch (MqttException e) {
          // not connected (Karaf is down) or the in-flight window is full: try again
          sleep(20);
        }
      }
    }

    long acknowledged() {
      return acknowledged.get();
    }

    /** Waits (at most 3 minutes: a start of Karaf included) until so many were acknowledged. */
    void awaitAcknowledged(long target) {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (acknowledged.get() < target) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError(
              "the meters got " + acknowledged.get() + " acknowledgements, not " + target);
        }
        sleep(20);
      }
    }

    int published(int meter) {
      return tokens.get(meter).size();
    }

    long ackedAt(int meter, int n) {
      return acked.get(meter).get(n);
    }

    /** Stops publishing, waits for what is in flight, then disconnects. */
    @Override
    public void close() throws Exception {
      closing = true;
      for (Thread t : publishers) {
        t.join(TimeUnit.SECONDS.toMillis(30));
      }
      for (List<IMqttDeliveryToken> mine : tokens) {
        for (IMqttDeliveryToken t : List.copyOf(mine)) {
          try {
            t.waitForCompletion(60_000);
          } catch (MqttException e) {
            // not acknowledged: ackedAt stays 0
          }
        }
      }
      for (MqttAsyncClient c : clients) {
        try {
          c.disconnect().waitForCompletion(5_000);
        } catch (MqttException e) {
          c.disconnectForcibly(1_000, 1_000);
        }
        c.close();
      }
    }

    private static void sleep(long ms) {
      try {
        Thread.sleep(ms);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
