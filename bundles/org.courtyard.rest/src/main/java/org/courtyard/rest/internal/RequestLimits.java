package org.courtyard.rest.internal;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.annotation.Priority;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import org.apache.cxf.io.DelegatingInputStream;
import org.apache.cxf.jaxrs.utils.JAXRSUtils;
import org.apache.cxf.message.Message;
import org.apache.cxf.transport.http.AbstractHTTPDestination;
import org.courtyard.api.ProblemException;
import org.courtyard.api.Texts;

/**
 * The edges of every request, checked before anything reads the body or verifies a credential: a
 * body larger than its kind allows gets 413 (from {@code Content-Length} at once, otherwise as soon
 * as the reader passes the limit), a {@code Content-Type} that is not a media type 415 and an
 * {@code Accept} that names no media type at all 406. JSON bodies (and bodies without a type) have
 * the small limit; other types (CSV imports, driver jars) the upload limit, under which the
 * resource applies its own.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
final class RequestLimits implements ContainerRequestFilter {

  private static final Texts TEXTS = Texts.of(RequestLimits.class);

  /**
   * {@code type/subtype} and optional parameters (RFC 9110 tokens). Checked here because CXF reads
   * a type it cannot parse, such as {@code foo}, as {@code *}{@code /*} and then parses the body.
   */
  private static final Pattern MEDIA_TYPE =
      Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+/[!#$%&'*+.^_`|~0-9A-Za-z-]+\\s*(;.*)?");

  private final long maxJsonBytes;
  private final long maxUploadBytes;

  RequestLimits(long maxJsonBytes, long maxUploadBytes) {
    this.maxJsonBytes = maxJsonBytes;
    this.maxUploadBytes = maxUploadBytes;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    checkAccept(request.getHeaderString(HttpHeaders.ACCEPT));
    checkText(request.getUriInfo().getQueryParameters());
    long limit = limitFor(mediaType(request.getHeaderString(HttpHeaders.CONTENT_TYPE)));
    if (declaredLength(request) > limit) {
      dropUnreadBody();
      throw BodyLimit.problem(limit);
    }
    if (request.getEntityStream() != null) {
      request.setEntityStream(new BodyLimit(request.getEntityStream(), limit));
    }
  }

  /**
   * @throws ProblemException 400 {@code invalid-parameter} for a query parameter holding the NUL
   *     character, which PostgreSQL refuses in every text (Jetty already refuses it in the path)
   */
  static void checkText(MultivaluedMap<String, String> query) {
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      boolean nul = e.getKey().indexOf('\0') >= 0;
      for (String v : e.getValue()) {
        nul |= v != null && v.indexOf('\0') >= 0;
      }
      if (nul) {
        String name = e.getKey().replace('\0', '?');
        throw TEXTS.problem(
            400,
            "invalid-parameter",
            Map.of("parameter", name, "in", "query"),
            "limits.nul-in-query",
            name);
      }
    }
  }

  /**
   * Before CXF writes a response it reads what is left of the request body (up to 16 MiB) so that a
   * client still sending is not blocked. For a body refused as too large that would mean reading
   * (or waiting for) exactly what was refused: it is dropped instead, and Jetty closes the
   * connection rather than read it.
   */
  static void dropUnreadBody() {
    Message message = JAXRSUtils.getCurrentMessage();
    DelegatingInputStream in =
        message == null ? null : message.getContent(DelegatingInputStream.class);
    if (in != null) {
      in.setInputStream(InputStream.nullInputStream());
    }
  }

  /**
   * The declared {@code Content-Length}, -1 if none. CXF's request headers do not carry it, so it
   * is taken from the servlet request; the header is the fallback outside a servlet container.
   */
  static long declaredLength(ContainerRequestContext request) {
    Message message = JAXRSUtils.getCurrentMessage();
    Object http = message == null ? null : message.get(AbstractHTTPDestination.HTTP_REQUEST);
    if (http instanceof HttpServletRequest) {
      return ((HttpServletRequest) http).getContentLengthLong();
    }
    String header = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    try {
      return header == null ? -1 : Long.parseLong(header.strip());
    } catch (NumberFormatException e) {
      return -1; // Jetty refuses a malformed Content-Length before we see it
    }
  }

  long limitFor(MediaType type) {
    return isJson(type) ? maxJsonBytes : maxUploadBytes;
  }

  static boolean isJson(MediaType type) {
    return type == null
        || type.isWildcardType()
        || type.isWildcardSubtype()
        || "json".equalsIgnoreCase(type.getSubtype())
        || type.getSubtype().toLowerCase(java.util.Locale.ROOT).endsWith("+json");
  }

  /**
   * @throws ProblemException 415 {@code unsupported-media-type} for a header that does not parse
   */
  static MediaType mediaType(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    if (MEDIA_TYPE.matcher(header.strip()).matches()) {
      try {
        return MediaType.valueOf(header.strip());
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    throw TEXTS.problem(415, "unsupported-media-type", Map.of(), "limits.bad-content-type");
  }

  /**
   * @throws ProblemException 406 {@code not-acceptable} when no entry of the header is a media type
   */
  static void checkAccept(String header) {
    if (header == null || header.isBlank()) {
      return;
    }
    for (String entry : header.split(",")) {
      if (MEDIA_TYPE.matcher(entry.strip()).matches()) {
        return;
      }
    }
    throw TEXTS.problem(406, "not-acceptable", "limits.bad-accept");
  }
}
