package org.courtyard.admin.property.modules;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import java.util.function.Supplier;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.ui.Background;
import org.courtyard.admin.ui.Errors;
import org.courtyard.admin.ui.Texts;

/**
 * The company's modules (模块开通): every module the platform offers, whether the company has it, and,
 * for those holding {@code identity.module.manage}, enable and disable within the plan the operator
 * sets. A module outside the plan is shown locked; one whose requirements are off says which to
 * enable first; one an enabled module requires cannot be disabled. Disabling asks first (its
 * screens disappear for everyone; its data is kept). The menu follows on the next page.
 */
@Route(value = "company/modules", layout = PropertyLayout.class)
@PropertyScreen(
    order = 700,
    titleKey = "companymodules.title",
    icon = "PUZZLE_PIECE",
    permission = "identity.tenant.read")
public final class CompanyModulesView extends VerticalLayout implements HasDynamicTitle {

  static final String MANAGE = "identity.module.manage";

  private final Grid<CompanyModule> grid = new Grid<>(CompanyModule.class, false);
  private final ProgressBar progress = new ProgressBar();
  private final Span working = new Span();
  private List<CompanyModule> modules = List.of();
  private boolean busy;

  public CompanyModulesView() {
    setId("company-modules");
    add(new H2(getTranslation("companymodules.title")));
    add(new Paragraph(getTranslation("companymodules.explain")));

    progress.setIndeterminate(true);
    progress.setWidth("12em");
    working.setId("company-modules-working");
    HorizontalLayout status = new HorizontalLayout(progress, working);
    status.setAlignItems(Alignment.CENTER);
    status.setVisible(false);
    status.setId("company-modules-status");
    add(status);

    grid.setId("company-modules-grid");
    grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
    grid.setAllRowsVisible(true);
    grid.addColumn(this::title)
        .setKey("title")
        .setHeader(getTranslation("companymodules.module"))
        .setAutoWidth(true);
    grid.addComponentColumn(this::state)
        .setKey("state")
        .setHeader(getTranslation("companymodules.state"))
        .setAutoWidth(true);
    grid.addColumn(m -> m.requires().isEmpty() ? "—" : String.join(", ", titles(m.requires())))
        .setKey("requires")
        .setHeader(getTranslation("companymodules.requires"))
        .setAutoWidth(true);
    if (PropertySession.signedIn() && PropertySession.can(MANAGE)) {
      grid.addComponentColumn(this::action).setKey("action").setHeader("").setAutoWidth(true);
    }
    add(grid);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn()) {
      load();
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("companymodules.title");
  }

  void load() {
    try {
      show(new CompanyModulesClient(PropertySession.api()).list());
    } catch (ApiProblem | ApiUnreachable e) {
      Errors.show(e);
    }
  }

  private void show(List<CompanyModule> list) {
    modules = list;
    grid.setItems(list);
  }

  /** The module's name in the user's language, from the texts, else the platform's title. */
  private String title(CompanyModule m) {
    String text = Texts.state("companymodules.name.", m.id());
    return text.equals(m.id()) && m.title() != null && !m.title().isBlank() ? m.title() : text;
  }

  private List<String> titles(List<String> ids) {
    return ids.stream()
        .map(
            id ->
                modules.stream()
                    .filter(m -> m.id().equals(id))
                    .findFirst()
                    .map(this::title)
                    .orElse(id))
        .toList();
  }

  private Component state(CompanyModule m) {
    Span s;
    if (m.enabled()) {
      s = new Span(getTranslation("companymodules.enabled"));
      s.getElement().getThemeList().add("badge success");
    } else if (!m.inPlan()) {
      s = new Span(VaadinIcon.LOCK.create(), new Span(getTranslation("companymodules.locked")));
      s.getElement().getThemeList().add("badge contrast");
    } else {
      s = new Span(getTranslation("companymodules.off"));
      s.getElement().getThemeList().add("badge");
    }
    s.setId("state-" + m.id());
    return s;
  }

  private Component action(CompanyModule m) {
    Button b;
    if (m.enabled()) {
      b = new Button(getTranslation("companymodules.disable"), e -> confirmDisable(m));
      if (!m.requiredBy().isEmpty()) {
        b.setEnabled(false);
        b.setTooltipText(
            getTranslation("companymodules.requiredBy", String.join(", ", titles(m.requiredBy()))));
      }
    } else {
      b = new Button(getTranslation("companymodules.enable"), e -> enable(m));
      b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      List<String> missing = m.missing(modules);
      if (!m.inPlan()) {
        b.setEnabled(false);
        b.setTooltipText(getTranslation("companymodules.notInPlan"));
      } else if (!missing.isEmpty()) {
        b.setEnabled(false);
        b.setTooltipText(
            getTranslation("companymodules.missing", String.join(", ", titles(missing))));
      }
    }
    b.setId((m.enabled() ? "disable-" : "enable-") + m.id());
    b.addThemeVariants(ButtonVariant.LUMO_SMALL);
    if (busy) {
      b.setEnabled(false);
    }
    return b;
  }

  private void enable(CompanyModule m) {
    CompanyModulesClient client = new CompanyModulesClient(PropertySession.api());
    change(
        () -> client.enable(m.id()),
        getTranslation("companymodules.enabling", title(m)),
        getTranslation("companymodules.done.enabled", title(m)));
  }

  private void confirmDisable(CompanyModule m) {
    Dialog dialog = new Dialog();
    dialog.setId("disable-dialog");
    dialog.setHeaderTitle(getTranslation("companymodules.confirm.title", title(m)));
    dialog.add(new Paragraph(getTranslation("companymodules.confirm.text")));
    CompanyModulesClient client = new CompanyModulesClient(PropertySession.api());
    Button yes =
        new Button(
            getTranslation("companymodules.disable"),
            e -> {
              dialog.close();
              change(
                  () -> client.disable(m.id()),
                  getTranslation("companymodules.disabling", title(m)),
                  getTranslation("companymodules.done.disabled", title(m)));
            });
    yes.setId("disable-confirm");
    yes.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
    Button no = new Button(getTranslation("companymodules.cancel"), e -> dialog.close());
    no.setId("disable-cancel");
    no.addClickShortcut(Key.ESCAPE);
    dialog.getFooter().add(no, yes);
    dialog.open();
    no.focus();
  }

  private void change(Supplier<List<CompanyModule>> work, String doing, String done) {
    busy = true;
    working.setText(doing);
    working.getParent().ifPresent(p -> p.setVisible(true));
    grid.getDataProvider().refreshAll();
    Background.run(
        work,
        list -> {
          show(list);
          PropertySession.refreshModules();
          PropertyLayout layout = findAncestor(PropertyLayout.class);
          if (layout != null) {
            layout.refreshMenu();
          }
          Errors.success(done);
        },
        failure -> load(),
        () -> {
          busy = false;
          working.getParent().ifPresent(p -> p.setVisible(false));
          grid.getDataProvider().refreshAll();
        });
  }
}
