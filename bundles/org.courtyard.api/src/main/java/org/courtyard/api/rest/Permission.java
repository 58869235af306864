package org.courtyard.api.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The permission a tenant resource method needs, such as {@code billing.payment.create}: one per
 * operation, declared by its module in {@code ModuleDescriptor.permissions()}. The platform checks
 * it before the method runs (403 {@code permission-denied} naming it), binds the data scope the
 * caller holds it in ({@link TenantPrincipal#scopeOf}), and lists it in the OpenAPI document as
 * {@code x-courtyard-permission}. A tenant operation without one answers only owner tokens.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Permission {

  /**
   * For what any authenticated caller of the tenant may do about themselves (who am I, sign out),
   * whatever they were granted.
   */
  String SELF = "self";

  /** {@code <module>.<object>.<action>}, lower case: {@code estate.room.read}. */
  String value();
}
