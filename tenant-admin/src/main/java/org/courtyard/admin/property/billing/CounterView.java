package org.courtyard.admin.property.billing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import java.math.BigDecimal;
import java.util.List;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.ui.Errors;
import org.courtyard.admin.ui.Texts;

/**
 * The counter (收银台): a payment for a room, paying its open bills oldest first with the rest kept as
 * prepayment, and, for those allowed, a refund out of the prepayment. What was booked is shown with
 * the bills it paid and a way to print the receipt. Opened from a bill, the room and the amount
 * owed are filled in ({@code ?roomId=..&amount=..}).
 */
@Route(value = "billing/counter", layout = PropertyLayout.class)
@PropertyScreen(
    order = 310,
    titleKey = "billing.counter.title",
    icon = "CASH",
    permission = "billing.payment.create")
public final class CounterView extends VerticalLayout
    implements HasDynamicTitle, BeforeEnterObserver {

  static final List<String> PAYMENT_METHODS = List.of("cash", "bank", "wechat", "alipay");
  static final List<String> REFUND_METHODS = List.of("cash", "bank");

  private final MoneyForm payment;
  private final MoneyForm refund;
  private final VerticalLayout result = new VerticalLayout();

  public CounterView() {
    setId("billing-counter");
    add(new H2(getTranslation("billing.counter.title")));
    payment =
        new MoneyForm(
            "payment", PAYMENT_METHODS, getTranslation("billing.payment.submit"), this::pay);
    add(new H3(getTranslation("billing.payment.title")), payment);
    if (PropertySession.can("billing.refund.create")) {
      refund =
          new MoneyForm(
              "refund", REFUND_METHODS, getTranslation("billing.refund.submit"), this::refund);
      add(new H3(getTranslation("billing.refund.title")), refund);
    } else {
      refund = null;
    }
    result.setId("counter-result");
    result.setPadding(false);
    result.setVisible(false);
    addComponentAtIndex(1, result);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    var q = event.getLocation().getQueryParameters().getParameters();
    Long roomId = first(q.get("roomId"));
    BigDecimal amount = null;
    List<String> a = q.get("amount");
    if (a != null && !a.isEmpty()) {
      try {
        amount = new BigDecimal(a.get(0));
      } catch (NumberFormatException e) {
        amount = null;
      }
    }
    if (roomId != null || amount != null) {
      payment.fill(roomId, amount);
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("billing.counter.title");
  }

  private void pay(long roomId, BigDecimal amount, String method, String key) {
    Payment p = client().pay(roomId, amount, method, key);
    showPayment(p);
  }

  private void refund(long roomId, BigDecimal amount, String method, String key) {
    Refund r = client().refund(roomId, amount, method, key);
    result.removeAll();
    result.setVisible(true);
    Paragraph done =
        new Paragraph(
            getTranslation(
                "billing.refund.done",
                r.id(),
                Money.format(r.amount(), r.currency(), getLocale()),
                r.roomId(),
                Texts.state("billing.method.", r.method()),
                Money.format(r.prepaymentBalance(), r.currency(), getLocale())));
    done.setId("refund-done");
    Button next = new Button(getTranslation("billing.refund.next"), e -> clear(refund));
    next.setId("refund-next");
    result.add(done, next);
    Errors.success(done.getText());
  }

  private void showPayment(Payment p) {
    result.removeAll();
    result.setVisible(true);
    Paragraph done =
        new Paragraph(
            getTranslation(
                "billing.payment.done",
                p.id(),
                Money.format(p.amount(), p.currency(), getLocale()),
                p.roomId(),
                Texts.state("billing.method.", p.method())));
    done.setId("payment-done");
    result.add(done);
    if (!p.applied().isEmpty()) {
      Grid<Payment.Applied> applied = new Grid<>();
      applied.setId("payment-applied");
      applied.setAllRowsVisible(true);
      applied.addColumn(Payment.Applied::billId).setHeader(getTranslation("billing.bill.id"));
      applied.addColumn(Payment.Applied::period).setHeader(getTranslation("billing.period"));
      applied
          .addColumn(x -> Money.format(x.amount(), p.currency(), getLocale()))
          .setHeader(getTranslation("billing.payment.applied"))
          .setTextAlign(ColumnTextAlign.END);
      applied
          .addColumn(x -> Money.format(x.billOutstanding(), p.currency(), getLocale()))
          .setHeader(getTranslation("billing.bill.outstanding"))
          .setTextAlign(ColumnTextAlign.END);
      applied.setItems(p.applied());
      result.add(applied);
    }
    if (p.toPrepayment() != null && p.toPrepayment().signum() > 0) {
      Paragraph prepaid =
          new Paragraph(
              getTranslation(
                  "billing.payment.prepaid",
                  Money.format(p.toPrepayment(), p.currency(), getLocale()),
                  Money.format(p.prepaymentBalance(), p.currency(), getLocale())));
      prepaid.setId("payment-prepaid");
      result.add(prepaid);
    }
    HorizontalLayout actions = new HorizontalLayout();
    if (PropertySession.can("billing.payment.read")) {
      Button print =
          new Button(
              getTranslation("billing.receipt.print"),
              e ->
                  getUI()
                      .ifPresent(
                          ui ->
                              ui.navigate(
                                  ReceiptView.class,
                                  new RouteParameters("paymentId", String.valueOf(p.id())))));
      print.setId("payment-receipt");
      actions.add(print);
    }
    Button next = new Button(getTranslation("billing.payment.next"), e -> clear(payment));
    next.setId("payment-next");
    actions.add(next);
    result.add(actions);
    Errors.success(done.getText());
  }

  /** Ready for the next person at the counter: a new action. */
  private void clear(MoneyForm form) {
    form.reset();
    result.removeAll();
    result.setVisible(false);
  }

  private static BillingClient client() {
    return new BillingClient(PropertySession.api());
  }

  private static Long first(List<String> values) {
    if (values == null || values.isEmpty()) {
      return null;
    }
    try {
      long v = Long.parseLong(values.get(0));
      return v > 0 ? v : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  MoneyForm paymentForm() {
    return payment;
  }

  MoneyForm refundForm() {
    return refund;
  }
}
