package org.courtyard.rest.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import java.io.IOException;
import org.courtyard.api.Texts;

/** The one JSON configuration of the API: strict on input, ISO-8601 dates, plain decimals. */
final class Json {

  private static final Texts TEXTS = Texts.of(Json.class);

  private Json() {}

  static ObjectMapper mapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(new SimpleModule("courtyard-text").addDeserializer(String.class, new Text()))
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .serializationInclusion(JsonInclude.Include.ALWAYS)
        .build();
  }

  /**
   * Text without the NUL character: PostgreSQL refuses it in every text column, so a request that
   * carries one would fail deep in a transaction instead of being told what is wrong.
   */
  static final class Text extends StringDeserializer {
    private static final long serialVersionUID = 1L;

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String value = super.deserialize(p, ctxt);
      if (value != null && value.indexOf('\0') >= 0) {
        String field =
            p.getParsingContext() == null ? null : p.getParsingContext().getCurrentName();
        throw field == null
            ? TEXTS.problem(400, "invalid-text", "json.nul-in-text")
            : TEXTS.problem(400, "invalid-text", "json.nul-in-field", field);
      }
      return value;
    }
  }

  static JacksonJsonProvider provider(ObjectMapper mapper) {
    return new JacksonJsonProvider(mapper);
  }
}
