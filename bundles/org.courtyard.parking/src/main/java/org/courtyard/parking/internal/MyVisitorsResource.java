package org.courtyard.parking.internal;

import java.util.List;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.Texts;
import org.courtyard.api.rest.DataScope;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.parking.internal.dto.DiscountInput;
import org.courtyard.parking.internal.dto.DiscountView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * A resident's visitors under {@code /api/v1/parking/my/visitors}: free parking time given to a
 * visitor's plate on a day in a lot of the estate the resident lives in. The person is the one of
 * the verified credential.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + ParkingModule.ID)
@Path("my/visitors")
@Produces(MediaType.APPLICATION_JSON)
public class MyVisitorsResource implements ModuleResource {

  private static final Texts TEXTS = Texts.of(MyVisitorsResource.class);

  private final ParkingInstances instances;

  @Activate
  public MyVisitorsResource(@Reference ParkingInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return ParkingModule.ID;
  }

  /** The resident's person id; 403 {@code residents-only} for staff. */
  static long resident(SecurityContext security) {
    TenantPrincipal p = TenantPrincipal.principalOf(security);
    if (p.kind() != TenantPrincipal.Kind.RESIDENT) {
      throw TEXTS.problem(403, "residents-only", "discount.residents-only");
    }
    return Long.parseLong(p.subject());
  }

  @Doc(
      summary = "Give a visitor free parking time (residents)",
      description =
          "{lotId, plate, day}: the lot's visitor time (its tariff's visitorMinutes) off the"
              + " plate's stay on that day (today when absent, at most 7 days ahead), in a lot of"
              + " an estate I live in; 3 a day. The same plate and day again answers 200 with the"
              + " grant made (Idempotent-Replayed: true). 201; 422 not-your-estate,"
              + " validation-failed; 409 no-visitor-time, visitor-limit; 403 residents-only.",
      returns = DiscountView.class)
  @Permission("parking.my-visitor.grant")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response grant(
      @Context SecurityContext security, @Context UriInfo uri, DiscountInput input) {
    long person = resident(security);
    DiscountInput in = Params.body(input);
    Discounts.Made made =
        instances
            .of(security)
            .discounts()
            .grantVisitor(person, instances.estatesOf(TenantPrincipal.of(security), person), in);
    return RequestKeys.answer(uri, "parking/my/visitors", made);
  }

  @Doc(
      summary = "List the time I gave my visitors (residents)",
      description = "My visitor grants, latest day first (at most 100). 403 residents-only.")
  @Permission("parking.my-visitor.read")
  @GET
  public List<DiscountView> mine(@Context SecurityContext security) {
    return instances.of(security).discounts().mine(resident(security));
  }

  @Doc(
      summary = "Get a visitor grant of mine (residents)",
      description = "One of my grants. 404 not-found; 403 residents-only.")
  @Permission("parking.my-visitor.read")
  @GET
  @Path("{id}")
  public DiscountView one(@Context SecurityContext security, @PathParam("id") long id) {
    long person = resident(security);
    return instances.of(security).discounts().get(DataScope.NONE, person, id);
  }
}
