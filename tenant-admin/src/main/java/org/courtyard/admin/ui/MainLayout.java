package org.courtyard.admin.ui;

import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;

/** The frame of every page behind the login: navigation, language, who is logged in, logout. */
public final class MainLayout extends AppLayout implements BeforeEnterObserver {

  public MainLayout() {
    H1 title = new H1(getTranslation("app.title"));
    title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");

    Span who =
        new Span(
            ConsoleSession.loggedIn()
                ? getTranslation(
                    "app.signedIn",
                    ConsoleSession.me().username(),
                    Texts.state("operators.role.", ConsoleSession.me().role()),
                    ConsoleSession.apiUrl())
                : "");
    who.setId("signed-in");
    who.getStyle()
        .set("font-size", "var(--lumo-font-size-s)")
        .set("color", "var(--lumo-secondary-text-color)");

    Button logout = new Button(getTranslation("app.logout"), e -> logout());
    logout.setId("logout");
    logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

    HorizontalLayout bar = new HorizontalLayout(title, who, new LanguageSwitch(), logout);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
    bar.expand(who);
    bar.setWidthFull();
    bar.getStyle().set("padding-right", "var(--lumo-space-m)");
    addToNavbar(new DrawerToggle(), bar);

    SideNav nav = new SideNav();
    nav.addItem(
        new SideNavItem(getTranslation("nav.tenants"), TenantsView.class),
        new SideNavItem(getTranslation("nav.modules"), ModulesView.class),
        new SideNavItem(getTranslation("nav.drivers"), DriversView.class),
        new SideNavItem(getTranslation("nav.health"), HealthView.class),
        new SideNavItem(getTranslation("nav.operators"), OperatorsView.class),
        new SideNavItem(getTranslation("nav.account"), MyAccountView.class));
    addToDrawer(nav);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    if (!ConsoleSession.loggedIn()) {
      event.forwardTo(LoginView.class);
    }
  }

  private void logout() {
    getUI()
        .ifPresent(
            ui -> {
              ConsoleSession.logout();
              ui.getPage().setLocation("login");
            });
  }
}
