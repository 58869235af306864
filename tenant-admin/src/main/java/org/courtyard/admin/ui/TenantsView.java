package org.courtyard.admin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.courtyard.admin.api.CreatedTenant;
import org.courtyard.admin.api.ModuleInfo;
import org.courtyard.admin.api.OperatorApi;
import org.courtyard.admin.api.SlugRule;
import org.courtyard.admin.api.Tenant;

/**
 * The property companies: search, onboard (with live slug check and progress), suspend, resume and
 * offboard with a typed confirmation.
 */
@Route(value = "", layout = MainLayout.class)
public final class TenantsView extends VerticalLayout implements HasDynamicTitle {

  static final DateTimeFormatter CREATED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneId.systemDefault());

  private final OperatorApi api = ConsoleSession.requireApi();

  private final TextField search = new TextField();
  private final Grid<Tenant> grid = new Grid<>(Tenant.class, false);
  private List<Tenant> tenants = List.of();

  private final TextField slug = new TextField();
  private final TextField name = new TextField();
  private final CheckboxGroup<ModuleInfo> modules = new CheckboxGroup<>();
  private final Span requirementNote = new Span();
  private final Button onboard = new Button();
  private final ProgressBar progress = new ProgressBar();
  private final Div result = new Div();
  private Modules catalogue = new Modules(List.of());

  public TenantsView() {
    setSizeFull();
    add(new H2(getTranslation("tenants.title")));

    search.setId("tenant-search");
    search.setPlaceholder(getTranslation("tenants.search"));
    search.setClearButtonVisible(true);
    search.setValueChangeMode(ValueChangeMode.EAGER);
    search.addValueChangeListener(e -> applyFilter());
    search.setWidth("20em");
    Button refresh = new Button(getTranslation("action.refresh"), e -> refresh());
    refresh.setId("tenants-refresh");
    add(new HorizontalLayout(search, refresh));

    grid.setId("tenants");
    // long names and module lists wrap, so the actions stay on screen
    grid.addThemeVariants(
        GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.addColumn(Tenant::slug)
        .setKey("slug")
        .setHeader(getTranslation("tenants.slug"))
        .setAutoWidth(true);
    grid.addColumn(Tenant::name)
        .setKey("name")
        .setHeader(getTranslation("tenants.name"))
        .setWidth("12em")
        .setFlexGrow(1);
    grid.addColumn(this::statusText)
        .setKey("status")
        .setHeader(getTranslation("tenants.status"))
        .setAutoWidth(true);
    grid.addColumn(t -> String.join(", ", t.modules()))
        .setKey("modules")
        .setHeader(getTranslation("tenants.modules"))
        .setWidth("14em")
        .setFlexGrow(1);
    grid.addColumn(t -> t.createdAt() == null ? "" : CREATED.format(t.createdAt()))
        .setKey("created")
        .setHeader(getTranslation("tenants.created"))
        .setAutoWidth(true);
    grid.addComponentColumn(this::actions)
        .setKey("actions")
        .setHeader(getTranslation("tenants.actions"))
        .setAutoWidth(true);
    grid.setMinHeight("12em");
    add(grid);
    setFlexGrow(1, grid);

    add(onboardForm());
    refresh();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("tenants.title");
  }

  private Component onboardForm() {
    slug.setId("onboard-slug");
    slug.setLabel(getTranslation("tenants.slug"));
    slug.setHelperText(getTranslation("tenants.slug.rule"));
    slug.setValueChangeMode(ValueChangeMode.EAGER);
    slug.addValueChangeListener(e -> validate());
    slug.setMaxLength(40);

    name.setId("onboard-name");
    name.setLabel(getTranslation("tenants.name"));
    name.setValueChangeMode(ValueChangeMode.EAGER);
    name.addValueChangeListener(e -> validate());
    name.setMaxLength(200);

    modules.setId("onboard-modules");
    modules.setLabel(getTranslation("tenants.modules"));
    modules.setItemLabelGenerator(m -> m.title() + " (" + m.id() + ")");
    modules.addValueChangeListener(
        e -> {
          if (e.isFromClient() || !e.getValue().equals(e.getOldValue())) {
            addRequirements(e.getValue());
          }
        });
    requirementNote.setId("onboard-requirements");
    requirementNote.getStyle().set("font-size", "var(--lumo-font-size-s)");

    onboard.setText(getTranslation("tenants.onboard"));
    onboard.setId("onboard");
    onboard.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    onboard.setEnabled(false);
    onboard.addClickListener(e -> startOnboarding());

    progress.setId("onboard-progress");
    progress.setIndeterminate(true);
    progress.setVisible(false);
    result.setId("onboard-result");

    FormLayout form = new FormLayout(slug, name, modules);
    form.setColspan(modules, 2);
    VerticalLayout box =
        new VerticalLayout(
            new H3(getTranslation("tenants.onboard.title")),
            form,
            requirementNote,
            new HorizontalLayout(onboard),
            progress,
            result);
    box.setPadding(false);
    box.setSpacing(false);
    box.setMaxWidth("60em");
    return box;
  }

  // ----------------------------------------------------------------------------- listing

  void refresh() {
    try {
      tenants = api.tenants();
      List<ModuleInfo> available = api.modules();
      catalogue = new Modules(available);
      Set<ModuleInfo> selected = modules.getValue();
      modules.setItems(available);
      modules.setValue(
          new LinkedHashSet<>(
              available.stream()
                  .filter(m -> selected.stream().anyMatch(s -> s.id().equals(m.id())))
                  .toList()));
    } catch (RuntimeException e) {
      Errors.show(e);
    }
    applyFilter();
    validate();
  }

  private void applyFilter() {
    String q = search.getValue() == null ? "" : search.getValue().strip().toLowerCase(Locale.ROOT);
    grid.setItems(
        tenants.stream()
            .filter(
                t ->
                    q.isEmpty()
                        || t.slug().toLowerCase(Locale.ROOT).contains(q)
                        || (t.name() != null && t.name().toLowerCase(Locale.ROOT).contains(q)))
            .toList());
  }

  private String statusText(Tenant t) {
    String status = Texts.state("status.", t.status());
    return t.statusReason() == null || t.statusReason().isBlank()
        ? status
        : status + " (" + t.statusReason() + ")";
  }

  private Component actions(Tenant t) {
    Button modulesLink =
        new Button(
            getTranslation("nav.modules"),
            e ->
                getUI()
                    .ifPresent(
                        ui ->
                            ui.navigate(
                                ModulesView.class, QueryParameters.of("tenant", t.slug()))));
    modulesLink.setId("modules-" + t.slug());
    modulesLink.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
    Button toggle;
    if (t.suspended()) {
      toggle = new Button(getTranslation("tenants.resume"), e -> resume(t));
      toggle.setId("resume-" + t.slug());
    } else {
      toggle = new Button(getTranslation("tenants.suspend"), e -> suspendDialog(t).open());
      toggle.setId("suspend-" + t.slug());
    }
    toggle.addThemeVariants(ButtonVariant.LUMO_SMALL);
    Button offboard = new Button(getTranslation("tenants.offboard"), e -> offboardDialog(t).open());
    offboard.setId("offboard-" + t.slug());
    offboard.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
    HorizontalLayout row = new HorizontalLayout(modulesLink, toggle, offboard);
    row.setSpacing(true);
    return row;
  }

  // --------------------------------------------------------------------------- onboarding

  /** The slug rule and the name, as the operator types; the button only when both are right. */
  boolean validate() {
    String s = slug.getValue();
    boolean slugOk = SlugRule.isValid(s);
    if (s == null || s.isEmpty()) {
      slug.setInvalid(false);
    } else if (!slugOk) {
      slug.setErrorMessage(getTranslation("tenants.slug.invalid"));
      slug.setInvalid(true);
    } else if (tenants.stream().anyMatch(t -> t.slug().equals(s))) {
      slug.setErrorMessage(getTranslation("tenants.slug.taken", s));
      slug.setInvalid(true);
      slugOk = false;
    } else {
      slug.setInvalid(false);
    }
    boolean nameOk = name.getValue() != null && !name.getValue().isBlank();
    boolean ok = slugOk && nameOk && !progress.isVisible();
    onboard.setEnabled(ok);
    return ok;
  }

  /** Requirements come along: choosing billing also chooses estate, and says so. */
  private void addRequirements(Set<ModuleInfo> chosen) {
    Set<String> ids = new LinkedHashSet<>();
    chosen.forEach(m -> ids.add(m.id()));
    Set<String> all = catalogue.withRequirements(ids);
    List<String> added = new ArrayList<>(all);
    added.removeAll(ids);
    if (!added.isEmpty()) {
      List<ModuleInfo> items = modules.getListDataView().getItems().toList();
      modules.setValue(
          new LinkedHashSet<>(items.stream().filter(m -> all.contains(m.id())).toList()));
      requirementNote.setText(
          getTranslation("tenants.requirements.added", String.join(", ", added)));
    }
  }

  private void startOnboarding() {
    if (!validate()) {
      return;
    }
    String s = slug.getValue();
    String n = name.getValue().strip();
    List<String> chosen = modules.getValue().stream().map(ModuleInfo::id).toList();
    progress.setVisible(true);
    onboard.setEnabled(false);
    result.setText(getTranslation("tenants.onboarding", s));
    Background.run(
        () -> api.onboard(s, n, chosen),
        this::onboarded,
        () -> {
          progress.setVisible(false);
          if (result.getText().equals(getTranslation("tenants.onboarding", s))) {
            result.setText("");
          }
          validate();
        });
  }

  private void onboarded(CreatedTenant created) {
    result.setText(
        getTranslation(
            "tenants.onboarded",
            created.tenant().slug(),
            String.valueOf(created.tookMs()),
            String.join(", ", created.tenant().modules())));
    slug.clear();
    name.clear();
    modules.clear();
    requirementNote.setText("");
    tokenDialog(created).open();
    refresh();
  }

  private Dialog tokenDialog(CreatedTenant created) {
    Dialog d = new Dialog();
    d.setId("token-dialog");
    d.setHeaderTitle(getTranslation("tenants.token.title", created.tenant().slug()));
    TextField token = new TextField();
    token.setId("admin-token");
    token.setReadOnly(true);
    token.setValue(created.adminToken());
    token.setWidth("36em");
    d.add(new Paragraph(getTranslation("tenants.token.once")), token);
    Button close = new Button(getTranslation("action.close"), e -> d.close());
    close.setId("token-close");
    d.getFooter().add(close);
    d.setCloseOnOutsideClick(false);
    return d;
  }

  // ---------------------------------------------------------------------- suspend / resume

  private Dialog suspendDialog(Tenant t) {
    Dialog d = new Dialog();
    d.setId("suspend-dialog");
    d.setHeaderTitle(getTranslation("tenants.suspend.title", t.slug()));
    TextField reason = new TextField(getTranslation("tenants.suspend.reason"));
    reason.setId("suspend-reason");
    reason.setWidth("28em");
    d.add(new Paragraph(getTranslation("tenants.suspend.explain")), reason);
    Button confirm =
        new Button(
            getTranslation("tenants.suspend"),
            e -> {
              try {
                Tenant after = api.suspend(t.slug(), reason.getValue());
                d.close();
                Errors.success(getTranslation("tenants.suspended", after.slug()));
              } catch (RuntimeException ex) {
                Errors.show(ex);
              }
              refresh();
            });
    confirm.setId("suspend-confirm");
    confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    d.getFooter().add(new Button(getTranslation("action.cancel"), e -> d.close()), confirm);
    return d;
  }

  private void resume(Tenant t) {
    try {
      Tenant after = api.resume(t.slug());
      Errors.success(getTranslation("tenants.resumed", after.slug()));
    } catch (RuntimeException e) {
      Errors.show(e);
    }
    refresh();
  }

  // ------------------------------------------------------------------------------ offboard

  private Dialog offboardDialog(Tenant t) {
    Dialog d = new Dialog();
    d.setId("offboard-dialog");
    d.setHeaderTitle(getTranslation("tenants.offboard.title", t.slug()));
    TextField confirmText = new TextField(getTranslation("tenants.offboard.type", t.slug()));
    confirmText.setId("offboard-confirm-text");
    confirmText.setValueChangeMode(ValueChangeMode.EAGER);
    confirmText.setWidth("28em");
    Button delete = new Button(getTranslation("tenants.offboard"));
    delete.setId("offboard-confirm");
    delete.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
    delete.setEnabled(false);
    confirmText.addValueChangeListener(e -> delete.setEnabled(t.slug().equals(e.getValue())));
    delete.addClickListener(
        e -> {
          try {
            api.offboard(t.slug(), confirmText.getValue());
            d.close();
            Errors.success(getTranslation("tenants.offboarded", t.slug()));
          } catch (RuntimeException ex) {
            Errors.show(ex);
          }
          refresh();
        });
    Paragraph warning =
        new Paragraph(getTranslation("tenants.offboard.warning", t.slug(), t.name()));
    warning.getStyle().set("color", "var(--lumo-error-text-color)");
    d.add(warning, confirmText);
    d.getFooter().add(new Button(getTranslation("action.cancel"), e -> d.close()), delete);
    return d;
  }
}
