package org.courtyard.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.List;
import org.courtyard.billing.internal.dto.PaymentRequest;
import org.junit.jupiter.api.Test;

class RequestHashTest {

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static String hash(String json) throws Exception {
    JsonNode node = MAPPER.readTree(json);
    return RequestHash.of("payments", node);
  }

  @Test
  void memberOrderWhitespaceAndNumberSpellingDoNotChangeTheHash() throws Exception {
    String a =
        hash(
            "{\"roomId\":7,\"amount\":100.00,\"method\":\"cash\","
                + "\"allocations\":[{\"billId\":3,\"amount\":50}]}");
    String b =
        hash(
            "{ \"method\": \"cash\", \"allocations\": [ {\"amount\": 50.0, \"billId\": 3} ],"
                + " \"amount\": 100, \"roomId\": 7 }");

    assertThat(a).isEqualTo(b).hasSize(64).matches("[0-9a-f]{64}");
  }

  @Test
  void aNullMemberIsTheSameAsAnAbsentOne() throws Exception {
    assertThat(hash("{\"roomId\":7,\"amount\":1,\"method\":\"cash\",\"allocations\":null}"))
        .isEqualTo(hash("{\"method\":\"cash\",\"roomId\":7,\"amount\":1}"));
  }

  @Test
  void anyDifferenceInValueOrEndpointChangesTheHash() throws Exception {
    String base = hash("{\"roomId\":7,\"amount\":100,\"method\":\"cash\"}");
    assertThat(hash("{\"roomId\":7,\"amount\":100.01,\"method\":\"cash\"}")).isNotEqualTo(base);
    assertThat(hash("{\"roomId\":8,\"amount\":100,\"method\":\"cash\"}")).isNotEqualTo(base);
    assertThat(hash("{\"roomId\":7,\"amount\":100,\"method\":\"bank\"}")).isNotEqualTo(base);
    assertThat(
            RequestHash.of(
                "refunds", MAPPER.readTree("{\"roomId\":7,\"amount\":100,\"method\":\"cash\"}")))
        .isNotEqualTo(base);
  }

  @Test
  void theParsedRequestHashesLikeItsJson() throws Exception {
    PaymentRequest request =
        new PaymentRequest(
            7L,
            new BigDecimal("100.00"),
            "cash",
            List.of(new PaymentRequest.AllocationInput(3L, new BigDecimal("50"))));

    assertThat(RequestHash.of("payments", Json.MAPPER.valueToTree(request)))
        .isEqualTo(
            hash(
                "{\"allocations\":[{\"billId\":3,\"amount\":50}],\"method\":\"cash\","
                    + "\"amount\":100,\"roomId\":7}"));
  }

  @Test
  void stringsAreEscapedSoThatDifferentValuesCannotCollide() throws Exception {
    assertThat(RequestHash.canonical(MAPPER.readTree("{\"a\":\"x\\\",\\\"b\\\":\\\"y\"}")))
        .isNotEqualTo(RequestHash.canonical(MAPPER.readTree("{\"a\":\"x\",\"b\":\"y\"}")));
  }
}
