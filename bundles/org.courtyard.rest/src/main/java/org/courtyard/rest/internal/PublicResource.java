package org.courtyard.rest.internal;

import java.util.Map;
import java.util.function.Supplier;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import org.courtyard.api.rest.Doc;

/** Unauthenticated endpoints: liveness and the API description. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public final class PublicResource {

  private static final Map<String, String> OK = Map.of("status", "ok");
  private final Supplier<Map<String, Object>> openApi;

  PublicResource(Supplier<Map<String, Object>> openApi) {
    this.openApi = openApi;
  }

  /** Answers without touching the database: the baseline of the API benchmarks. */
  @Doc(
      summary = "Check the API answers",
      description =
          "Answers without a credential and without touching the database; for liveness probes.")
  @GET
  @Path("ping")
  public Map<String, String> ping() {
    return OK;
  }

  @Doc(
      summary = "Get this OpenAPI document",
      description =
          "The OpenAPI 3.0.3 description of every operation the container serves now, modules"
              + " included.")
  @GET
  @Path("openapi.json")
  public Map<String, Object> openApi() {
    return openApi.get();
  }
}
