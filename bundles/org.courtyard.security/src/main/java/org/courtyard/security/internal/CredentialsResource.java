package org.courtyard.security.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Set;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.NotSupportedException;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.security.internal.dto.CredentialInput;
import org.courtyard.security.internal.dto.CredentialView;
import org.courtyard.security.internal.dto.Decision;
import org.courtyard.security.internal.dto.RevokeInput;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Access credentials (门禁卡, PIN, QR) under {@code /api/v1/security/credentials}: issuing and
 * revoking them (their doors' controllers are told), and the decision a door asks for. A credential
 * is in the caller's scope when every door it opens is ({@link Credentials}).
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + SecurityModule.ID)
@Path("credentials")
@Produces(MediaType.APPLICATION_JSON)
public class CredentialsResource implements ModuleResource {

  private static final Texts TEXTS = Texts.of(CredentialsResource.class);

  /** Reads a revocation as strictly as the platform reads every body: no unknown field. */
  private static final ObjectReader REVOCATION =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .build()
          .readerFor(RevokeInput.class);

  private static final Set<String> STATUSES =
      Set.of(CredentialRules.ACTIVE, CredentialRules.REVOKED);

  private final SecurityInstances instances;

  @Activate
  public CredentialsResource(@Reference SecurityInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return SecurityModule.ID;
  }

  /**
   * Issues a card, PIN or QR credential for some doors during some time, and tells those doors'
   * controllers to accept it ({@code pushes}: the device command per controller, or why it could
   * not be sent).
   */
  @Doc(
      summary = "Issue an access credential",
      description =
          "Issues a card, PIN or QR credential for some doors during some time and tells those"
              + " doors' controllers to accept it; pushes says what each controller was sent. 409"
              + " credential-in-use.",
      returns = CredentialView.class)
  @Permission("security.credential.issue")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response issue(
      @Context SecurityContext security, @Context UriInfo uri, CredentialInput input) {
    CredentialView v =
        credentials(security)
            .issue(Params.body(input), instances.devices(security), instances.scope(security));
    return Params.created(uri.getAbsolutePathBuilder(), v.id(), v);
  }

  /**
   * Credentials, newest first (by id), with what their controllers were told; {@code holder} keeps
   * those whose holder contains it (any case), {@code kind} one kind, {@code door} those that open
   * a door ({@code <device>:<door>}) or any door of a controller ({@code <device>}), {@code
   * personId} one resident's, {@code status} active or revoked ones. Paginated like every list.
   */
  @Doc(
      summary = "List access credentials",
      description =
          "Credentials, newest first, with what their controllers were told; holder filters by"
              + " holder name, kind by card, pin or qr, door by a door (device:door, also matched"
              + " by a credential for the whole controller) or a controller (device: any of its"
              + " doors), personId by resident, status by active or revoked.")
  @Permission("security.credential.read")
  @GET
  public Page<CredentialView> credentials(
      @Context SecurityContext security,
      @QueryParam("holder") String holder,
      @QueryParam("kind") String kind,
      @QueryParam("door") String door,
      @QueryParam("personId") String personId,
      @QueryParam("status") String status,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    if (status != null && !STATUSES.contains(status)) {
      throw Params.invalid(TEXTS.text("params.credential-status"));
    }
    Credentials.Filter filter =
        new Credentials.Filter(
            Params.blank(holder) ? null : holder,
            CredentialRules.kindFilter(kind),
            CredentialRules.doorFilter(door),
            Params.id("personId", personId),
            status);
    int size = Params.limit(limit);
    return credentials(security)
        .list(filter, Cursor.decode(cursor), size, instances.scope(security));
  }

  @Doc(
      summary = "Get an access credential",
      description =
          "One credential with what its controllers were told; a revoked one says when, by whom"
              + " and why. 404 credential-not-found.")
  @Permission("security.credential.read")
  @GET
  @Path("{id}")
  public CredentialView credential(@Context SecurityContext security, @PathParam("id") long id) {
    return credentials(security).get(id, instances.scope(security));
  }

  /**
   * Revokes a credential; the body ({@code {"reason": ...}}) is optional, so it is read here: a
   * POST without one, and without a content type, is not turned away with 415, while a body of
   * another type still is. Who revoked it is the caller: the signed-in user's name, or the key's.
   */
  @Doc(
      summary = "Revoke an access credential",
      description =
          "Revokes the credential, recording who did it and the optional reason, and tells its"
              + " controllers to refuse it. 422 validation-failed for a reason over 200"
              + " characters, 409 credential-revoked when it already is.")
  @Permission("security.credential.revoke")
  @POST
  @Path("{id}/revoke")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
  public CredentialView revoke(
      @Context SecurityContext security,
      @Context HttpHeaders headers,
      @PathParam("id") long id,
      String body) {
    MediaType type = headers.getMediaType();
    if (type != null && !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
      // answered as for every JSON operation (415 unsupported-media-type)
      throw new NotSupportedException();
    }
    RevokeInput input = revocation(body);
    return credentials(security)
        .revoke(
            id,
            TenantPrincipal.principalOf(security).name(),
            input == null ? null : input.reason(),
            instances.devices(security),
            instances.scope(security));
  }

  /**
   * What a door asks: may this card, PIN or QR code open {@code door} ({@code <device>:<door>}) now
   * (or at {@code at})? The answer says why not.
   */
  @Doc(
      summary = "Decide an access request",
      description =
          "What a door asks: may this card, PIN or QR code open door (device:door) now or at at?"
              + " The answer says why not.")
  @Permission("security.door.decide")
  @GET
  @Path("decision")
  public Decision decide(
      @Context SecurityContext security,
      @QueryParam("kind") String kind,
      @QueryParam("credential") String credential,
      @QueryParam("door") String door,
      @QueryParam("at") String at) {
    Credentials credentials = credentials(security);
    Instant when;
    try {
      when = Params.blank(at) ? null : Instant.parse(at.strip());
    } catch (DateTimeParseException e) {
      throw Params.invalid(TEXTS.text("params.at"));
    }
    return credentials.decide(kind, credential, door, when, instances.scope(security));
  }

  /** The optional body of a revocation; null for none. */
  private static RevokeInput revocation(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return REVOCATION.readValue(body);
    } catch (JsonProcessingException e) {
      throw TEXTS.problem(400, "malformed-json", "params.revoke-body");
    }
  }

  private Credentials credentials(SecurityContext security) {
    return instances.of(security).credentials();
  }
}
