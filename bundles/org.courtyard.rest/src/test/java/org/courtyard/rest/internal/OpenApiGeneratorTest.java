package org.courtyard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Response;
import org.courtyard.api.rest.Doc;
import org.junit.jupiter.api.Test;

class OpenApiGeneratorTest {

  /** A resource as a module would write it. */
  @Path("things")
  @Produces("application/json")
  public static class Things {
    public record ThingView(long id, String name) {}

    @org.courtyard.api.rest.Permission("things.thing.read")
    @GET
    public List<ThingView> listFeeItems() {
      return List.of();
    }

    @POST
    @Doc(summary = "Create a thing", description = "Adds a thing.", returns = ThingView.class)
    public Response create(ThingView in) {
      return Response.status(201).entity(in).build();
    }

    @POST
    @Path("{id}/start")
    @Doc(summary = "Start a thing", returns = ThingView.class, status = 202)
    public Response start(@PathParam("id") long id) {
      return Response.accepted().build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
      return Response.noContent().build();
    }

    @GET
    @Path("{id}.html")
    @Produces("text/html;charset=utf-8")
    public String page(@PathParam("id") long id) {
      return "<p>";
    }
  }

  private static final Map<String, Object> TENANT =
      OpenApiGenerator.document(
          "1.0",
          List.of(new OpenApiGenerator.Api("/v1/things", Things.class, "things", "tenantToken")));

  @Test
  void aMethodWithoutDocGetsItsNameAsSummary() {
    assertThat(OpenApiGenerator.summaryOf("listFeeItems")).isEqualTo("List fee items");
    assertThat(op(TENANT, "/v1/things/things", "get"))
        .containsEntry("summary", "List fee items")
        .doesNotContainKey("description");
  }

  @Test
  void docGivesSummaryDescriptionAndTheBodyOfAResponse() {
    Map<String, Object> create = op(TENANT, "/v1/things/things", "post");
    assertThat(create)
        .containsEntry("summary", "Create a thing")
        .containsEntry("description", "Adds a thing.");
    assertThat(success(create, "201"))
        .isEqualTo(Map.of("schema", Map.of("$ref", "#/components/schemas/ThingView")));
    assertThat(success(op(TENANT, "/v1/things/things/{id}/start", "post"), "202"))
        .isEqualTo(Map.of("schema", Map.of("$ref", "#/components/schemas/ThingView")));
  }

  @Test
  void noContentHasNoBodyAndHtmlIsAString() {
    Map<String, Object> delete = responses(op(TENANT, "/v1/things/things/{id}", "delete"));
    assertThat(delete).containsKey("204");
    assertThat(((Map<?, ?>) delete.get("204")).containsKey("content")).isFalse();
    assertThat(
            ((Map<?, ?>) responses(op(TENANT, "/v1/things/things/{id}.html", "get")).get("200"))
                .get("content"))
        .isEqualTo(Map.of("text/html", Map.of("schema", Map.of("type", "string"))));
  }

  @Test
  void operationsNameTheirPermissionAndItsRefusal() {
    Map<String, Object> list = op(TENANT, "/v1/things/things", "get");
    assertThat(list).containsEntry("x-courtyard-permission", "things.thing.read");
    assertThat(responses(list)).containsKey("403");
    assertThat(op(TENANT, "/v1/things/things/{id}.html", "get"))
        .doesNotContainKey("x-courtyard-permission");
  }

  @Test
  void everyOperationStatesItsSecurityPublicOnesAnEmptyList() {
    assertThat(op(TENANT, "/v1/things/things", "get"))
        .containsEntry(
            "security", List.of(Map.of("tenantToken", List.of()), Map.of("staffToken", List.of())));
    Map<String, Object> open =
        OpenApiGenerator.document(
            "1.0", List.of(new OpenApiGenerator.Api("/v1", PublicResource.class, "public", null)));
    assertThat(op(open, "/v1/ping", "get"))
        .containsEntry("security", List.of())
        .containsEntry("summary", "Check the API answers");
    assertThat(responses(op(open, "/v1/ping", "get"))).doesNotContainKey("401").containsKey("406");
  }

  @Test
  void everyTagIsDescribed() {
    assertThat((List<?>) TENANT.get("tags"))
        .singleElement()
        .satisfies(
            t -> {
              assertThat(((Map<?, ?>) t).get("name")).isEqualTo("things");
              assertThat(((Map<?, ?>) t).get("description")).isNotNull();
            });
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> op(Map<String, Object> doc, String path, String verb) {
    Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
    assertThat(paths).containsKey(path);
    return (Map<String, Object>) ((Map<String, Object>) paths.get(path)).get(verb);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> responses(Map<String, Object> op) {
    return (Map<String, Object>) op.get("responses");
  }

  @SuppressWarnings("unchecked")
  private static Object success(Map<String, Object> op, String status) {
    Map<String, Object> r = (Map<String, Object>) responses(op).get(status);
    assertThat(r).as("response " + status).isNotNull();
    return ((Map<String, Object>) r.get("content")).get("application/json");
  }
}
