package org.courtyard.admin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.courtyard.admin.api.ModuleChange;
import org.courtyard.admin.api.ModuleInfo;
import org.courtyard.admin.api.OperatorApi;
import org.courtyard.admin.api.Tenant;

/**
 * Modules per tenant: switch each on or off. A module whose requirements are not enabled cannot be
 * switched on (the button says which to enable first), and one that an enabled module requires
 * cannot be switched off; each operation's outcome is listed. The tenant's plan (套餐) says which
 * modules it may enable, the operator here or the company itself in its console: every module, or
 * the ones ticked; a module outside the plan cannot be switched on. Below: the module versions in
 * the container.
 */
@Route(value = "modules", layout = MainLayout.class)
public final class ModulesView extends VerticalLayout
    implements BeforeEnterObserver, HasDynamicTitle {

  private final OperatorApi api = ConsoleSession.requireApi();

  private final ComboBox<Tenant> tenant = new ComboBox<>();
  private final Checkbox everyModule = new Checkbox();
  private final Grid<ModuleInfo> perTenant = new Grid<>(ModuleInfo.class, false);
  private final VerticalLayout outcomes = new VerticalLayout();
  private final Grid<ModuleInfo> installed = new Grid<>(ModuleInfo.class, false);
  private List<ModuleInfo> catalogue = List.of();
  private Modules rules = new Modules(List.of());
  private boolean busy;

  public ModulesView() {
    add(new H2(getTranslation("modules.title")));

    tenant.setId("module-tenant");
    tenant.setLabel(getTranslation("modules.tenant"));
    tenant.setItemLabelGenerator(t -> t.slug() + " — " + t.name());
    tenant.setWidth("24em");
    tenant.addValueChangeListener(e -> showTenant());
    add(tenant);

    everyModule.setId("plan-open");
    everyModule.setLabel(getTranslation("modules.plan.open"));
    everyModule.setHelperText(getTranslation("modules.plan.explain"));
    everyModule.addValueChangeListener(
        e -> {
          Tenant t = tenant.getValue();
          if (e.isFromClient() && t != null) {
            setPlan(t, e.getValue() ? null : new ArrayList<>(t.modules()));
          }
        });
    everyModule.setVisible(false);
    add(everyModule);

    perTenant.setId("tenant-modules");
    // the titles wrap within the width left over, so the switches stay on screen however many
    // modules the container has and however long their titles are
    perTenant.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    perTenant.setAllRowsVisible(true);
    perTenant
        .addColumn(ModuleInfo::title)
        .setKey("title")
        .setHeader(getTranslation("modules.module"))
        .setWidth("16em")
        .setFlexGrow(1);
    perTenant.addColumn(ModuleInfo::id).setKey("id").setHeader("ID").setAutoWidth(true);
    perTenant
        .addColumn(m -> m.requires().isEmpty() ? "—" : String.join(", ", m.requires()))
        .setKey("requires")
        .setHeader(getTranslation("modules.requires"))
        .setAutoWidth(true);
    perTenant
        .addColumn(m -> getTranslation(enabled(m) ? "modules.on" : "modules.off"))
        .setKey("state")
        .setHeader(getTranslation("modules.state"))
        .setAutoWidth(true);
    perTenant
        .addComponentColumn(this::planBox)
        .setKey("plan")
        .setHeader(getTranslation("modules.plan"))
        .setAutoWidth(true);
    perTenant
        .addComponentColumn(this::switchButton)
        .setKey("switch")
        .setHeader("")
        .setAutoWidth(true);
    perTenant.setVisible(false);
    add(perTenant);

    outcomes.setId("module-outcomes");
    outcomes.setPadding(false);
    outcomes.setSpacing(false);
    add(new H3(getTranslation("modules.outcomes")), outcomes);

    installed.setId("installed-modules");
    installed.addThemeVariants(GridVariant.LUMO_COMPACT);
    installed.setAllRowsVisible(true);
    installed.addColumn(ModuleInfo::id).setKey("id").setHeader("ID").setAutoWidth(true);
    installed
        .addColumn(ModuleInfo::title)
        .setKey("title")
        .setHeader(getTranslation("modules.module"))
        .setAutoWidth(true);
    installed
        .addColumn(m -> m.version() == null ? "—" : m.version())
        .setKey("version")
        .setHeader(getTranslation("modules.version"))
        .setAutoWidth(true);
    installed
        .addColumn(
            m -> getTranslation(m.installed() ? "modules.installed.yes" : "modules.installed.no"))
        .setKey("installed")
        .setHeader(getTranslation("modules.installed"))
        .setAutoWidth(true);
    installed
        .addColumn(m -> m.requires().isEmpty() ? "—" : String.join(", ", m.requires()))
        .setKey("requires")
        .setHeader(getTranslation("modules.requires"))
        .setAutoWidth(true);
    installed
        .addColumn(ModuleInfo::description)
        .setKey("description")
        .setHeader(getTranslation("modules.description"));
    add(
        new H3(getTranslation("modules.container")),
        new Paragraph(getTranslation("modules.container.explain")),
        installed);

    load();
  }

  @Override
  public String getPageTitle() {
    return getTranslation("modules.title");
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    List<String> wanted = event.getLocation().getQueryParameters().getParameters().get("tenant");
    if (wanted != null && !wanted.isEmpty()) {
      select(wanted.get(0));
    }
  }

  void select(String slug) {
    tenant
        .getListDataView()
        .getItems()
        .filter(t -> t.slug().equals(slug))
        .findFirst()
        .ifPresent(tenant::setValue);
  }

  private void load() {
    try {
      catalogue = api.modules();
      rules = new Modules(catalogue);
      installed.setItems(catalogue);
      String current = Optional.ofNullable(tenant.getValue()).map(Tenant::slug).orElse(null);
      List<Tenant> tenants = api.tenants();
      tenant.setItems(tenants);
      if (current != null) {
        tenants.stream()
            .filter(t -> t.slug().equals(current))
            .findFirst()
            .ifPresent(tenant::setValue);
      }
    } catch (RuntimeException e) {
      Errors.show(e);
    }
    showTenant();
  }

  private void showTenant() {
    Tenant t = tenant.getValue();
    everyModule.setVisible(t != null);
    if (t != null) {
      everyModule.setValue(t.plan() == null);
    }
    perTenant.setVisible(t != null);
    perTenant.setItems(tenant.getValue() == null ? List.of() : catalogue);
  }

  private boolean enabled(ModuleInfo m) {
    return tenant.getValue() != null && tenant.getValue().modules().contains(m.id());
  }

  private Component planBox(ModuleInfo m) {
    Tenant t = tenant.getValue();
    if (t == null) {
      return new Span();
    }
    Checkbox box = new Checkbox(t.planAllows(m.id()));
    box.setId("plan-" + m.id());
    box.setAriaLabel(getTranslation("modules.plan") + " " + m.id());
    box.setEnabled(t.plan() != null && !busy && !t.modules().contains(m.id()));
    if (t.modules().contains(m.id()) && t.plan() != null) {
      box.setTooltipText(getTranslation("modules.plan.enabled"));
    }
    box.addValueChangeListener(
        e -> {
          List<String> plan = new ArrayList<>(t.plan());
          if (e.getValue()) {
            plan.add(m.id());
          } else {
            plan.remove(m.id());
          }
          setPlan(t, plan);
        });
    return box;
  }

  private void setPlan(Tenant t, List<String> plan) {
    try {
      Tenant changed = api.setPlan(t.slug(), plan);
      outcome(
          changed.plan() == null
              ? getTranslation("modules.plan.setOpen", t.slug())
              : getTranslation(
                  "modules.plan.set",
                  t.slug(),
                  changed.plan().isEmpty() ? "—" : String.join(", ", changed.plan())),
          false);
    } catch (RuntimeException e) {
      Errors.show(e);
    }
    load();
  }

  private Component switchButton(ModuleInfo m) {
    Tenant t = tenant.getValue();
    if (t == null) {
      return new Span();
    }
    Button b;
    if (enabled(m)) {
      b = new Button(getTranslation("modules.disable"), e -> change(t, m, false));
      List<String> requiredBy = rules.requiredBy(m.id(), t.modules());
      if (!requiredBy.isEmpty()) {
        b.setEnabled(false);
        b.setTooltipText(getTranslation("modules.requiredBy", String.join(", ", requiredBy)));
      }
    } else {
      b = new Button(getTranslation("modules.enable"), e -> change(t, m, true));
      b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      List<String> missing = rules.missing(m.id(), t.modules());
      if (!t.planAllows(m.id())) {
        b.setEnabled(false);
        b.setTooltipText(getTranslation("modules.notInPlan"));
      } else if (!missing.isEmpty()) {
        b.setEnabled(false);
        b.setTooltipText(getTranslation("modules.missing", String.join(", ", missing)));
      }
    }
    b.setId((enabled(m) ? "disable-" : "enable-") + m.id());
    b.addThemeVariants(ButtonVariant.LUMO_SMALL);
    if (busy) {
      b.setEnabled(false);
    }
    return b;
  }

  private void change(Tenant t, ModuleInfo m, boolean enable) {
    busy = true;
    perTenant.getDataProvider().refreshAll();
    Background.run(
        () -> enable ? api.enableModule(t.slug(), m.id()) : api.disableModule(t.slug(), m.id()),
        this::changed,
        failure -> outcome(getTranslation("modules.failed", m.id(), t.slug(), failure), true),
        () -> {
          busy = false;
          load();
        });
    String key = enable ? "modules.enabling" : "modules.disabling";
    Errors.info(getTranslation(key, m.id(), t.slug()));
  }

  private void changed(ModuleChange c) {
    outcome(
        getTranslation(
            c.enabled() ? "modules.enabled" : "modules.disabled",
            c.module(),
            c.tenant().slug(),
            String.valueOf(c.tookMs())),
        false);
  }

  /** Adds a line at the top of the outcome list. */
  void outcome(String text, boolean failure) {
    Span line = new Span(text);
    line.addClassName(failure ? "outcome-failure" : "outcome-success");
    line.getStyle()
        .set("color", failure ? "var(--lumo-error-text-color)" : "var(--lumo-success-text-color)");
    outcomes.addComponentAsFirst(line);
  }
}
