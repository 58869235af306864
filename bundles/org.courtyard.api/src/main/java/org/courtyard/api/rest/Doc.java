package org.courtyard.api.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How a resource method appears in the served OpenAPI document: integrators generate clients and
 * documentation from it. The platform derives a summary from the method name when this is absent,
 * but only this says what an operation is for.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Doc {

  /** A few words, an imperative: "List fee items". */
  String summary();

  /** One or two sentences: what the operation does and its notable refusals. */
  String description() default "";

  /**
   * The body of a successful answer when the method returns a {@code javax.ws.rs.core.Response},
   * whose entity type reflection cannot see; {@code Void.class} for none.
   */
  Class<?> returns() default Void.class;

  /**
   * The success status when it is not the usual one (200; 201 for a POST returning a {@code
   * Response}; 204 for no body), such as 202 for work accepted but not yet done.
   */
  int status() default 0;
}
