package org.courtyard.parking.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;
import org.courtyard.api.CourtyardConstants;
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.api.rest.TenantPrincipal;
import org.courtyard.parking.internal.dto.CancelInput;
import org.courtyard.parking.internal.dto.CardInput;
import org.courtyard.parking.internal.dto.CardView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Monthly cards (月卡) under {@code /api/v1/parking/cards}. */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + ParkingModule.ID)
@Path("cards")
@Produces(MediaType.APPLICATION_JSON)
public class CardsResource implements ModuleResource {

  private final ParkingInstances instances;

  @Activate
  public CardsResource(@Reference ParkingInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return ParkingModule.ID;
  }

  @Doc(
      summary = "List monthly cards",
      description =
          "Cards of the lots in the caller's scope, by id. Filters: lotId, plate (any way it is"
              + " written: 粤b·123 45 finds 粤B12345), state (active, cancelled).")
  @Permission("parking.card.read")
  @GET
  public Page<CardView> listCards(
      @Context SecurityContext security,
      @QueryParam("lotId") String lotId,
      @QueryParam("plate") String plate,
      @QueryParam("state") String state,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return instances
        .of(security)
        .cards()
        .list(
            TenantPrincipal.scopeOf(security),
            Params.id("lotId", lotId),
            ParkingRules.plateFilter(plate),
            ParkingRules.filter("state", state, ParkingRules.CARD_STATES),
            Cursor.decode(cursor),
            Params.limit(limit));
  }

  @Doc(
      summary = "Sell a monthly card",
      description =
          "A card for a plate in a lot on the days firstDay to lastDay (at most 1,098), in the"
              + " module's zone. The holder is a resident (personId: their name and phone are"
              + " taken when not given) or named (holderName, holderPhone). 422"
              + " validation-failed (a plate that is not one), unknown-person; 409 card-overlaps"
              + " with heldBy {cardId, firstDay, lastDay} when the plate has an active card in"
              + " the lot on one of the days; 404 for a lot outside the caller's scope.",
      returns = CardView.class,
      status = 201)
  @Permission("parking.card.manage")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createCard(
      @Context SecurityContext security, @Context UriInfo uri, CardInput input) {
    CardView card =
        instances
            .of(security)
            .cards()
            .create(
                TenantPrincipal.scopeOf(security),
                Params.body(input),
                instances.residents(TenantPrincipal.of(security)),
                ParkingInstances.staffUser(security));
    return Params.created(uri.getAbsolutePathBuilder(), card.id(), card);
  }

  @Doc(summary = "Get a monthly card", description = "One card. 404 not-found.")
  @Permission("parking.card.read")
  @GET
  @Path("{id}")
  public CardView getCard(@Context SecurityContext security, @PathParam("id") long id) {
    return instances.of(security).cards().get(TenantPrincipal.scopeOf(security), id);
  }

  @Doc(
      summary = "Cancel a monthly card",
      description =
          "At the version read, with a reason; the card stays on record, cancelled. 409"
              + " wrong-state when it is cancelled already, 409 stale-version, 404 not-found.")
  @Permission("parking.card.manage")
  @POST
  @Path("{id}/cancel")
  @Consumes(MediaType.APPLICATION_JSON)
  public CardView cancelCard(
      @Context SecurityContext security, @PathParam("id") long id, CancelInput input) {
    return instances
        .of(security)
        .cards()
        .cancel(TenantPrincipal.scopeOf(security), id, Params.body(input));
  }
}
