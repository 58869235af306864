package org.courtyard.admin.property;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.courtyard.admin.ui.LanguageSwitch;
import org.courtyard.admin.ui.LoginView;

/**
 * The frame of the property company's console. Its menu is discovered: every route annotated {@link
 * PropertyScreen} (with {@code layout = PropertyLayout.class}) whose permission the signed-in staff
 * member holds in some scope, in {@link PropertyScreen#order()}. Typing the address of a screen
 * without the permission shows {@link NotAllowedView}. The header names the company, the user and
 * where they may act, with the language switch and sign-out.
 */
public final class PropertyLayout extends AppLayout implements BeforeEnterObserver {

  private final SideNav nav = new SideNav();

  public PropertyLayout() {
    H1 title = new H1(getTranslation("property.app.title"));
    title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");

    Span company = new Span();
    company.setId("property-company");
    company.getStyle().set("font-weight", "600");
    Span who = new Span();
    who.setId("property-user");
    Span scope = new Span();
    scope.setId("property-scope");
    scope
        .getStyle()
        .set("font-size", "var(--lumo-font-size-s)")
        .set("color", "var(--lumo-secondary-text-color)");
    if (PropertySession.signedIn()) {
      company.setText(PropertySession.companyName());
      who.setText(PropertySession.me().shownName());
      scope.setText(
          ScopeWords.of(PropertySession.me(), PropertySession.estateNames(), this::getTranslation));
    }
    VerticalLayout identity = new VerticalLayout(new HorizontalLayout(company, who), scope);
    identity.setPadding(false);
    identity.setSpacing(false);

    Button signOut = new Button(getTranslation("app.logout"), e -> signOut());
    signOut.setId("property-sign-out");
    signOut.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

    LanguageSwitch language = new LanguageSwitch();
    language.addValueChangeListener(
        e -> {
          if (e.isFromClient() && e.getValue() != null) {
            rememberLanguage(e.getValue());
          }
        });
    HorizontalLayout bar = new HorizontalLayout(title, identity, language, signOut);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    bar.expand(identity);
    bar.setWidthFull();
    bar.getStyle().set("padding-right", "var(--lumo-space-m)");
    addToNavbar(new DrawerToggle(), bar);

    nav.setId("property-menu");
    nav.setLabel(getTranslation("property.menu"));
    refreshMenu();
    addToDrawer(nav);
  }

  /** Builds the menu again, e.g. after the company enabled or disabled a module. */
  public void refreshMenu() {
    nav.removeAll();
    if (PropertySession.signedIn()) {
      for (Screen s : screensAllowed()) {
        SideNavItem item =
            s.icon() == null
                ? new SideNavItem(getTranslation(s.titleKey()), s.target())
                : new SideNavItem(getTranslation(s.titleKey()), s.target(), s.icon().create());
        nav.addItem(item);
      }
    }
  }

  /** A discovered screen. */
  record Screen(
      Class<? extends Component> target,
      int order,
      String titleKey,
      VaadinIcon icon,
      String permission) {}

  /** Every {@link PropertyScreen} route in the menu, whatever the permissions, in menu order. */
  static List<Screen> screens() {
    return RouteConfiguration.forApplicationScope().getAvailableRoutes().stream()
        .map(RouteData::getNavigationTarget)
        .distinct()
        .filter(t -> t.isAnnotationPresent(PropertyScreen.class))
        .map(
            t -> {
              PropertyScreen a = t.getAnnotation(PropertyScreen.class);
              return a.menu()
                  ? new Screen(t, a.order(), a.titleKey(), icon(a.icon()), a.permission())
                  : null;
            })
        .filter(Objects::nonNull)
        .sorted(Comparator.comparingInt(Screen::order).thenComparing(Screen::titleKey))
        .toList();
  }

  /** The screens the signed-in staff member may open. */
  static List<Screen> screensAllowed() {
    return screens().stream().filter(s -> allowed(s.permission())).toList();
  }

  static boolean allowed(String permission) {
    return permission == null || permission.isBlank() || PropertySession.can(permission);
  }

  /** The menu entries shown, as their labels (for tests). */
  List<String> menuLabels() {
    return nav.getItems().stream().map(SideNavItem::getLabel).toList();
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    if (!PropertySession.signedIn()) {
      event.forwardTo(LoginView.class);
      return;
    }
    PropertyScreen screen = event.getNavigationTarget().getAnnotation(PropertyScreen.class);
    if (screen != null && !allowed(screen.permission())) {
      event.rerouteTo(NotAllowedView.class, screen.permission());
    }
  }

  private void signOut() {
    getUI()
        .ifPresent(
            ui -> {
              PropertySession.signOut();
              ui.getPage().setLocation("login");
            });
  }

  private static VaadinIcon icon(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      return VaadinIcon.valueOf(name);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The language chosen here is also the one the platform writes to the signed-in staff member in
   * (a work order dispatched to them): {@code PUT /auth/me/language}. The console switches whatever
   * the answer; an owner token, which is nobody's, is refused and that is all.
   */
  private static void rememberLanguage(java.util.Locale locale) {
    if (!PropertySession.signedIn()) {
      return;
    }
    try {
      PropertySession.api()
          .put(
              "auth/me/language",
              java.util.Map.of("language", "zh".equals(locale.getLanguage()) ? "zh" : "en"),
              Void.class);
    } catch (org.courtyard.admin.api.ApiProblem | org.courtyard.admin.api.ApiUnreachable e) {
      org.slf4j.LoggerFactory.getLogger(PropertyLayout.class)
          .info("The chosen language was not stored: {}", e.getMessage());
    }
  }
}
