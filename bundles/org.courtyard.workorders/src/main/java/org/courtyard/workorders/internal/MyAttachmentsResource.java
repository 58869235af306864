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
import org.courtyard.workorders.internal.attachments.AttachmentView;
import org.courtyard.workorders.internal.attachments.OrderGate;
import org.courtyard.workorders.internal.attachments.Uploader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Photos and files of a resident's own orders under {@code
 * /api/v1/workorders/my/orders/{id}/attachments}: the leak they report, the stain that came back
 * when they reopen. Their own orders only; another's answers 404.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + WorkordersModule.ID)
@Path("my/orders/{id}/attachments")
@Produces(MediaType.APPLICATION_JSON)
public class MyAttachmentsResource implements ModuleResource {

  private final AttachmentExchange exchange;

  @Activate
  public MyAttachmentsResource(@Reference WorkordersInstances instances) {
    this.exchange = new AttachmentExchange(instances);
  }

  @Override
  public String moduleId() {
    return WorkordersModule.ID;
  }

  @Doc(
      summary = "Add a photo or file to my order (residents)",
      description =
          "The body is the file (at most 10 MB) with its own Content-Type or"
              + " application/octet-stream; name is its file name; eventId puts it on one of my"
              + " own steps (my report, my reopening). JPEG, PNG, GIF, WebP, PDF and MP4; at"
              + " most 9 on the order and 9 on each step. 413 too-large, 415"
              + " unsupported-file-type or content-type-mismatch, 422 image-too-large,"
              + " unreadable-image or unknown-step, 403 not-your-step, 409 too-many-attachments,"
              + " 404 not-found.",
      returns = AttachmentView.class,
      status = 201)
  @Permission("workorders.my-order.report")
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
    OrderGate gate = gate(security);
    return exchange.upload(
        security,
        uri,
        headers,
        id,
        name,
        eventId,
        body,
        gate,
        new Uploader(true, Caller.of(security).id()));
  }

  @Doc(
      summary = "List my order's photos and files (residents)",
      description = "Without their bytes, the order's own first. 404 not-found.")
  @Permission("workorders.my-order.read")
  @GET
  public List<AttachmentView> list(@Context SecurityContext security, @PathParam("id") long id) {
    return exchange.list(security, id, gate(security));
  }

  @Doc(
      summary = "Get a photo or file of my order (residents)",
      description =
          "The bytes with their sniffed Content-Type, Content-Disposition and ETag. 404"
              + " not-found.")
  @Permission("workorders.my-order.read")
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
      summary = "Get a photo's thumbnail of my order (residents)",
      description = "At most 320 px on its longest side; 404 not-found for files without one.")
  @Permission("workorders.my-order.read")
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

  /** The resident's own orders; 403 residents-only for anyone else. */
  private static OrderGate gate(SecurityContext security) {
    return Orders.gate(MyOrdersResource.reach(security));
  }
}
