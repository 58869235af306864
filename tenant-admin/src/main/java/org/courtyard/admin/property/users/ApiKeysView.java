package org.courtyard.admin.property.users;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.time.Instant;
import java.time.ZoneId;
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
 * The company's API keys (接口密钥) for integrations and devices: each a role in a scope, with when it
 * was last used. A new key's secret is shown once; revoking one stops it at once.
 */
@Route(value = "users/api-keys", layout = PropertyLayout.class)
@PropertyScreen(
    order = 630,
    titleKey = "users.apikeys.title",
    icon = "CODE",
    permission = ApiKeysView.MANAGE)
public final class ApiKeysView extends VerticalLayout implements HasDynamicTitle {

  static final String MANAGE = "identity.apikey.manage";

  private final Grid<ApiKey> grid = new Grid<>(ApiKey.class, false);
  private final Map<String, Role> roles = new HashMap<>();
  private ScopePicker words;

  public ApiKeysView() {
    setId("api-keys");
    add(new H2(getTranslation("users.apikeys.title")));
    Button create = new Button(getTranslation("users.apikey.new"), e -> openCreate());
    create.setId("apikeys-new");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    add(create);

    grid.setId("apikeys-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.setAllRowsVisible(true);
    grid.addColumn(ApiKey::name)
        .setKey("name")
        .setHeader(getTranslation("users.apikey.name"))
        .setAutoWidth(true);
    grid.addColumn(ApiKey::keyId)
        .setKey("keyId")
        .setHeader(getTranslation("users.apikey.keyId"))
        .setAutoWidth(true);
    grid.addColumn(k -> roleName(k.role()))
        .setKey("role")
        .setHeader(getTranslation("users.grant.role"))
        .setAutoWidth(true);
    grid.addColumn(k -> words == null ? k.scope() : words.words(k.scope(), k.ids()))
        .setKey("scope")
        .setHeader(getTranslation("users.grant.scope"))
        .setAutoWidth(true);
    grid.addColumn(k -> Texts.state("users.apikey.status.", k.status()))
        .setKey("status")
        .setHeader(getTranslation("users.status"))
        .setAutoWidth(true);
    grid.addColumn(
            k ->
                k.expiresAt() == null
                    ? getTranslation("users.apikey.never")
                    : When.format(k.expiresAt(), getLocale()))
        .setKey("expires")
        .setHeader(getTranslation("users.apikey.expires"))
        .setAutoWidth(true);
    grid.addColumn(k -> When.format(k.lastUsedAt(), getLocale()))
        .setKey("lastUsed")
        .setHeader(getTranslation("users.apikey.lastUsed"))
        .setAutoWidth(true);
    grid.addComponentColumn(this::revokeButton)
        .setKey("actions")
        .setHeader(getTranslation("users.actions"))
        .setAutoWidth(true);
    add(grid);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn()) {
      words = new ScopePicker("apikey-list", client());
      load();
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("users.apikeys.title");
  }

  private UsersClient client() {
    return new UsersClient(PropertySession.api());
  }

  void load() {
    try {
      if (roles.isEmpty() && PropertySession.can(UserView.ROLE_READ)) {
        client().roles().forEach(r -> roles.put(r.code(), r));
      }
      grid.setItems(client().apiKeys());
    } catch (ApiProblem | ApiUnreachable e) {
      Errors.show(e);
    }
  }

  private String roleName(String code) {
    Role r = roles.get(code);
    return r == null ? code : r.name(getLocale());
  }

  private Button revokeButton(ApiKey k) {
    Button revoke = new Button(getTranslation("users.apikey.revoke"), e -> confirmRevoke(k));
    revoke.setId("apikey-revoke-" + k.id());
    revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
    revoke.setVisible(k.active());
    return revoke;
  }

  private void confirmRevoke(ApiKey k) {
    Dialog dialog = new Dialog();
    dialog.setId("apikey-revoke-dialog");
    dialog.setHeaderTitle(getTranslation("users.apikey.revoke.title", k.name()));
    dialog.add(new Paragraph(getTranslation("users.apikey.revoke.text")));
    Button yes =
        new Button(
            getTranslation("users.apikey.revoke"),
            e -> {
              dialog.close();
              try {
                client().revokeApiKey(k.id());
                Errors.success(getTranslation("users.apikey.revoked", k.name()));
              } catch (ApiProblem | ApiUnreachable ex) {
                Errors.show(ex);
              }
              load();
            });
    yes.setId("apikey-revoke-yes");
    yes.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
    Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
    dialog.getFooter().add(cancel, yes);
    dialog.open();
    cancel.focus();
  }

  private void openCreate() {
    Dialog dialog = new Dialog();
    dialog.setId("apikey-dialog");
    dialog.setHeaderTitle(getTranslation("users.apikey.new"));
    TextField name = new TextField(getTranslation("users.apikey.name"));
    name.setId("apikey-name");
    name.setHelperText(getTranslation("users.apikey.name.help"));
    Select<Role> role = new Select<>();
    role.setId("apikey-role");
    role.setLabel(getTranslation("users.grant.role"));
    role.setItemLabelGenerator(r -> r.name(getLocale()));
    role.setItems(roles.values().stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList());
    ScopePicker where = new ScopePicker("apikey", client());
    DatePicker expires = new DatePicker(getTranslation("users.apikey.expires"));
    expires.setId("apikey-expires");
    expires.setHelperText(getTranslation("users.apikey.expires.help"));
    Span problem = new Span();
    problem.setId("apikey-problem");
    problem.getStyle().set("color", "var(--lumo-error-text-color)");
    VerticalLayout form = new VerticalLayout(name, role, where, expires, problem);
    form.setPadding(false);
    dialog.add(form);
    Button create =
        new Button(
            getTranslation("users.create"),
            e -> {
              ZoneId zone = ZoneId.systemDefault();
              Instant until =
                  expires.getValue() == null
                      ? null
                      : expires.getValue().plusDays(1).atStartOfDay(zone).toInstant();
              try {
                ApiKey made =
                    client()
                        .createApiKey(
                            new ApiKey.Input(
                                name.getValue(),
                                role.getValue() == null ? null : role.getValue().code(),
                                where.scope(),
                                where.ids(),
                                until));
                dialog.close();
                showSecret(made);
                load();
              } catch (ApiProblem | ApiUnreachable ex) {
                problem.setText(Errors.message(ex));
              }
            });
    create.setId("apikey-create");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
    dialog.getFooter().add(cancel, create);
    dialog.open();
    name.focus();
  }

  /** The key's secret, once: the platform keeps only its hash. */
  private void showSecret(ApiKey made) {
    Dialog dialog = new Dialog();
    dialog.setId("apikey-secret-dialog");
    dialog.setHeaderTitle(getTranslation("users.apikey.secret.title", made.name()));
    Span secret = new Span(made.key());
    secret.setId("apikey-secret");
    secret
        .getStyle()
        .set("font-family", "monospace")
        .set("word-break", "break-all")
        .set("user-select", "all");
    dialog.add(
        new Paragraph(getTranslation("users.apikey.secret.text")),
        secret,
        new Paragraph(getTranslation("users.password.once")));
    Button done = new Button(getTranslation("action.close"), e -> dialog.close());
    done.setId("apikey-secret-done");
    done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    dialog.getFooter().add(done);
    dialog.open();
    done.focus();
  }

  /** The keys listed, for tests. */
  List<ApiKey> listed() {
    return grid.getListDataView().getItems().toList();
  }
}
