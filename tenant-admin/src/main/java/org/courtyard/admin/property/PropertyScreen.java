package org.courtyard.admin.property;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a route of the property company's console ({@code @Route(value = ..., layout =
 * PropertyLayout.class)}): {@link PropertyLayout} finds every such route and offers it in its menu
 * to a user who holds {@link #permission()} in any scope, and refuses the route to anyone else with
 * a "not allowed" page. No list of screens is edited to add one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface PropertyScreen {

  /** Position in the menu, smallest first (Today is 0; areas take their hundred: 100, 200, ...). */
  int order();

  /** Translation key of the menu entry and the page title, under the area's prefix. */
  String titleKey();

  /** A {@code com.vaadin.flow.component.icon.VaadinIcon} name, e.g. {@code "HOME"}; "" for none. */
  String icon() default "";

  /** The permission needed (held in any scope); "" lets every signed-in staff member in. */
  String permission();

  /** False for pages reached from another screen (a person's page): guarded, not in the menu. */
  boolean menu() default true;
}
