package org.courtyard.workorders.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.ws.rs.core.CacheControl;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Request;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.courtyard.api.rest.Params;
import org.courtyard.workorders.internal.attachments.AttachmentView;
import org.courtyard.workorders.internal.attachments.Attachments;
import org.courtyard.workorders.internal.attachments.OrderGate;
import org.courtyard.workorders.internal.attachments.Thumbnails;
import org.courtyard.workorders.internal.attachments.Upload;
import org.courtyard.workorders.internal.attachments.Uploader;

/**
 * What staff's and residents' attachment resources do alike once each has decided who the caller is
 * and which orders they reach: take an upload in, list, and serve the bytes with their sniffed
 * type, a download name in UTF-8, the hash as ETag (a matching If-None-Match answers 304 without
 * reading the bytes) and a private cache.
 */
final class AttachmentExchange {

  private static final String DISPOSITION_SAFE =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789!#$&+-.^_`|~";

  private final WorkordersInstances instances;

  AttachmentExchange(WorkordersInstances instances) {
    this.instances = instances;
  }

  /**
   * Checks what it can before the body (the order within reach, the step, a free slot), then reads
   * and checks the body, measures the photo and makes its thumbnail outside any transaction, and
   * stores it holding the order's lock.
   */
  Response upload(
      SecurityContext security,
      UriInfo uri,
      HttpHeaders headers,
      long orderId,
      String name,
      String eventId,
      InputStream body,
      OrderGate gate,
      Uploader who)
      throws IOException {
    Long step = Params.id("eventId", eventId);
    Attachments store = instances.of(security).attachments();
    store.precheck(gate, orderId, step, who);
    Upload upload =
        Upload.read(
            body, headers.getLength(), headers.getHeaderString(HttpHeaders.CONTENT_TYPE), name);
    Thumbnails.Picture picture = Thumbnails.of(upload.type(), upload.bytes());
    AttachmentView created = store.add(gate, orderId, step, upload, picture, who);
    return Params.created(uri.getAbsolutePathBuilder(), created.id(), created);
  }

  List<AttachmentView> list(SecurityContext security, long orderId, OrderGate gate) {
    return instances.of(security).attachments().list(gate, orderId);
  }

  Response serve(
      SecurityContext security,
      Request request,
      long orderId,
      long id,
      boolean thumbnail,
      OrderGate gate) {
    Attachments store = instances.of(security).attachments();
    AttachmentView file = store.get(gate, orderId, id);
    EntityTag tag = new EntityTag(thumbnail ? file.sha256() + "-thumbnail" : file.sha256());
    CacheControl cache = new CacheControl();
    cache.setPrivate(true);
    // a file never changes under its id: a day in the caller's own cache, then revalidated
    cache.setMaxAge(86_400);
    Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
    if (unchanged != null && (!thumbnail || file.thumbnail())) {
      return unchanged.tag(tag).cacheControl(cache).build();
    }
    Attachments.Content content = store.content(gate, orderId, id, thumbnail);
    String fileName =
        thumbnail ? thumbnailName(content.fileName(), content.contentType()) : content.fileName();
    return Response.ok(content.bytes(), content.contentType())
        .tag(tag)
        .cacheControl(cache)
        .header("Content-Disposition", disposition(fileName))
        .header("X-Content-Type-Options", "nosniff")
        .build();
  }

  /** {@code photo.jpg} of a PNG thumbnail: {@code photo-thumbnail.png}. */
  static String thumbnailName(String fileName, String type) {
    int dot = fileName.lastIndexOf('.');
    String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
    return stem + "-thumbnail." + ("image/png".equals(type) ? "png" : "jpg");
  }

  /**
   * {@code inline} with the name twice (RFC 6266): in ASCII for old clients, non-ASCII and quotes
   * replaced, and in UTF-8 percent-encoded as {@code filename*} (RFC 8187), which browsers prefer.
   */
  static String disposition(String fileName) {
    StringBuilder ascii = new StringBuilder();
    fileName
        .codePoints()
        .forEach(
            cp ->
                ascii.append(cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\' ? (char) cp : '_'));
    StringBuilder encoded = new StringBuilder();
    for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
      int v = b & 0xFF;
      if (v < 0x80 && DISPOSITION_SAFE.indexOf(v) >= 0) {
        encoded.append((char) v);
      } else {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit(v >> 4, 16)));
        encoded.append(Character.toUpperCase(Character.forDigit(v & 0xF, 16)));
      }
    }
    return "inline; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }
}
