package org.courtyard.workorders.internal;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
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
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Params;
import org.courtyard.api.rest.Permission;
import org.courtyard.workorders.internal.dto.CategoryInput;
import org.courtyard.workorders.internal.dto.CategoryView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The tenant's categories of work orders under {@code /api/v1/workorders/categories}. */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + WorkordersModule.ID)
@Path("categories")
@Produces(MediaType.APPLICATION_JSON)
public class CategoriesResource implements ModuleResource {

  private final WorkordersInstances instances;

  @Activate
  public CategoriesResource(@Reference WorkordersInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return WorkordersModule.ID;
  }

  @Doc(
      summary = "List categories",
      description =
          "The whole catalogue by code (not paged: a company has tens of categories); active=true"
              + " or false keeps the active or the retired ones.")
  @Permission("workorders.order.read")
  @GET
  public java.util.List<CategoryView> list(
      @Context SecurityContext security, @QueryParam("active") String active) {
    Boolean only = Params.blank(active) ? null : Params.flag("active", active);
    return instances.of(security).categories().list(only);
  }

  @Doc(summary = "Get a category", description = "One category. 404 category-not-found.")
  @Permission("workorders.order.read")
  @GET
  @Path("{id}")
  public CategoryView get(@Context SecurityContext security, @PathParam("id") long id) {
    return instances.of(security).categories().get(id);
  }

  @Doc(
      summary = "Create a category",
      description =
          "A category with its kind, dispatch mode, price range when paid, and the response and"
              + " resolution minutes per priority. 422 validation-failed, 409 duplicate (code).",
      returns = CategoryView.class,
      status = 201)
  @Permission("workorders.category.manage")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(
      @Context SecurityContext security, @Context UriInfo uri, CategoryInput input) {
    CategoryView created = instances.of(security).categories().create(Params.body(input));
    return Params.created(uri.getAbsolutePathBuilder(), created.id(), created);
  }

  @Doc(
      summary = "Update a category",
      description =
          "Replaces a category at the version read (409 stale-version otherwise). Orders already"
              + " reported keep their deadlines; the kind changes only while no order uses it.")
  @Permission("workorders.category.manage")
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public CategoryView update(
      @Context SecurityContext security, @PathParam("id") long id, CategoryInput input) {
    return instances.of(security).categories().update(id, Params.body(input));
  }
}
