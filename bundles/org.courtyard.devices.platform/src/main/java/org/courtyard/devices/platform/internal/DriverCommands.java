package org.courtyard.devices.platform.internal;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

/** Karaf shell commands for device drivers and the gateway (scope {@code courtyard:}). */
final class DriverCommands {

  private DriverCommands() {}

  @Service
  @Command(
      scope = "courtyard",
      name = "driver-list",
      description = "Lists the device drivers with their state and device counts")
  public static final class DriverList implements Action {
    @Reference DriverRuntime drivers;
    @Reference DeviceRegistry registry;

    @Override
    public Object execute() {
      ShellTable table = new ShellTable();
      table.column("Driver");
      table.column("Version");
      table.column("Vendor");
      table.column("Device types");
      table.column("Devices");
      table.column("Decoded");
      table.column("Failures");
      table.column("State");
      for (DriverRuntime.DriverState d : drivers.drivers()) {
        table
            .addRow()
            .addContent(
                d.id(),
                d.version(),
                d.vendor(),
                String.join(",", d.deviceTypes()),
                registry.countByDriver(d.id()),
                d.decoded(),
                d.failures(),
                d.quarantined() ? "QUARANTINED: " + d.reason() : "active");
      }
      table.print(System.out);
      return null;
    }
  }

  @Service
  @Command(
      scope = "courtyard",
      name = "driver-release",
      description = "Lets a quarantined driver decode again")
  public static final class DriverRelease implements Action {
    @Reference DriverRuntime drivers;

    @Argument(index = 0, name = "driver", description = "the driver's id", required = true)
    String id;

    @Override
    public Object execute() {
      System.out.println(
          drivers.release(id) ? "Driver " + id + " released." : "No driver " + id + " installed.");
      return null;
    }
  }

  @Service
  @Command(
      scope = "courtyard",
      name = "driver-approve",
      description = "Approves the SHA-256 of a driver jar, so that it may be uploaded")
  public static final class DriverApprove implements Action {
    @Reference DriverPackages packages;

    @Argument(index = 0, name = "sha256", description = "the jar's SHA-256 (hex)", required = true)
    String sha256;

    @Argument(index = 1, name = "note", description = "why it is trusted")
    String note;

    @Override
    public Object execute() {
      DriverPackages.Approval a = packages.approve(sha256, note);
      System.out.println("Approved " + a.sha256() + " (" + a.note() + ").");
      return null;
    }
  }

  @Service
  @Command(
      scope = "courtyard",
      name = "driver-packages",
      description = "Lists the driver jars operators uploaded")
  public static final class DriverPackageList implements Action {
    @Reference DriverPackages packages;

    @Override
    public Object execute() {
      ShellTable table = new ShellTable();
      table.column("Bundle");
      table.column("Version");
      table.column("State");
      table.column("Bundle state");
      table.column("Drivers");
      table.column("SHA-256");
      for (DriverPackages.PackageView p : packages.list()) {
        table
            .addRow()
            .addContent(
                p.symbolicName(),
                p.version(),
                p.state(),
                p.bundleState() == null ? "" : p.bundleState(),
                String.join(",", p.drivers() == null ? List.of() : p.drivers()),
                p.sha256().substring(0, 16) + "…");
      }
      table.print(System.out);
      return null;
    }
  }

  @Service
  @Command(
      scope = "courtyard",
      name = "device-gateway",
      description = "Shows what the device gateway has received and stored since it started")
  public static final class GatewayStatus implements Action {
    @Reference Gateway gateway;

    @Override
    public Object execute() {
      Gateway.Stats s = gateway.stats();
      System.out.printf(
          "Broker %s, sessions connected: %d of %d%nreceived %,d  accepted %,d  refused %,d"
              + "  stored %,d  duplicates %,d  dropped %,d  queued %,d  write retries %,d"
              + "  left with the broker %,d%n",
          gateway.broker() == null ? "none" : gateway.broker().url(),
          s.sessionsConnected(),
          s.sessions(),
          s.received(),
          s.accepted(),
          s.rejected(),
          s.stored(),
          s.duplicates(),
          s.dropped(),
          s.queued(),
          s.retries(),
          s.held());
      return null;
    }
  }
}
