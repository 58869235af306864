package org.courtyard.devices.platform.internal;

import java.util.List;
import java.util.Map;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.OperatorExtension;
import org.courtyard.api.rest.Params;
import org.courtyard.devices.platform.DeviceRuntime;
import org.courtyard.devices.platform.DriverView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Driver administration for operators, at {@code /api/v1/operator/drivers}: the drivers the
 * container runs (from features or uploads) with their health and device counts, the jars operators
 * uploaded, and the SHA-256 approvals a jar needs before it is installed.
 */
@Component(service = OperatorExtension.class)
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class DriverAdminResource implements OperatorExtension {

  private static final Texts TEXTS = Texts.of(DriverAdminResource.class);

  /** An approval to create. */
  public record ApprovalInput(String sha256, String note) {}

  /** What the gateway has done since it started. */
  public record GatewayView(
      boolean connected,
      long received,
      long accepted,
      long rejected,
      long stored,
      long duplicates,
      long dropped,
      int queued,
      long retries,
      long held,
      int sessions,
      int sessionsConnected) {}

  private final DriverRuntime drivers;
  private final DriverPackages packages;
  private final DeviceRuntime runtime;
  private final Gateway gateway;

  @Activate
  public DriverAdminResource(
      @Reference DriverRuntime drivers,
      @Reference DriverPackages packages,
      @Reference DeviceRuntime runtime,
      @Reference Gateway gateway) {
    this.drivers = drivers;
    this.packages = packages;
    this.runtime = runtime;
    this.gateway = gateway;
  }

  @Override
  public String path() {
    return "drivers";
  }

  /** Every driver the container runs, with its state and how many devices use it. */
  @Doc(
      summary = "List drivers",
      description =
          "Every device driver the container runs, with its state and how many devices use it.")
  @GET
  public List<DriverView> list() {
    return runtime.drivers();
  }

  /** Lets a quarantined driver decode again (after its vendor fixed the device or the driver). */
  @Doc(
      summary = "Release a quarantined driver",
      description =
          "Lets a driver that was quarantined for failing to decode decode again, once its vendor"
              + " fixed the device or the driver. 404 driver-not-found for an unknown driver.")
  @POST
  @Path("{id}/release")
  public Map<String, Object> release(@PathParam("id") String id) {
    if (!drivers.release(id)) {
      throw TEXTS.problem(404, "driver-not-found", "driver.not-found", id);
    }
    return Map.of("id", id, "state", "active");
  }

  /** Counters of the device gateway since the container started. */
  @Doc(
      summary = "Show gateway counters",
      description =
          "What the device gateway has received, accepted, rejected, stored and dropped since the"
              + " container started, and whether it is connected to the broker.")
  @GET
  @Path("gateway")
  public GatewayView gateway() {
    Gateway.Stats s = gateway.stats();
    return new GatewayView(
        s.connected(),
        s.received(),
        s.accepted(),
        s.rejected(),
        s.stored(),
        s.duplicates(),
        s.dropped(),
        s.queued(),
        s.retries(),
        s.held(),
        s.sessions(),
        s.sessionsConnected());
  }

  @Doc(
      summary = "List driver packages",
      description =
          "The driver jars uploaded to the container, with their version and whether they are"
              + " enabled.")
  @GET
  @Path("packages")
  public List<DriverPackages.PackageView> packages() {
    return packages.list();
  }

  /**
   * Installs (or, for a newer version of an uploaded bundle, updates) a driver jar sent as the
   * body. Its SHA-256 must be approved first.
   */
  @Doc(
      summary = "Upload a driver package",
      description =
          "Installs a driver jar sent as the body, or updates an uploaded bundle to a newer"
              + " version. Its SHA-256 must be approved first (422 driver-not-approved); a jar"
              + " over 20 MiB is refused (413 jar-too-large).",
      returns = DriverPackages.PackageView.class)
  @POST
  @Path("packages")
  @Consumes({"application/java-archive", MediaType.APPLICATION_OCTET_STREAM})
  public Response upload(byte[] jar) {
    DriverPackages.PackageView p = packages.upload(jar);
    return Response.status(Response.Status.CREATED).entity(p).build();
  }

  @Doc(
      summary = "Disable a driver package",
      description =
          "Stops an uploaded driver until it is enabled again. 404 driver-package-not-found for an"
              + " unknown bundle.")
  @POST
  @Path("packages/{bsn}/disable")
  public DriverPackages.PackageView disable(@PathParam("bsn") String bsn) {
    return packages.setEnabled(bsn, false);
  }

  @Doc(
      summary = "Enable a driver package",
      description =
          "Starts an uploaded driver that was disabled. 404 driver-package-not-found for an unknown"
              + " bundle.")
  @POST
  @Path("packages/{bsn}/enable")
  public DriverPackages.PackageView enable(@PathParam("bsn") String bsn) {
    return packages.setEnabled(bsn, true);
  }

  @Doc(
      summary = "List driver approvals",
      description =
          "The SHA-256 digests of driver jars the operator has approved for upload, with their"
              + " notes.")
  @GET
  @Path("approvals")
  public List<DriverPackages.Approval> approvals() {
    return packages.approvals();
  }

  @Doc(
      summary = "Approve a driver jar",
      description =
          "Approves the SHA-256 of a driver jar so it may be uploaded. 409 already-approved when it"
              + " is.",
      returns = DriverPackages.Approval.class)
  @POST
  @Path("approvals")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response approve(ApprovalInput input) {
    ApprovalInput in = Params.body(input);
    return Response.status(Response.Status.CREATED)
        .entity(packages.approve(in.sha256(), in.note()))
        .build();
  }

  @Doc(
      summary = "Withdraw a driver approval",
      description =
          "Withdraws an approval that no uploaded jar uses; 409 approval-in-use otherwise.")
  @DELETE
  @Path("approvals/{sha256}")
  public Response withdraw(@PathParam("sha256") String sha256) {
    packages.withdrawApproval(sha256);
    return Response.noContent().build();
  }
}
