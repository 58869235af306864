package org.courtyard.module.template.internal;

import static org.courtyard.api.rest.Params.body;
import static org.courtyard.api.rest.Params.created;
import static org.courtyard.api.rest.Params.limit;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
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
import org.courtyard.api.rest.Cursor;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.ModuleResource;
import org.courtyard.api.rest.Page;
import org.courtyard.api.rest.Permission;
import org.courtyard.module.template.internal.dto.NoteInput;
import org.courtyard.module.template.internal.dto.NoteUpdate;
import org.courtyard.module.template.internal.dto.NoteView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Notes under {@code /api/v1/template/notes}: one resource per aggregate, each with its own
 * class-level {@code @Path}; the platform serves all of a module's resources on the module's one
 * server. The resource only parses and routes: query parameters arrive as strings and {@code
 * Params} turns a malformed one into a 400 that names it, and the rules are the service's.
 */
@Component(
    service = ModuleResource.class,
    property = CourtyardConstants.MODULE + "=" + TemplateModule.ID)
@Path("notes")
@Produces(MediaType.APPLICATION_JSON)
public class NotesResource implements ModuleResource {

  private final TemplateInstances instances;

  @Activate
  public NotesResource(@Reference TemplateInstances instances) {
    this.instances = instances;
  }

  @Override
  public String moduleId() {
    return TemplateModule.ID;
  }

  @Doc(summary = "List notes", description = "The tenant's notes, paginated by id.")
  @Permission("template.note.read")
  @GET
  public Page<NoteView> listNotes(
      @Context SecurityContext security,
      @QueryParam("limit") String limit,
      @QueryParam("cursor") String cursor) {
    return notes(security).list(Cursor.decode(cursor), limit(limit));
  }

  @Doc(
      summary = "Create a note",
      description = "Adds a note. 422 validation-failed with the field errors.",
      returns = NoteView.class)
  @Permission("template.note.create")
  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response createNote(
      @Context SecurityContext security, @Context UriInfo uri, NoteInput input) {
    NoteView note = notes(security).create(body(input));
    return created(uri.getAbsolutePathBuilder(), note.id(), note);
  }

  @Doc(summary = "Get a note", description = "One note by id. 404 not-found.")
  @Permission("template.note.read")
  @GET
  @Path("{id}")
  public NoteView getNote(@Context SecurityContext security, @PathParam("id") long id) {
    return notes(security).get(id);
  }

  @Doc(
      summary = "Update a note",
      description =
          "Replaces the note's fields. 409 stale-version when someone changed it since it was"
              + " read.")
  @Permission("template.note.update")
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public NoteView updateNote(
      @Context SecurityContext security, @PathParam("id") long id, NoteUpdate input) {
    return notes(security).update(id, body(input));
  }

  @Doc(summary = "Delete a note", description = "Deletes the note. 404 not-found.")
  @Permission("template.note.delete")
  @DELETE
  @Path("{id}")
  public Response deleteNote(@Context SecurityContext security, @PathParam("id") long id) {
    notes(security).delete(id);
    return Response.noContent().build();
  }

  private NoteService notes(SecurityContext security) {
    return instances.of(security).notes();
  }
}
