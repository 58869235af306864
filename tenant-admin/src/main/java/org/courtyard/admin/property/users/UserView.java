package org.courtyard.admin.property.users;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.When;
import org.courtyard.admin.ui.Errors;
import org.courtyard.admin.ui.Texts;

/**
 * One staff account's page: who it is, whether it may sign in (disable, enable), sign it out
 * everywhere, reset a lost second factor, and the roles it holds with where (the whole company,
 * some estates or some buildings), granted and taken back here. Each button shows only to those
 * whose permissions allow it.
 */
@Route(value = "users/user", layout = PropertyLayout.class)
@PropertyScreen(
    order = 601,
    titleKey = "users.user.title",
    permission = UsersView.READ,
    menu = false)
public final class UserView extends VerticalLayout
    implements HasUrlParameter<Long>, HasDynamicTitle {

  static final String ROLE_READ = "identity.role.read";
  static final String GRANT = "identity.grant.manage";

  private final H2 title = new H2();
  private final Span facts = new Span();
  private final HorizontalLayout actions = new HorizontalLayout();
  private final Grid<Grant> grants = new Grid<>(Grant.class, false);
  private final VerticalLayout grantSection = new VerticalLayout();
  private final Select<Role> role = new Select<>();
  private final Map<String, Role> rolesByCode = new HashMap<>();

  private long id;
  private StaffUser user;
  private boolean built;
  private ScopePicker where;

  public UserView() {
    setId("user");
    RouterLink back = new RouterLink(getTranslation("users.back"), UsersView.class);
    back.setId("user-back");
    facts.setId("user-facts");
    facts.getStyle().set("color", "var(--lumo-secondary-text-color)");
    actions.setId("user-actions");
    add(back, title, facts, actions);

    grants.setId("user-grants");
    grants.addThemeVariants(GridVariant.LUMO_COMPACT);
    grants.setAllRowsVisible(true);
    grants
        .addColumn(g -> roleName(g.role()))
        .setKey("role")
        .setHeader(getTranslation("users.grant.role"))
        .setAutoWidth(true);
    grants
        .addColumn(this::where)
        .setKey("scope")
        .setHeader(getTranslation("users.grant.scope"))
        .setAutoWidth(true);
    grantSection.setPadding(false);
    grantSection.add(new H3(getTranslation("users.grants")), grants);
    add(grantSection);
  }

  @Override
  public void setParameter(BeforeEvent event, Long userId) {
    this.id = userId == null ? 0 : userId;
    if (isAttached() && PropertySession.signedIn()) {
      // another account's page in the same view (Vaadin keeps the view)
      load();
    }
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn()) {
      if (!built && PropertySession.can(GRANT)) {
        grants
            .addComponentColumn(this::takeBackButton)
            .setKey("actions")
            .setHeader(getTranslation("users.actions"));
        grantSection.add(grantForm());
      }
      built = true;
      grantSection.setVisible(PropertySession.can(ROLE_READ));
      load();
    }
  }

  @Override
  public String getPageTitle() {
    return user == null
        ? getTranslation("users.user.title")
        : getTranslation("users.user.title") + " · " + user.username();
  }

  private UsersClient client() {
    return new UsersClient(PropertySession.api());
  }

  void load() {
    try {
      user = client().user(id);
    } catch (ApiProblem | ApiUnreachable e) {
      title.setText(getTranslation("users.user.title"));
      facts.setText(Errors.show(e));
      actions.removeAll();
      grantSection.setVisible(false);
      return;
    }
    title.setText(user.displayName() + " (" + user.username() + ")");
    List<String> parts = new ArrayList<>();
    parts.add(Texts.state("users.status.", user.status()));
    if (user.phone() != null && !user.phone().isBlank()) {
      parts.add(user.phone());
    }
    if (user.email() != null && !user.email().isBlank()) {
      parts.add(user.email());
    }
    parts.add(
        getTranslation("users.totp")
            + ": "
            + getTranslation(user.totp() ? "users.totp.on" : "users.totp.off"));
    parts.add(
        getTranslation("users.lastLogin") + ": " + When.format(user.lastLoginAt(), getLocale()));
    facts.setText(String.join(" · ", parts));
    showActions();
    if (PropertySession.can(ROLE_READ)) {
      loadGrants();
    }
  }

  private void showActions() {
    actions.removeAll();
    if (!PropertySession.can(UsersView.MANAGE)) {
      return;
    }
    Button toggle =
        user.active()
            ? new Button(
                getTranslation("users.disable"),
                e ->
                    confirm(
                        "user-disable-confirm",
                        getTranslation("users.disable.title", user.username()),
                        getTranslation("users.disable.text"),
                        () -> client().disable(id),
                        getTranslation("users.disabled", user.username())))
            : new Button(
                getTranslation("users.enable"),
                e ->
                    act(
                        () -> client().enable(id),
                        getTranslation("users.enabled", user.username())));
    toggle.setId("user-toggle");
    Button signOut =
        new Button(
            getTranslation("users.signOut"),
            e ->
                confirm(
                    "user-sign-out-confirm",
                    getTranslation("users.signOut.title", user.username()),
                    getTranslation("users.signOut.text"),
                    () -> client().signOutEverywhere(id),
                    getTranslation("users.signedOut", user.username())));
    signOut.setId("user-sign-out");
    Button totp =
        new Button(
            getTranslation("users.totp.reset"),
            e ->
                confirm(
                    "user-reset-totp-confirm",
                    getTranslation("users.totp.reset.title", user.username()),
                    getTranslation("users.totp.reset.text", user.username()),
                    () -> client().resetTotp(id),
                    getTranslation("users.totp.resetDone", user.username())));
    totp.setId("user-reset-totp");
    totp.addThemeVariants(ButtonVariant.LUMO_ERROR);
    actions.add(toggle, signOut, totp);
  }

  /** Asks first: the action changes what someone else can do right now. */
  private void confirm(String id, String header, String text, Runnable action, String done) {
    Dialog dialog = new Dialog();
    dialog.setId(id);
    dialog.setHeaderTitle(header);
    dialog.add(new Paragraph(text));
    Button yes =
        new Button(
            getTranslation("users.confirm"),
            e -> {
              dialog.close();
              act(action, done);
            });
    yes.setId(id + "-yes");
    yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
    Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
    dialog.getFooter().add(cancel, yes);
    dialog.open();
    cancel.focus();
  }

  private void act(Runnable action, String done) {
    try {
      action.run();
      Errors.success(done);
    } catch (ApiProblem | ApiUnreachable e) {
      Errors.show(e);
    }
    load();
  }

  // ------------------------------------------------------------------------------ grants

  private void loadGrants() {
    try {
      if (rolesByCode.isEmpty()) {
        for (Role r : client().roles()) {
          rolesByCode.put(r.code(), r);
        }
        role.setItems(
            rolesByCode.values().stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList());
      }
      List<Grant> held = client().grants(id);
      grants.setItems(held);
    } catch (ApiProblem | ApiUnreachable e) {
      Errors.show(e);
    }
  }

  private VerticalLayout grantForm() {
    role.setId("user-grant-role");
    role.setLabel(getTranslation("users.grant.role"));
    role.setItemLabelGenerator(r -> r.name(getLocale()));
    Button add = new Button(getTranslation("users.grant.add"), e -> addGrant());
    add.setId("user-grant-add");
    add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout row = new HorizontalLayout(role, picker(), add);
    row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    row.setWrap(true);
    VerticalLayout form = new VerticalLayout(new H3(getTranslation("users.grant.title")), row);
    form.setPadding(false);
    return form;
  }

  private ScopePicker picker() {
    if (where == null) {
      where = new ScopePicker("user-grant", client());
    }
    return where;
  }

  private void addGrant() {
    if (role.getValue() == null) {
      role.setInvalid(true);
      role.setErrorMessage(getTranslation("users.grant.role.required"));
      return;
    }
    try {
      client().grant(id, new Grant.Input(role.getValue().code(), picker().scope(), picker().ids()));
      Errors.success(getTranslation("users.granted", role.getValue().name(getLocale())));
      role.setInvalid(false);
      picker().clear();
    } catch (ApiProblem | ApiUnreachable e) {
      Errors.show(e);
    }
    loadGrants();
  }

  private Button takeBackButton(Grant g) {
    Button b =
        new Button(
            getTranslation("users.grant.takeBack"),
            e -> {
              try {
                client().takeBack(id, g.id());
                Errors.success(getTranslation("users.takenBack", roleName(g.role())));
              } catch (ApiProblem | ApiUnreachable ex) {
                Errors.show(ex);
              }
              loadGrants();
            });
    b.setId("user-grant-take-back-" + g.id());
    b.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
    return b;
  }

  private String roleName(String code) {
    Role r = rolesByCode.get(code);
    return r == null ? code : r.name(getLocale());
  }

  /** Where a grant applies, in words, with estate names where known. */
  String where(Grant g) {
    return picker().words(g.scope(), g.ids());
  }

  /** The grants listed, for tests. */
  List<Grant> listedGrants() {
    return grants.getListDataView().getItems().toList();
  }
}
