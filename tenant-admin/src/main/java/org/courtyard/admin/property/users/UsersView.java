package org.courtyard.admin.property.users;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.LinkedHashMap;
import java.util.Map;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.When;
import org.courtyard.admin.ui.Errors;
import org.courtyard.admin.ui.Texts;

/**
 * The company's staff accounts (员工账号): searched by name, phone or e-mail and by status, paged by
 * the API. An administrator creates an account here; its first password is made by the console and
 * shown once. Each row opens the account's page ({@link UserView}) for its status, sessions and
 * roles.
 */
@Route(value = "users", layout = PropertyLayout.class)
@PropertyScreen(order = 600, titleKey = "users.title", icon = "USERS", permission = UsersView.READ)
public final class UsersView extends VerticalLayout implements HasDynamicTitle {

  static final String READ = "identity.user.read";
  static final String MANAGE = "identity.user.manage";

  private final Grid<StaffUser> grid = new Grid<>(StaffUser.class, false);
  private final TextField search = new TextField();
  private final Select<String> status = new Select<>();
  private CursorDataProvider<StaffUser> users;

  public UsersView() {
    setId("users");
    setSizeFull();
    add(new H2(getTranslation("users.title")));

    search.setId("users-search");
    search.setLabel(getTranslation("users.search"));
    search.setPlaceholder(getTranslation("users.search.hint"));
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.LAZY);
    search.addValueChangeListener(e -> filter());
    status.setId("users-status");
    status.setLabel(getTranslation("users.status"));
    status.setItems("", "active", "disabled");
    status.setItemLabelGenerator(
        s -> s.isEmpty() ? getTranslation("users.status.all") : Texts.state("users.status.", s));
    status.setValue("");
    status.addValueChangeListener(e -> filter());
    HorizontalLayout toolbar = new HorizontalLayout(search, status);
    toolbar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    if (PropertySession.can(MANAGE)) {
      Button create = new Button(getTranslation("users.new"), e -> openCreate());
      create.setId("users-new");
      create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      toolbar.add(create);
    }
    add(toolbar);

    grid.setId("users-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(StaffUser::username)
        .setKey("username")
        .setHeader(getTranslation("users.username"))
        .setAutoWidth(true);
    grid.addColumn(StaffUser::displayName)
        .setKey("name")
        .setHeader(getTranslation("users.name"))
        .setAutoWidth(true);
    grid.addColumn(u -> contact(u))
        .setKey("contact")
        .setHeader(getTranslation("users.contact"))
        .setAutoWidth(true);
    grid.addColumn(u -> Texts.state("users.status.", u.status()))
        .setKey("status")
        .setHeader(getTranslation("users.status"))
        .setAutoWidth(true);
    grid.addColumn(u -> getTranslation(u.totp() ? "users.totp.on" : "users.totp.off"))
        .setKey("totp")
        .setHeader(getTranslation("users.totp"))
        .setAutoWidth(true);
    grid.addColumn(u -> When.format(u.lastLoginAt(), getLocale()))
        .setKey("lastLogin")
        .setHeader(getTranslation("users.lastLogin"))
        .setAutoWidth(true);
    grid.addComponentColumn(
            u -> {
              Button open = new Button(getTranslation("users.open"), e -> open(u));
              open.setId("user-open-" + u.username());
              open.addThemeVariants(ButtonVariant.LUMO_SMALL);
              return open;
            })
        .setKey("open")
        .setHeader(getTranslation("users.actions"))
        .setAutoWidth(true);
    grid.addItemDoubleClickListener(e -> open(e.getItem()));
    add(grid);
    setFlexGrow(1, grid);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn() && users == null) {
      users = new UsersClient(PropertySession.api()).users();
      users.bind(grid);
      search.focus();
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("users.title");
  }

  private void filter() {
    if (users == null) {
      return;
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("q", search.getValue());
    f.put("status", status.getValue());
    users.setFilter(f);
  }

  private static String contact(StaffUser u) {
    String phone = u.phone() == null ? "" : u.phone();
    String email = u.email() == null ? "" : u.email();
    return phone.isEmpty() || email.isEmpty() ? phone + email : phone + " · " + email;
  }

  private void open(StaffUser u) {
    getUI().ifPresent(ui -> ui.navigate(UserView.class, u.id()));
  }

  private void openCreate() {
    Dialog dialog = new Dialog();
    dialog.setId("users-create-dialog");
    dialog.setHeaderTitle(getTranslation("users.new"));
    TextField username = new TextField(getTranslation("users.username"));
    username.setId("users-new-username");
    username.setHelperText(getTranslation("users.username.rule"));
    username.setRequired(true);
    TextField name = new TextField(getTranslation("users.name"));
    name.setId("users-new-name");
    name.setRequired(true);
    TextField phone = new TextField(getTranslation("users.phone"));
    phone.setId("users-new-phone");
    TextField email = new TextField(getTranslation("users.email"));
    email.setId("users-new-email");
    Span problem = new Span();
    problem.setId("users-new-problem");
    problem.getStyle().set("color", "var(--lumo-error-text-color)");
    VerticalLayout form = new VerticalLayout(username, name, phone, email, problem);
    form.setPadding(false);
    dialog.add(form);
    Button create =
        new Button(
            getTranslation("users.create"),
            e -> {
              String password = FirstPassword.next();
              try {
                StaffUser created =
                    new UsersClient(PropertySession.api())
                        .create(
                            new NewUser(
                                username.getValue(),
                                name.getValue(),
                                phone.getValue(),
                                email.getValue(),
                                password));
                dialog.close();
                showFirstPassword(created, password);
                users.refresh();
              } catch (ApiProblem | ApiUnreachable ex) {
                problem.setText(Errors.message(ex));
              }
            });
    create.setId("users-create");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    create.addClickShortcut(Key.ENTER).listenOn(dialog);
    Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
    dialog.getFooter().add(cancel, create);
    dialog.open();
    username.focus();
  }

  /** The first password, once: it is not kept anywhere once this dialog closes. */
  private void showFirstPassword(StaffUser created, String password) {
    Dialog dialog = new Dialog();
    dialog.setId("users-password-dialog");
    dialog.setHeaderTitle(getTranslation("users.password.title", created.username()));
    Span shown = new Span(password);
    shown.setId("users-first-password");
    shown
        .getStyle()
        .set("font-family", "monospace")
        .set("font-size", "var(--lumo-font-size-xl)")
        .set("user-select", "all");
    dialog.add(
        new Paragraph(getTranslation("users.password.text", created.username())),
        shown,
        new Paragraph(getTranslation("users.password.once")));
    Button done = new Button(getTranslation("action.close"), e -> dialog.close());
    done.setId("users-password-done");
    done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(done);
    dialog.open();
    done.focus();
  }

  CursorDataProvider<StaffUser> provider() {
    return users;
  }
}
