package org.courtyard.workorders.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.workorders.internal.attachments.AttachmentView;
import org.courtyard.workorders.internal.attachments.OrderGate;
import org.courtyard.workorders.internal.attachments.Uploader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Photos and files of work orders for the company's staff under {@code
 * /api/v1/workorders/orders/{id}/attachments}: customer service adds what a caller sends, a
 * technician the photos of their work, a guard what they found. Reached through the order, within
 * the caller's data scope for the operation's permission: outside it, 404 as for a missing order.
 * Its own root path, longer than {@code orders}, so CXF picks this class for these paths alone.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + WorkordersModule.ID)
@Path("orders/{id}/attachments")
@Produces(MediaType.APPLICATION_JSON)
public class AttachmentsResource implements ModuleResource {

  private final AttachmentExchange exchange;

  @Activate
  public AttachmentsResource(@Reference WorkordersInstances instances) {
    this.exchange = new AttachmentExchange(instances);
  }

  @Override
  public String moduleId() {
    return WorkordersModule.ID;
  }

  @Doc(
      summary = "Add a photo or file to an order",
      description =
          "The body is the file (at most 10 MB) with its own Content-Type or"
              + " application/octet-stream; name is its file name; eventId puts it on a step of"
              + " the order's timeline instead of the order itself. JPEG, PNG, GIF, WebP, PDF"
              + " and MP4, told by the file's first bytes; photos get a thumbnail. At most 9 on"
              + " the order and 9 on each step. 413 too-large, 415 unsupported-file-type or"
              + " content-type-mismatch, 422 image-too-large (over 40 megapixels),"
              + " unreadable-image or unknown-step, 409 too-many-attachments, 404 not-found.",
      returns = AttachmentView.class,
      status = 201)
  @Permission("workorders.attachment.upload")
  @POST
  @Consumes(MediaType.WILDCARD)
  public Response upload(
      @Context SecurityContext security,
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      @PathParam("id") long id,
      @QueryParam("name") String name,
      @QueryParam("eventId") String eventId,
      InputStream body)
      throws IOException {
    Caller caller = Caller.of(security);
    return exchange.upload(
        security,
        uri,
        headers,
        id,
        name,
        eventId,
        body,
        gate(security),
        new Uploader(false, caller.actorId()));
  }

  @Doc(
      summary = "List an order's photos and files",
      description =
          "Without their bytes: the order's own first, then each step's, in upload order. 404"
              + " not-found.")
  @Permission("workorders.order.read")
  @GET
  public List<AttachmentView> list(@Context SecurityContext security, @PathParam("id") long id) {
    return exchange.list(security, id, gate(security));
  }

  @Doc(
      summary = "Get a photo or file",
      description =
          "The bytes with their sniffed Content-Type, the file name in Content-Disposition and"
              + " the SHA-256 as ETag (If-None-Match answers 304). 404 not-found.")
  @Permission("workorders.order.read")
  @GET
  @Path("{aid}")
  @Produces({"image/jpeg", "image/png", "image/gif", "image/webp", "application/pdf", "video/mp4"})
  public Response get(
      @Context SecurityContext security,
      @Context Request request,
      @PathParam("id") long id,
      @PathParam("aid") long aid) {
    return exchange.serve(security, request, id, aid, false, gate(security));
  }

  @Doc(
      summary = "Get a photo's thumbnail",
      description =
          "A JPEG (PNG when transparent) at most 320 px on its longest side; 404 not-found for"
              + " files that have none (documents, videos, WebP).")
  @Permission("workorders.order.read")
  @GET
  @Path("{aid}/thumbnail")
  @Produces({"image/jpeg", "image/png"})
  public Response thumbnail(
      @Context SecurityContext security,
      @Context Request request,
      @PathParam("id") long id,
      @PathParam("aid") long aid) {
    return exchange.serve(security, request, id, aid, true, gate(security));
  }

  /** The orders in the caller's scope for the operation's permission. */
  private static OrderGate gate(SecurityContext security) {
    return Orders.gate(Reach.staff(TenantPrincipal.scopeOf(security)));
  }
}
