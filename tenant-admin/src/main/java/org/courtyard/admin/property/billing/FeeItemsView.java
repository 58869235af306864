package org.courtyard.admin.property.billing;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.stream.Collectors;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.api.StaffMe;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.ui.Errors;
import org.courtyard.admin.ui.Texts;

/**
 * Fee items (收费项目): what is charged, how and from when. Those who may change them for the whole
 * company (fee items affect every estate) create and edit them in a dialog; an edit sends the
 * version it read, so a change made meanwhile by someone else is refused, not overwritten.
 */
@Route(value = "billing/fee-items", layout = PropertyLayout.class)
@PropertyScreen(
    order = 330,
    titleKey = "billing.fees.title",
    icon = "TAGS",
    permission = "billing.fee-item.read")
public final class FeeItemsView extends VerticalLayout implements HasDynamicTitle {

  private final Grid<FeeItem> grid = new Grid<>();
  private final Button edit = new Button();
  private CursorDataProvider<FeeItem> items;

  public FeeItemsView() {
    setId("billing-fees");
    add(new H2(getTranslation("billing.fees.title")));
    if (mayManage()) {
      Button create =
          new Button(getTranslation("billing.fees.new"), VaadinIcon.PLUS.create(), e -> open(null));
      create.setId("fees-new");
      create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
      edit.setId("fees-edit");
      edit.setText(getTranslation("billing.fees.edit"));
      edit.setEnabled(false);
      edit.addClickListener(e -> grid.asSingleSelect().getOptionalValue().ifPresent(this::open));
      add(new HorizontalLayout(create, edit));
    }
    grid.setId("fees-grid");
    grid.addColumn(FeeItem::code).setHeader(getTranslation("billing.fee.code")).setAutoWidth(true);
    grid.addColumn(FeeItem::name).setHeader(getTranslation("billing.fee.name")).setAutoWidth(true);
    grid.addColumn(f -> Texts.state("billing.fee.kind.", f.kind()))
        .setHeader(getTranslation("billing.fee.kind"));
    grid.addColumn(f -> price(f))
        .setHeader(getTranslation("billing.fee.unitPrice"))
        .setTextAlign(ColumnTextAlign.END);
    grid.addColumn(f -> Texts.state("billing.fee.cycle.", f.cycle()))
        .setHeader(getTranslation("billing.fee.cycle"));
    grid.addColumn(
            f ->
                f.appliesToTypes() == null || f.appliesToTypes().isEmpty()
                    ? getTranslation("billing.fee.types.all")
                    : f.appliesToTypes().stream()
                        .map(t -> Texts.state("billing.fee.type.", t))
                        .collect(Collectors.joining(", ")))
        .setHeader(getTranslation("billing.fee.types"));
    grid.addColumn(FeeItem::effectiveFrom).setHeader(getTranslation("billing.fee.from"));
    grid.addColumn(f -> f.effectiveTo() == null ? "" : f.effectiveTo().toString())
        .setHeader(getTranslation("billing.fee.to"));
    grid.asSingleSelect().addValueChangeListener(e -> edit.setEnabled(e.getValue() != null));
    if (mayManage()) {
      grid.addItemDoubleClickListener(e -> open(e.getItem()));
    }
    add(grid);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn() && items == null) {
      items = new BillingClient(PropertySession.api()).feeItems();
      items.bind(grid);
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("billing.fees.title");
  }

  /** Fee items affect the whole company: the API refuses changes from anyone scoped narrower. */
  static boolean mayManage() {
    return PropertySession.scope("billing.fee-item.manage")
        .map(StaffMe.Held::companyWide)
        .orElse(false);
  }

  /** The item to edit read afresh (its version), or a new one when null. */
  private void open(FeeItem chosen) {
    FeeItem current = null;
    if (chosen != null) {
      try {
        current = new BillingClient(PropertySession.api()).feeItem(chosen.id());
      } catch (ApiProblem | ApiUnreachable e) {
        Errors.show(e);
        return;
      }
    }
    new FeeItemDialog(current, saved -> items.refresh()).open();
  }

  private String price(FeeItem f) {
    if (f.unitPrice() == null) {
      return "";
    }
    return Money.price(f.unitPrice(), getLocale())
        + ("metered".equals(f.kind()) && f.tiers() != null && f.tiers().size() > 1
            ? " " + getTranslation("billing.fee.tiered", f.tiers().size())
            : "");
  }

  Grid<FeeItem> grid() {
    return grid;
  }
}
