package org.courtyard.itests;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.systemTimeout;
import static org.ops4j.pax.exam.CoreOptions.vmOption;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Paths;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;

/** Boots the assembled Courtyard distribution against the test database. */
final class CourtyardContainer {

  private CourtyardContainer() {}

  static Option[] options(Option... extra) {
    String distribution = System.getProperty("courtyard.distribution");
    String db = TestDatabase.fresh();
    int http = freePort();
    int mqtt = freePort();
    // -Dcourtyard.it.keep=true keeps target/exam/<uuid> (logs in data/log) after the run
    Option keep =
        Boolean.getBoolean("courtyard.it.keep")
            ? org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder()
            : new org.ops4j.pax.exam.options.DefaultCompositeOption();
    return new Option[] {
      keep,
      karafDistributionConfiguration()
          .frameworkUrl(new File(distribution).toURI().toString())
          .karafVersion("4.4.10")
          .name("Courtyard")
          .unpackDirectory(new File("target/exam"))
          .useDeployFolder(false),
      configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
      logLevel(LogLevel.INFO),
      systemTimeout(120_000),
      vmOption("-Xmx1g"),
      editConfigurationFilePut(
          "etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(http)),
      editConfigurationFilePut(
          "etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(freePort())),
      editConfigurationFilePut(
          "etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(freePort())),
      editConfigurationFilePut(
          "etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(freePort())),
      editConfigurationFilePut("etc/org.courtyard.db.cfg", "url", db),
      editConfigurationFilePut("etc/org.courtyard.db.cfg", "user", "postgres"),
      systemProperty("courtyard.it.db.url").value(db),
      systemProperty("courtyard.it.http.port").value(String.valueOf(http)),
      // the machine may run its own broker on 1883
      editConfigurationFilePut("etc/org.courtyard.broker.cfg", "port", String.valueOf(mqtt)),
      systemProperty("courtyard.it.mqtt.port").value(String.valueOf(mqtt)),
      // a driver jar to upload at run time: the template driver as built in this reactor
      systemProperty("courtyard.it.template.driver")
          .value(System.getProperty("courtyard.it.template.driver", "")),
      new org.ops4j.pax.exam.options.DefaultCompositeOption(extra),
    };
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Inside the container: the generated operator password. The platform writes it while it starts,
   * which may still be under way when a test begins: wait for it, and for the API to answer.
   */
  static String operatorPassword() throws Exception {
    String home = System.getProperty("courtyard.home", System.getProperty("karaf.base"));
    java.nio.file.Path file = Paths.get(home, "operator-password.txt");
    long deadline = System.currentTimeMillis() + 120_000;
    while (!Files.exists(file) || Http.anonymous(httpPort()).get("/ping").status != 200) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException("the platform did not start: no " + file + " or no /ping");
      }
      Thread.sleep(200);
    }
    return Files.readString(file).trim();
  }

  /** The broker devices connect to: the external test Mosquitto if the class runs one. */
  static int mqttPort() {
    String external = System.getProperty("courtyard.it.mosquitto", "");
    return external.matches("\\d+")
        ? Integer.parseInt(external)
        : Integer.parseInt(System.getProperty("courtyard.it.mqtt.port"));
  }

  static int httpPort() {
    return Integer.parseInt(System.getProperty("courtyard.it.http.port"));
  }
}
