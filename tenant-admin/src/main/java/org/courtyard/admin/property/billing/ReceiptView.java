package org.courtyard.admin.property.billing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.ui.Errors;

/** A payment's receipt (收据) as the platform renders it, ready to print. */
@Route(value = "billing/payments/:paymentId/receipt", layout = PropertyLayout.class)
@PropertyScreen(
    order = 311,
    titleKey = "billing.receipt.title",
    permission = "billing.payment.read",
    menu = false)
public final class ReceiptView extends VerticalLayout
    implements HasDynamicTitle, BeforeEnterObserver {

  private final PrintableHtml receipt = new PrintableHtml("receipt");
  private final H2 title = new H2();

  public ReceiptView() {
    setId("billing-receipt");
    title.setText(getTranslation("billing.receipt.title"));
    Button back =
        new Button(
            getTranslation("billing.receipt.back"),
            e -> getUI().ifPresent(ui -> ui.navigate(CounterView.class)));
    back.setId("receipt-back");
    add(title, receipt, back);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    if (!PropertySession.signedIn()) {
      return;
    }
    long id = event.getRouteParameters().getLong("paymentId").orElse(0L);
    title.setText(getTranslation("billing.receipt.heading", id));
    try {
      receipt.show(new BillingClient(PropertySession.api()).receiptHtml(id));
    } catch (ApiProblem | ApiUnreachable e) {
      receipt.clear();
      Errors.show(e);
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("billing.receipt.title");
  }

  PrintableHtml receipt() {
    return receipt;
  }
}
