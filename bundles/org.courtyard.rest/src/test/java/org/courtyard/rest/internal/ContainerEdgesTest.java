package org.courtyard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import org.apache.cxf.common.util.UrlUtils;
import org.courtyard.api.ProblemException;
import org.courtyard.api.RetryLaterException;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.junit.jupiter.api.Test;

/**
 * What the API answers when the database or the container, not the request's own code, refuses:
 * statement and lock timeouts, deadlocks, percent-encoding CXF cannot decode, and what Jetty
 * refuses before any servlet sees the request.
 */
class ContainerEdgesTest {

  @Test
  void aStatementTimeoutUnderPersistenceWrappersIsA503WithRetryAfter() {
    SQLException cancelled =
        new SQLException("ERROR: canceling statement due to statement timeout", "57014");
    RuntimeException wrapped =
        new RuntimeException("Exception [EclipseLink-4002]", new RuntimeException(cancelled));

    Response r = new ProblemMapper().toResponse(wrapped);

    assertThat(r.getStatus()).isEqualTo(503);
    assertThat(r.getMediaType().toString()).isEqualTo("application/problem+json");
    assertThat(r.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("30");
    ProblemException p = ProblemMapper.toProblem(wrapped);
    assertThat(p.type()).isEqualTo("statement-timeout");
    assertThat(p.detail()).startsWith("The request took longer than the tenant's statement limit");
  }

  @Test
  void aDeadlockOrSerializationFailureIsA409AndALockTimeoutA503() {
    for (String state : new String[] {"40P01", "40001"}) {
      ProblemException p =
          ProblemMapper.toProblem(new IllegalStateException(new SQLException("aborted", state)));
      assertThat(p.status()).as(state).isEqualTo(409);
      assertThat(p.type()).as(state).isEqualTo("concurrent-update");
    }
    ProblemException locked =
        ProblemMapper.toProblem(new RuntimeException(new SQLException("lock timeout", "55P03")));
    assertThat(locked.status()).isEqualTo(503);
    assertThat(locked.type()).isEqualTo("lock-timeout");
    assertThat(new ProblemMapper().toResponse(locked).getHeaderString(HttpHeaders.RETRY_AFTER))
        .isEqualTo("1");
  }

  @Test
  void aFailedJdbcBatchIsJudgedByItsNextException() {
    SQLException batch = new SQLException("batch entry 2 was aborted", "25P02");
    batch.setNextException(new SQLException("canceling statement", "57014"));

    assertThat(ProblemMapper.toProblem(new RuntimeException(batch)).status()).isEqualTo(503);
  }

  @Test
  void otherDatabaseFailuresStayInternalErrors() {
    ProblemException p =
        ProblemMapper.toProblem(new IllegalStateException(new SQLException("gone", "08006")));
    assertThat(p.status()).isEqualTo(500);
  }

  @Test
  void retryLaterProblemsCarryRetryAfterOnce() {
    Response r =
        Problems.response(
            new RetryLaterException(429, "too-many-failed-logins", "Too many", "Wait.", 42), "/x");
    assertThat(r.getHeaders().get(HttpHeaders.RETRY_AFTER)).hasSize(1);
    assertThat(r.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("42");
    assertThat(Problems.response(ProblemException.badRequest("a", "b", "c"), "/x").getHeaders())
        .doesNotContainKey(HttpHeaders.RETRY_AFTER);
  }

  @Test
  void percentEncodingCxfCannotDecodeIsA400() {
    for (String query : new String[] {"x=%zz", "x=%", "%g1=1"}) {
      Exception failure = failure(() -> UrlUtils.urlDecode(query));
      assertThat(ProblemMapper.isBadPercentEncoding(failure)).as(query).isTrue();
      ProblemException p = ProblemMapper.toProblem(new RuntimeException(failure));
      assertThat(p.status()).as(query).isEqualTo(400);
      assertThat(p.type()).isEqualTo("malformed-request");
    }
    assertThat(ProblemMapper.isBadPercentEncoding(new IllegalArgumentException("x"))).isFalse();
  }

  @Test
  void whatJettyRefusesIsProblemJson() throws Exception {
    ContainerErrors errors = new ContainerErrors();
    HttpFields fields = new HttpFields();

    ByteBuffer body = errors.badMessageError(400, "Ambiguous path separator", fields);

    assertThat(fields.get(HttpHeader.CONTENT_TYPE)).isEqualTo("application/problem+json");
    JsonNode json = Json.mapper().readTree(StandardCharsets.UTF_8.decode(body).toString());
    assertThat(json.path("type").asText()).isEqualTo("urn:courtyard:problem:malformed-request");
    assertThat(json.path("status").asInt()).isEqualTo(400);
    assertThat(json.path("detail").asText()).contains("Ambiguous path separator");
    assertThat(json.has("instance")).isFalse();
  }

  @Test
  void jettysStatusesKeepTheirMeaning() {
    assertThat(ContainerErrors.problem(400, "Bad Request").detail())
        .doesNotContain("Bad Request")
        .contains("%00");
    assertThat(ContainerErrors.problem(414, null).type()).isEqualTo("uri-too-long");
    assertThat(ContainerErrors.problem(431, null).type()).isEqualTo("headers-too-large");
    assertThat(ContainerErrors.problem(404, "Not Found").type()).isEqualTo("not-found");
    ProblemException version = ContainerErrors.problem(505, "Unknown Version");
    assertThat(version.status()).isEqualTo(505);
    assertThat(version.detail()).contains("Unknown Version");
    assertThat(ContainerErrors.problem(400, "x".repeat(5000)).detail().length()).isLessThan(500);
  }

  private static Exception failure(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException e) {
      return e;
    }
    throw new AssertionError("expected a failure");
  }
}
