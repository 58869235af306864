package org.courtyard.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.After;
import org.junit.Test;

/**
 * Acknowledged means stored, whatever fails underneath: the gateway acknowledges a device's message
 * to the broker only once it is committed, so a database that goes away mid-stream or a Karaf
 * killed outright loses nothing the devices saw acknowledged. Courtyard runs as an operator runs it
 * (the launcher, a process of its own), so the test can restart its database and kill it.
 */
public class IngestDurabilityIT {

  private static final int PER_METER = 500;

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
}
