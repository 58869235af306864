package org.courtyard.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.Response;
import org.courtyard.api.rest.Doc;
import org.courtyard.api.rest.Permission;

/**
 * Builds an OpenAPI 3.0 document from the JAX-RS annotations of the published resources, so the
 * document always matches what the container serves, modules included.
 */
final class OpenApiGenerator {

  /** One published resource class. */
  static final class Api {
    final String basePath;
    final Class<?> resource;
    final String tag;
    final String security;
    final java.util.Set<String> publicPaths;

    Api(String basePath, Class<?> resource, String tag, String security) {
      this(basePath, resource, tag, security, java.util.Set.of());
    }

    /**
     * @param publicPaths paths under {@code basePath} (without it) that need no credential
     */
    Api(
        String basePath,
        Class<?> resource,
        String tag,
        String security,
        java.util.Set<String> publicPaths) {
      this.basePath = basePath;
      this.resource = resource;
      this.tag = tag;
      this.security = security;
      this.publicPaths = publicPaths;
    }
  }

  private final Map<String, Object> schemas = new TreeMap<>();
  private final java.util.Set<String> operationIds = new java.util.HashSet<>();

  static Map<String, Object> document(String version, Collection<Api> apis) {
    return new OpenApiGenerator().build(version, apis);
  }

  private Map<String, Object> build(String version, Collection<Api> apis) {
    Map<String, Object> paths = new TreeMap<>();
    List<Map<String, Object>> tags = new ArrayList<>();
    for (Api api : apis) {
      if (tags.stream().noneMatch(t -> api.tag.equals(t.get("name")))) {
        // a module with several resources has one tag
        tags.add(Map.of("name", api.tag, "description", tagDescription(api)));
      }
      for (Method m : sorted(api.resource.getMethods())) {
        String verb = httpMethod(m);
        if (verb == null) {
          continue;
        }
        String path = join(api.basePath, pathOf(api.resource), pathOf(m));
        @SuppressWarnings("unchecked")
        Map<String, Object> item =
            (Map<String, Object>) paths.computeIfAbsent(path, k -> new TreeMap<String, Object>());
        String relative = join("", pathOf(api.resource), pathOf(m));
        boolean open =
            api.publicPaths.contains(relative.startsWith("/") ? relative.substring(1) : relative);
        item.put(verb, operation(api, m, verb, open));
      }
    }
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("openapi", "3.0.3");
    doc.put(
        "info",
        Map.of(
            "title",
            "Courtyard API",
            "version",
            version,
            "description",
            "Multi-tenant property management. Operator endpoints take HTTP Basic"
                + " (user 'operator' or another operator account without a second factor) or a"
                + " session token from POST /v1/operator/sign-in as Bearer; tenant endpoints take, as Bearer, a tenant API token (the"
                + " company's owner key) or a staff member's access token from POST"
                + " /v1/auth/login. Each tenant operation names the permission it needs in"
                + " x-courtyard-permission; a staff member holds it through a role granted for the"
                + " whole company or some estates or buildings, and sees only rows there. Errors"
                + " are application/problem+json."));
    doc.put("servers", List.of(Map.of("url", "/api")));
    doc.put("tags", tags);
    doc.put("paths", paths);
    Map<String, Object> components = new LinkedHashMap<>();
    schemas.put("Problem", problemSchema());
    components.put("schemas", schemas);
    components.put(
        "securitySchemes",
        Map.of(
            "operator", Map.of("type", "http", "scheme", "basic"),
            "operatorSession",
                Map.of(
                    "type",
                    "http",
                    "scheme",
                    "bearer",
                    "bearerFormat",
                    "cyo_... from POST /v1/operator/sign-in"),
            "tenantToken",
                Map.of("type", "http", "scheme", "bearer", "bearerFormat", "cy_<id>_<secret>"),
            "staffToken",
                Map.of(
                    "type",
                    "http",
                    "scheme",
                    "bearer",
                    "bearerFormat",
                    "JWT",
                    "description",
                    "A staff member's access token from POST /v1/auth/login")));
    doc.put("components", components);
    return doc;
  }

  /** {@code wanted}, or with a number after it when another resource of the module took it. */
  private String operationId(String wanted) {
    String id = wanted;
    for (int n = 2; !operationIds.add(id); n++) {
      id = wanted + "_" + n;
    }
    return id;
  }

