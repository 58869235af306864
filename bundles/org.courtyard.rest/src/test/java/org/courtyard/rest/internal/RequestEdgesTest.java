package org.courtyard.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.ws.rs.BadRequestException;
import javax.ws.rs.NotAcceptableException;
import javax.ws.rs.NotFoundException;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.core.MultivaluedHashMap;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.core.UriInfo;
import javax.ws.rs.ext.ParamConverter;
import org.courtyard.api.ProblemException;
import org.junit.jupiter.api.Test;

/** The API's edges: wrong parameter types, oversized bodies, unusable media types, all 4xx. */
class RequestEdgesTest {

  private static final long MIB = 1024 * 1024;

  @SuppressWarnings("unused")
  public static final class Sample {
    public void get(
        @PathParam("id") long id,
        @QueryParam("minutes") int minutes,
        @QueryParam("amount") BigDecimal amount,
        @QueryParam("granted") Boolean granted) {}
  }

  @Test
  void aPathIdThatIsNotANumberIsA400NamingTheParameter() {
    ParamConverter<Long> id = converter(0, long.class);
    assertThat(id.fromString("42")).isEqualTo(42L);
    for (String bad :
        new String[] {"abc", "99999999999999999999", "1.5", "+1", "", "9".repeat(5000)}) {
      assertThatThrownBy(() -> id.fromString(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              ProblemException.class,
              p -> {
                assertThat(p.status()).isEqualTo(400);
                assertThat(p.type()).isEqualTo("invalid-parameter");
                assertThat(p.detail()).startsWith("Path parameter 'id' must be a whole number");
                assertThat(p.extensions())
                    .containsEntry("parameter", "id")
                    .containsEntry("in", "path");
              });
    }
  }

  @Test
  void queryNumbersAndFlagsAreParsedStrictly() {
    ParamConverter<Integer> minutes = converter(1, int.class);
    assertThat(minutes.fromString(" 60 ")).isEqualTo(60);
    assertThatThrownBy(() -> minutes.fromString("3000000000"))
        .isInstanceOfSatisfying(
            ProblemException.class, p -> assertThat(p.detail()).contains("'minutes'"));
    ParamConverter<BigDecimal> amount = converter(2, BigDecimal.class);
    assertThat(amount.fromString("12.50")).isEqualByComparingTo("12.5");
    for (String bad : new String[] {"NaN", "1E-500000000", "0x10", "Infinity"}) {
      assertThatThrownBy(() -> amount.fromString(bad)).as(bad).isInstanceOf(ProblemException.class);
    }
    ParamConverter<Boolean> granted = converter(3, Boolean.class);
    assertThat(granted.fromString("TRUE")).isTrue();
    assertThatThrownBy(() -> granted.fromString("yes"))
        .isInstanceOfSatisfying(
            ProblemException.class, p -> assertThat(p.detail()).contains("true or false"));
    assertThat(new TypedParams().getConverter(String.class, String.class, null)).isNull();
  }

  @Test
  void aConversionJaxRsReportsAsNotFoundIsA400NotA500() {
    // what CXF throws for a path or query value of a type TypedParams does not convert
    ProblemException p =
        ProblemMapper.toProblem(new NotFoundException(new NumberFormatException("For input")));
    assertThat(p.status()).isEqualTo(400);
    assertThat(p.type()).isEqualTo("invalid-parameter");
    assertThat(ProblemMapper.toProblem(new NotFoundException()).type()).isEqualTo("not-found");
  }

  @Test
  void mediaTypeRefusalsHaveStableTypes() {
    assertThat(ProblemMapper.toProblem(new WebApplicationException(415)).type())
        .isEqualTo("unsupported-media-type");
    assertThat(ProblemMapper.toProblem(new WebApplicationException(406)).type())
        .isEqualTo("not-acceptable");
    assertThat(ProblemMapper.toProblem(new NotAcceptableException()).status()).isEqualTo(406);
    for (String bad : new String[] {";;;", "foo", "application", "a/b/c"}) {
      assertThatThrownBy(() -> RequestLimits.mediaType(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              ProblemException.class, p -> assertThat(p.status()).isEqualTo(415));
    }
    assertThat(RequestLimits.mediaType("text/csv; charset=UTF-8").getSubtype()).isEqualTo("csv");
    for (String bad : new String[] {"???", "foo", ";;"}) {
      assertThatThrownBy(() -> RequestLimits.checkAccept(bad))
          .as(bad)
          .isInstanceOfSatisfying(
              ProblemException.class, p -> assertThat(p.status()).isEqualTo(406));
    }
    RequestLimits.checkAccept("text/html, application/json;q=0.9, */*;q=0.1");
  }

  @Test
  void aDeclaredLengthOverTheLimitIsRefusedBeforeAnythingIsRead() {
    RequestLimits limits = new RequestLimits(MIB, 20 * MIB);
    Map<String, String> headers = new HashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Content-Length", String.valueOf(MIB + 1));
    InputStream untouched =
        new InputStream() {
          @Override
          public int read() {
            throw new AssertionError("the body must not be read");
          }
        };
    assertThatThrownBy(() -> limits.filter(request(headers, untouched)))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> {
              assertThat(p.status()).isEqualTo(413);
              assertThat(p.type()).isEqualTo("too-large");
              assertThat(p.detail()).contains("1 MiB");
            });
    // the same length is fine for a CSV import, which has the larger upload limit
    headers.put("Content-Type", "text/csv");
    limits.filter(request(headers, untouched));
  }

  @Test
  void aJsonBodyWithoutLengthIsCutOffAtTheLimitWhileItIsParsed() throws Exception {
    RequestLimits limits = new RequestLimits(MIB, 20 * MIB);
    byte[] big =
        ("{\"name\":\"" + "x".repeat((int) MIB) + "\"}").getBytes(StandardCharsets.US_ASCII);
    Map<String, String> headers = Map.of("Content-Type", "application/json");
    InputStream[] stream = {new ByteArrayInputStream(big)};
    limits.filter(request(headers, stream));
    ObjectMapper mapper = Json.mapper();
    Exception e = catching(() -> mapper.readValue(stream[0], Map.class));
    // CXF wraps what a reader throws in a 400 before the mapper sees it
    ProblemException p = ProblemMapper.toProblem(new BadRequestException(e));
    assertThat(p.status()).isEqualTo(413);
    assertThat(p.extensions()).containsEntry("maxBytes", MIB);

    byte[] small = "{\"name\":\"x\"}".getBytes(StandardCharsets.US_ASCII);
    assertThat(
            mapper.readValue(
                new BodyLimit(new ByteArrayInputStream(small), small.length), Map.class))
        .containsEntry("name", "x");
  }

  @Test
  void theNulCharacterPostgreSqlRefusesIsA400InQueriesAndBodies() throws Exception {
    MultivaluedMap<String, String> query = new MultivaluedHashMap<>();
    query.add("q", "Li\0Lei");
    RequestLimits limits = new RequestLimits(MIB, 20 * MIB);
    assertThatThrownBy(
            () ->
                limits.filter(
                    request(Map.of(), new InputStream[] {InputStream.nullInputStream()}, query)))
        .isInstanceOfSatisfying(
            ProblemException.class,
            p -> {
              assertThat(p.status()).isEqualTo(400);
              assertThat(p.extensions()).containsEntry("parameter", "q");
            });

    ObjectMapper mapper = Json.mapper();
    for (String json :
        new String[] {
          "{\"name\":\"a\\u0000b\"}", "{\"tags\":[\"ok\",\"\\u0000\"]}", "\"\\u0000\""
        }) {
      Exception e = catching(() -> mapper.readValue(json, Object.class));
      ProblemException p = ProblemMapper.toProblem(new BadRequestException(e));
      assertThat(p.status()).as(json).isEqualTo(400);
      assertThat(p.type()).as(json).isEqualTo("invalid-text");
    }
    Exception e =
        catching(
            () ->
                mapper.readValue(
                    "{\"name\":\"\\u0000\",\"floor\":1}", ProblemMapperTest.Sample.class));
    assertThat(ProblemMapper.toProblem(e).detail()).contains("'name'");
    assertThat(mapper.readValue("{\"name\":\"\u5f20\"}", Map.class))
        .containsEntry("name", "\u5f20");
  }

  @Test
  void aProblemWrappedByAReaderIsStillTheProblem() {
    ProblemException inner = ProblemException.unprocessable("x", "X", "d");
    assertThat(ProblemMapper.toProblem(new IllegalStateException(new BadRequestException(inner))))
        .isSameAs(inner);
  }

  @SuppressWarnings("unchecked")
  private static <T> ParamConverter<T> converter(int parameter, Class<T> type) {
    Method get = Sample.class.getMethods()[0];
    for (Method m : Sample.class.getMethods()) {
      if (m.getName().equals("get")) {
        get = m;
      }
    }
    return new TypedParams().getConverter(type, type, get.getParameterAnnotations()[parameter]);
  }

  private static ContainerRequestContext request(Map<String, String> headers, InputStream body) {
    return request(headers, new InputStream[] {body});
  }

  /** A request context with headers and an entity stream; nothing else is used by the filter. */
  private static ContainerRequestContext request(Map<String, String> headers, InputStream[] body) {
    return request(headers, body, new MultivaluedHashMap<>());
  }

  private static UriInfo uriInfo(MultivaluedMap<String, String> query) {
    return (UriInfo)
        Proxy.newProxyInstance(
            RequestEdgesTest.class.getClassLoader(),
            new Class<?>[] {UriInfo.class},
            (proxy, method, args) -> {
              if (method.getName().equals("getQueryParameters")) {
                return query;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  private static ContainerRequestContext request(
      Map<String, String> headers, InputStream[] body, MultivaluedMap<String, String> query) {
    return (ContainerRequestContext)
        Proxy.newProxyInstance(
            RequestEdgesTest.class.getClassLoader(),
            new Class<?>[] {ContainerRequestContext.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "getHeaderString":
                  return headers.get((String) args[0]);
                case "getEntityStream":
                  return body[0];
                case "setEntityStream":
                  body[0] = (InputStream) args[0];
                  return null;
                case "getUriInfo":
                  return uriInfo(query);
                default:
                  throw new UnsupportedOperationException(method.getName());
              }
            });
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
