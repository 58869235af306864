package org.courtyard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import javax.ws.rs.NotAllowedException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.core.Response;
import org.courtyard.api.ProblemException;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {

  private final ObjectMapper mapper = Json.mapper();

  public static final class Sample {
    public String name;
    public int floor;
  }

  @Test
  void problemExceptionsKeepStatusTypeAndExtensions() {
    ProblemException p =
        ProblemException.unprocessable("import-rejected", "Import rejected", "2 rows");
    ProblemException withErrors =
        new ProblemException(
            422,
            "import-rejected",
            "Import rejected",
            "2 rows",
            Map.of(
                "errors", List.of(Map.of("line", 3, "column", "area", "message", "must be > 0"))));
    Response r = new ProblemMapper().toResponse(withErrors);
    assertThat(r.getStatus()).isEqualTo(422);
    assertThat(r.getMediaType().toString()).isEqualTo("application/problem+json");
    @SuppressWarnings("unchecked")
    Map<String, Object> body = (Map<String, Object>) r.getEntity();
    assertThat(body)
        .containsEntry("type", "urn:courtyard:problem:import-rejected")
        .containsEntry("status", 422)
        .containsEntry("detail", "2 rows")
        .containsKey("errors");
    assertThat(ProblemMapper.toProblem(p)).isSameAs(p);
  }

  @Test
  void malformedJsonIsA400ThatNamesTheField() {
    Exception unknown =
        catching(() -> mapper.readValue("{\"name\":\"a\",\"flor\":3}", Sample.class));
    assertThat(ProblemMapper.toProblem(unknown).status()).isEqualTo(400);
    assertThat(ProblemMapper.toProblem(unknown).detail()).contains("'flor'").contains("floor");

    Exception wrongType = catching(() -> mapper.readValue("{\"floor\":\"three\"}", Sample.class));
    assertThat(ProblemMapper.toProblem(wrongType).detail())
        .contains("'floor'")
        .contains("a number");

    Exception broken = catching(() -> mapper.readValue("{\"name\":", Sample.class));
    assertThat(ProblemMapper.toProblem(broken).type()).isEqualTo("malformed-json");
  }

  @Test
  void jaxRsErrorsBecomeProblemsAndEverythingElseA500WithoutInternals() {
    assertThat(ProblemMapper.toProblem(new NotFoundException()).status()).isEqualTo(404);
    assertThat(ProblemMapper.toProblem(new NotAllowedException("GET")).status()).isEqualTo(405);
    ProblemException internal =
        ProblemMapper.toProblem(new IllegalStateException("password=hunter2 at org.x.Y"));
    assertThat(internal.status()).isEqualTo(500);
    assertThat(internal.detail()).doesNotContain("hunter2").doesNotContain("org.x");
    assertThat(internal.extensions()).containsKey("incident");
  }

  @Test
  void credentialsAreParsedStrictly() {
    String basic =
        "Basic " + java.util.Base64.getEncoder().encodeToString("operator:pa:ss".getBytes());
    assertThat(AuthFilter.basic(basic)).containsExactly("operator", "pa:ss");
    assertThat(AuthFilter.basic("Basic !!!")).isNull();
    assertThat(AuthFilter.basic("Bearer x")).isNull();
    assertThat(AuthFilter.bearer("Bearer cy_abc")).contains("cy_abc");
    assertThat(AuthFilter.bearer("Basic abc")).isEmpty();
    assertThat(AuthFilter.isPublic("/ping")).isTrue();
    assertThat(AuthFilter.isPublic("operator/tenants")).isFalse();
    java.util.Set<String> open = java.util.Set.of("login", "sso/{tenant}/start");
    assertThat(AuthFilter.isListed(open, "login")).isTrue();
    assertThat(AuthFilter.isListed(open, "sso/acme/start")).isTrue();
    assertThat(AuthFilter.isListed(open, "sso//start")).isFalse();
    assertThat(AuthFilter.isListed(open, "sso/acme/start/x")).isFalse();
    assertThat(AuthFilter.isListed(open, "sso/acme/callback")).isFalse();
    assertThat(AuthFilter.isListed(open, "me")).isFalse();
  }

  @Test
  void openApiJoinsPathsAndDescribesGenericPages() {
    assertThat(OpenApiGenerator.join("/v1/estate", "/", "rooms/{id: [0-9]+}"))
        .isEqualTo("/v1/estate/rooms/{id}");
    Map<String, Object> doc =
        OpenApiGenerator.document(
            "1.0",
            List.of(
                new OpenApiGenerator.Api(
                    "/v1/operator", OperatorResource.class, "operator", "operator")));
    @SuppressWarnings("unchecked")
    Map<String, Object> paths = (Map<String, Object>) doc.get("paths");
    assertThat(paths)
        .containsKeys("/v1/operator/tenants", "/v1/operator/tenants/{slug}/modules/{module}");
  }

  private static Exception catching(ThrowingRunnable r) {
    try {
      r.run();
    } catch (Exception e) {
      return e;
    }
    throw new AssertionError("expected an exception");
  }

  private interface ThrowingRunnable {
    void run() throws Exception;
  }
}