  private static List<Method> sorted(Method[] methods) {
    List<Method> list = new ArrayList<>(List.of(methods));
    list.sort(Comparator.comparing(Method::getName).thenComparing(m -> m.getParameterCount()));
    return list;
  }

  private Map<String, Object> operation(Api api, Method m, String verb, boolean open) {
    Map<String, Object> op = new LinkedHashMap<>();
    op.put("tags", List.of(api.tag));
    op.put("operationId", operationId(api.tag + "_" + m.getName()));
    Doc doc = m.getAnnotation(Doc.class);
    op.put("summary", doc == null ? summaryOf(m.getName()) : doc.summary());
    if (doc != null && !doc.description().isEmpty()) {
      op.put("description", doc.description());
    }
    Permission permission = m.getAnnotation(Permission.class);
    if (permission != null) {
      op.put("x-courtyard-permission", permission.value());
    }
    List<Map<String, Object>> params = new ArrayList<>();
    for (Parameter p : m.getParameters()) {
      PathParam pp = p.getAnnotation(PathParam.class);
      QueryParam qp = p.getAnnotation(QueryParam.class);
      HeaderParam hp = p.getAnnotation(HeaderParam.class);
      if (pp != null) {
        params.add(param(pp.value(), "path", true, p.getParameterizedType()));
      } else if (qp != null) {
        params.add(param(qp.value(), "query", false, p.getParameterizedType()));
      } else if (hp != null) {
        params.add(param(hp.value(), "header", false, p.getParameterizedType()));
      } else if (!p.isAnnotationPresent(Context.class) && !hasJaxRsAnnotation(p)) {
        String media = consumes(m, api.resource);
        Map<String, Object> schema =
            media.startsWith("text/") ? Map.of("type", "string") : schema(p.getParameterizedType());
        op.put(
            "requestBody",
            Map.of("required", true, "content", Map.of(media, Map.of("schema", schema))));
      }
    }
    if (!params.isEmpty()) {
      op.put("parameters", params);
    }
    Map<String, Object> responses = new LinkedHashMap<>();
    Type body = body(m, doc);
    Map<String, Object> success = new LinkedHashMap<>();
    success.put("description", "Success");
    if (body != null) {
      String media = produces(m, api.resource);
      Map<String, Object> schema =
          media.startsWith("text/") ? Map.of("type", "string") : schema(body);
      success.put("content", Map.of(media, Map.of("schema", schema)));
    } else if (m.isAnnotationPresent(Produces.class)) {
      // a download (a photo, a PDF): the bytes in each of the types the method names
      Map<String, Object> content = new LinkedHashMap<>();
      for (String type : m.getAnnotation(Produces.class).value()) {
        for (String one : type.split(",")) {
          String media = one.strip();
          if (!media.isEmpty() && !media.equals("*/*")) {
            content.put(media, Map.of("schema", Map.of("type", "string", "format", "binary")));
          }
        }
      }
      if (!content.isEmpty()) {
        success.put("content", content);
      }
    }
    responses.put(Integer.toString(status(m, verb, doc, body)), success);
    Map<String, Object> problem =
        Map.of(
            "application/problem+json",
            Map.of("schema", Map.of("$ref", "#/components/schemas/Problem")));
    if (api.security != null && !open) {
      responses.put(
          "401", Map.of("description", "Missing or invalid credential", "content", problem));
      if (permission != null && !Permission.SELF.equals(permission.value())) {
        responses.put(
            "403",
            Map.of(
                "description",
                "permission-denied: the caller's roles do not grant " + permission.value(),
                "content",
                problem));
      }
      op.put(
          "security",
          "tenantToken".equals(api.security)
              ? List.of(Map.of("tenantToken", List.of()), Map.of("staffToken", List.of()))
              : "operator".equals(api.security)
                  ? List.of(Map.of("operator", List.of()), Map.of("operatorSession", List.of()))
                  : List.of(Map.of(api.security, List.of())));
    } else {
      // a public operation's only refusal of its own: the caller's Accept names nothing it answers
      responses.put(
          "406",
          Map.of(
              "description",
              "The Accept header names no media type the operation answers with",
              "content",
              problem));
      op.put("security", List.of()); // public, said explicitly rather than by omission
    }
    responses.put(
        "default", Map.of("description", "Problem (400, 404, 409, 422, ...)", "content", problem));
    op.put("responses", responses);
    return op;
  }

