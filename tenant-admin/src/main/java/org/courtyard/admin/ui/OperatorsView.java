package org.courtyard.admin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import org.courtyard.admin.api.CreatedOperator;
import org.courtyard.admin.api.OperatorAccount;
import org.courtyard.admin.api.OperatorApi;

/**
 * The operator accounts: who may run the platform (owners) and who may only look (support), with
 * their status and whether they sign in with a second factor. Owners create accounts (the first
 * password shown once), disable and enable them, and reset a lost second factor; a support account
 * sees the list only.
 */
@Route(value = "operators", layout = MainLayout.class)
public final class OperatorsView extends VerticalLayout implements HasDynamicTitle {

  private final OperatorApi api = ConsoleSession.requireApi();
  private final boolean readOnly = ConsoleSession.readOnly();
  private final Grid<OperatorAccount> grid = new Grid<>(OperatorAccount.class, false);
  private final TextField username = new TextField();
  private final RadioButtonGroup<String> role = new RadioButtonGroup<>();
  private final Div result = new Div();

  public OperatorsView() {
    setSizeFull();
    add(new H2(getTranslation("operators.title")));
    if (readOnly) {
      Paragraph note = new Paragraph(getTranslation("operators.readOnly"));
      note.setId("operators-read-only");
      add(note);
    }

    grid.setId("operators");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(OperatorAccount::username)
        .setKey("username")
        .setHeader(getTranslation("operators.username"))
        .setAutoWidth(true);
    grid.addColumn(o -> Texts.state("operators.role.", o.role()))
        .setKey("role")
        .setHeader(getTranslation("operators.role"))
        .setAutoWidth(true);
    grid.addColumn(o -> Texts.state("status.", o.status()))
        .setKey("status")
        .setHeader(getTranslation("operators.status"))
        .setAutoWidth(true);
    grid.addColumn(o -> getTranslation(o.totp() ? "operators.totp.on" : "operators.totp.off"))
        .setKey("totp")
        .setHeader(getTranslation("operators.totp"))
        .setAutoWidth(true);
    grid.addColumn(o -> o.createdAt() == null ? "" : TenantsView.CREATED.format(o.createdAt()))
        .setKey("created")
        .setHeader(getTranslation("operators.created"))
        .setAutoWidth(true);
    if (!readOnly) {
      grid.addComponentColumn(this::actions)
          .setKey("actions")
          .setHeader(getTranslation("tenants.actions"))
          .setAutoWidth(true);
    }
    grid.setAllRowsVisible(true);
    Button refresh = new Button(getTranslation("action.refresh"), e -> refresh());
    refresh.setId("operators-refresh");
    add(refresh, grid);

    if (!readOnly) {
      add(createForm(), result);
    }
    refresh();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("operators.title");
  }

  private Component createForm() {
    username.setId("operator-username");
    username.setLabel(getTranslation("operators.username"));
    username.setHelperText(getTranslation("operators.username.rule"));
    role.setId("operator-role");
    role.setLabel(getTranslation("operators.role"));
    role.setItems(OperatorAccount.SUPPORT, OperatorAccount.OWNER);
    role.setItemLabelGenerator(r -> Texts.state("operators.role.", r));
    role.setValue(OperatorAccount.SUPPORT);
    Button create = new Button(getTranslation("operators.create"), e -> create());
    create.setId("operator-create");
    create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    HorizontalLayout row = new HorizontalLayout(username, role, create);
    row.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
    return new VerticalLayout(new H3(getTranslation("operators.create.title")), row);
  }

  private Component actions(OperatorAccount o) {
    HorizontalLayout actions = new HorizontalLayout();
    Button toggle =
        o.active()
            ? new Button(getTranslation("operators.disable"), e -> disable(o))
            : new Button(getTranslation("operators.enable"), e -> enable(o));
    toggle.setId((o.active() ? "disable-" : "enable-") + o.username());
    toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
    actions.add(toggle);
    if (o.totp()) {
      Button reset = new Button(getTranslation("operators.totp.reset"), e -> confirmReset(o));
      reset.setId("reset-totp-" + o.username());
      reset.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
      actions.add(reset);
    }
    return actions;
  }

  void refresh() {
    try {
      List<OperatorAccount> accounts = api.operators();
      grid.setItems(accounts);
    } catch (RuntimeException e) {
      Errors.show(e);
    }
  }

  private void create() {
    try {
      CreatedOperator created = api.createOperator(username.getValue(), role.getValue());
      result.removeAll();
      H3 title = new H3(getTranslation("operators.password.title", created.account().username()));
      Span password = new Span(created.password());
      password.setId("operator-password");
      password
          .getStyle()
          .set("font-family", "monospace")
          .set("font-size", "var(--lumo-font-size-l)")
          .set("user-select", "all");
      Paragraph once = new Paragraph(getTranslation("operators.password.once"));
      result.add(title, password, once);
      username.clear();
      Errors.success(getTranslation("operators.created.note", created.account().username()));
      refresh();
    } catch (RuntimeException e) {
      Errors.show(e);
    }
  }

  private void disable(OperatorAccount o) {
    try {
      api.disableOperator(o.username());
      Errors.success(getTranslation("operators.disabled", o.username()));
    } catch (RuntimeException e) {
      // 409 last-owner: the problem's detail says what to do
      Errors.show(e);
    }
    refresh();
  }

  private void enable(OperatorAccount o) {
    try {
      api.enableOperator(o.username());
      Errors.success(getTranslation("operators.enabled", o.username()));
    } catch (RuntimeException e) {
      Errors.show(e);
    }
    refresh();
  }

  private void confirmReset(OperatorAccount o) {
    Dialog dialog = new Dialog();
    dialog.setHeaderTitle(getTranslation("operators.totp.reset.title", o.username()));
    dialog.add(new Paragraph(getTranslation("operators.totp.reset.explain", o.username())));
    Button reset =
        new Button(
            getTranslation("operators.totp.reset"),
            e -> {
              dialog.close();
              try {
                api.resetOperatorTotp(o.username());
                Errors.success(getTranslation("operators.totp.resetDone", o.username()));
              } catch (RuntimeException ex) {
                Errors.show(ex);
              }
              refresh();
            });
    reset.setId("reset-totp-confirm");
    reset.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
    dialog.getFooter().add(cancel, reset);
    dialog.open();
  }

  /** The accounts as the grid lists them, for tests. */
  List<OperatorAccount> listed() {
    return grid.getListDataView().getItems().toList();
  }
}