  private static String tagDescription(Api api) {
    switch (api.tag) {
      case "public":
        return "Needs no credential.";
      case "tenant":
        return "The calling tenant itself; takes a tenant API token.";
      case "operator":
        return "Running the platform: tenants, their tokens and modules, health and traffic,"
            + " operator accounts; takes an operator's HTTP Basic credential or its session"
            + " token (POST /v1/operator/sign-in) as Bearer.";
      default:
        return "The "
            + api.tag
            + " module; takes a tenant API token, and answers 404 module-not-enabled to a"
            + " tenant that has not enabled the module.";
    }
  }

  /** "listFeeItems" as "List fee items", for a method without {@link Doc}. */
  static String summaryOf(String methodName) {
    StringBuilder sb = new StringBuilder();
    for (char c : methodName.toCharArray()) {
      if (sb.length() == 0) {
        sb.append(Character.toUpperCase(c));
      } else if (Character.isUpperCase(c)) {
        sb.append(' ').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The type of a successful answer's body, or null when it has none. */
  private static Type body(Method m, Doc doc) {
    Type ret = m.getGenericReturnType();
    if (ret == Response.class) {
      return doc == null || doc.returns() == Void.class ? null : doc.returns();
    }
    return ret == void.class ? null : ret;
  }

  private static int status(Method m, String verb, Doc doc, Type body) {
    if (doc != null && doc.status() != 0) {
      return doc.status();
    }
    if (m.getReturnType() == Response.class && "post".equals(verb)) {
      return 201;
    }
    return body == null && (m.getReturnType() == void.class || "delete".equals(verb)) ? 204 : 200;
  }

  private static boolean hasJaxRsAnnotation(Parameter p) {
    for (Annotation a : p.getAnnotations()) {
      if (a.annotationType().getName().startsWith("javax.ws.rs.")) {
        return true;
      }
    }
    return false;
  }

  private static String consumes(Method m, Class<?> c) {
    return mediaType(
        m,
        c,
        e ->
            e.isAnnotationPresent(Consumes.class) ? e.getAnnotation(Consumes.class).value() : null);
  }

  private static String produces(Method m, Class<?> c) {
    return mediaType(
        m,
        c,
        e ->
            e.isAnnotationPresent(Produces.class) ? e.getAnnotation(Produces.class).value() : null);
  }

  /**
   * The first media type the method, or else its class, names (without parameters); JSON if none.
   */
  private static String mediaType(
      Method m, Class<?> c, Function<AnnotatedElement, String[]> named) {
    String[] types = named.apply(m);
    if (types == null) {
      types = named.apply(c);
    }
    return types == null || types.length == 0 ? "application/json" : types[0].split(";")[0].trim();
  }

  private Map<String, Object> param(String name, String in, boolean required, Type type) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("name", name);
    p.put("in", in);
    p.put("required", required);
    p.put("schema", schema(type));
    return p;
  }

  private static String httpMethod(Method m) {
    if (m.isAnnotationPresent(GET.class)) {
      return "get";
    }
    if (m.isAnnotationPresent(POST.class)) {
      return "post";
    }
    if (m.isAnnotationPresent(PUT.class)) {
      return "put";
    }
    if (m.isAnnotationPresent(DELETE.class)) {
      return "delete";
    }
    for (Annotation a : m.getAnnotations()) {
      HttpMethod h = a.annotationType().getAnnotation(HttpMethod.class);
      if (h != null) {
        return h.value().toLowerCase();
      }
    }
    return null;
  }

  private static String pathOf(java.lang.reflect.AnnotatedElement e) {
    Path p = e.getAnnotation(Path.class);
    return p == null ? "" : p.value();
  }

  static String join(String... parts) {
    StringBuilder sb = new StringBuilder();
    for (String part : parts) {
      for (String seg : part.split("/")) {
        if (!seg.isEmpty()) {
          // {id: [0-9]+} regex templates are shown as plain {id}
          sb.append('/').append(seg.replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}"));
        }
      }
    }
    return sb.length() == 0 ? "/" : sb.toString();
  }

  Map<String, Object> schema(Type type) {
    if (type instanceof ParameterizedType) {
      ParameterizedType pt = (ParameterizedType) type;
      Class<?> raw = (Class<?>) pt.getRawType();
      if (Collection.class.isAssignableFrom(raw)) {
        return Map.of("type", "array", "items", schema(pt.getActualTypeArguments()[0]));
      }
      if (Map.class.isAssignableFrom(raw)) {
        return Map.of(
            "type", "object", "additionalProperties", schema(pt.getActualTypeArguments()[1]));
      }
      if (pt.getActualTypeArguments().length == 1
          && pt.getActualTypeArguments()[0] instanceof Class) {
        Class<?> arg = (Class<?>) pt.getActualTypeArguments()[0];
        String name = raw.getSimpleName() + "Of" + arg.getSimpleName();
        if (!schemas.containsKey(name)) {
          schemas.put(name, Map.of());
          schemas.put(name, objectSchema(raw, arg));
        }
        return Map.of("$ref", "#/components/schemas/" + name);
      }
      return schema(raw);
    }
    if (!(type instanceof Class)) {
      return Map.of();
    }
    Class<?> c = (Class<?>) type;
    if (c == String.class || c == char.class || c == Character.class) {
      return Map.of("type", "string");
    }
    if (c == int.class || c == Integer.class || c == short.class || c == Short.class) {
      return Map.of("type", "integer", "format", "int32");
    }
    if (c == long.class || c == Long.class || c == BigInteger.class) {
      return Map.of("type", "integer", "format", "int64");
    }
    if (c == BigDecimal.class
        || c == double.class
        || c == Double.class
        || c == float.class
        || c == Float.class) {
      return Map.of("type", "number");
    }
    if (c == boolean.class || c == Boolean.class) {
      return Map.of("type", "boolean");
    }
    if (c == Instant.class || c == OffsetDateTime.class || c == LocalDateTime.class) {
      return Map.of("type", "string", "format", "date-time");
    }
    if (c == LocalDate.class) {
      return Map.of("type", "string", "format", "date");
    }
    if (c.isEnum()) {
      List<String> values = new ArrayList<>();
      for (Object o : c.getEnumConstants()) {
        values.add(o.toString());
      }
      return Map.of("type", "string", "enum", values);
    }
    if (c == Object.class || Map.class.isAssignableFrom(c) || c == Response.class) {
      return Map.of("type", "object");
    }
    if (c.isArray()) {
      return Map.of("type", "array", "items", schema(c.getComponentType()));
    }
    String name = c.getSimpleName();
    if (!schemas.containsKey(name)) {
      schemas.put(name, Map.of()); // placeholder breaks recursion
      schemas.put(name, objectSchema(c, null));
    }
    return Map.of("$ref", "#/components/schemas/" + name);
  }

  private Map<String, Object> objectSchema(Class<?> c, Class<?> typeArgument) {
    Map<String, Object> props = new LinkedHashMap<>();
    if (c.isRecord()) {
      for (RecordComponent rc : c.getRecordComponents()) {
        props.put(rc.getName(), schema(resolve(rc.getGenericType(), typeArgument)));
      }
    } else {
      for (Field f : c.getFields()) {
        if (!Modifier.isStatic(f.getModifiers())) {
          props.put(f.getName(), schema(resolve(f.getGenericType(), typeArgument)));
        }
      }
    }
    return Map.of("type", "object", "properties", props);
  }

  /** Replaces the single type variable of a generic DTO such as Page&lt;T&gt; by its argument. */
  private static Type resolve(Type t, Class<?> typeArgument) {
    if (typeArgument == null) {
      return t;
    }
    if (t instanceof java.lang.reflect.TypeVariable) {
      return typeArgument;
    }
    if (t instanceof ParameterizedType) {
      ParameterizedType pt = (ParameterizedType) t;
      if (pt.getActualTypeArguments().length == 1
          && pt.getActualTypeArguments()[0] instanceof java.lang.reflect.TypeVariable
          && Collection.class.isAssignableFrom((Class<?>) pt.getRawType())) {
        return new ParameterizedType() {
          @Override
          public Type[] getActualTypeArguments() {
            return new Type[] {typeArgument};
          }

          @Override
          public Type getRawType() {
            return pt.getRawType();
          }

          @Override
          public Type getOwnerType() {
            return null;
          }
        };
      }
    }
    return t;
  }

  private static Map<String, Object> problemSchema() {
    Map<String, Object> props = new LinkedHashMap<>();
    props.put(
        "type", Map.of("type", "string", "example", "urn:courtyard:problem:module-not-enabled"));
    props.put("title", Map.of("type", "string"));
    props.put("status", Map.of("type", "integer"));
    props.put("detail", Map.of("type", "string"));
    props.put("instance", Map.of("type", "string"));
    props.put("errors", Map.of("type", "array", "items", Map.of("type", "object")));
    return Map.of("type", "object", "properties", props);
  }
}
