package org.courtyard.admin.property.billing;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.ui.Errors;

/**
 * Statements (对账单) to print: a room's bills, payments and balance, or a resident's over all their
 * current rooms, as the platform renders them. Opened from a bill, the room's is shown at once
 * ({@code ?roomId=..}); {@code ?personId=..} for a resident.
 */
@Route(value = "billing/statements", layout = PropertyLayout.class)
@PropertyScreen(
    order = 340,
    titleKey = "billing.statements.title",
    icon = "FILE_TEXT_O",
    permission = "billing.statement.read")
public final class StatementsView extends VerticalLayout
    implements HasDynamicTitle, BeforeEnterObserver {

  static final String ROOM = "room";
  static final String PERSON = "person";

  private final RadioButtonGroup<String> of = new RadioButtonGroup<>();
  private final TextField id = new TextField();
  private final PrintableHtml statement = new PrintableHtml("statement");

  public StatementsView() {
    setId("billing-statements");
    add(new H2(getTranslation("billing.statements.title")));
    of.setId("statement-of");
    of.setLabel(getTranslation("billing.statements.of"));
    of.setItems(List.of(ROOM, PERSON));
    of.setItemLabelGenerator(k -> getTranslation("billing.statements.of." + k));
    of.setValue(ROOM);
    id.setId("statement-id");
    id.setLabel(getTranslation("billing.statements.id.room"));
    id.setAllowedCharPattern("[0-9]");
    id.setRequiredIndicatorVisible(true);
    of.addValueChangeListener(
        e -> id.setLabel(getTranslation("billing.statements.id." + e.getValue())));
    Button show = new Button(getTranslation("billing.statements.show"), e -> load());
    show.setId("statement-show");
    id.addKeyPressListener(com.vaadin.flow.component.Key.ENTER, e -> load());
    HorizontalLayout choose = new HorizontalLayout(of, id, show);
    choose.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    choose.setWrap(true);
    add(choose, statement);
  }

  @Override
  public void beforeEnter(BeforeEnterEvent event) {
    var q = event.getLocation().getQueryParameters().getParameters();
    for (String kind : List.of(ROOM, PERSON)) {
      List<String> v = q.get(kind + "Id");
      if (v != null && !v.isEmpty() && v.get(0).matches("[1-9]\\d{0,17}")) {
        of.setValue(kind);
        id.setValue(v.get(0));
        if (PropertySession.signedIn()) {
          load();
        }
        return;
      }
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("billing.statements.title");
  }

  void load() {
    String v = id.getValue().strip();
    boolean ok = v.matches("[1-9]\\d{0,17}");
    id.setInvalid(!ok);
    id.setErrorMessage(ok ? null : getTranslation("billing.statements.id.invalid"));
    if (!ok) {
      statement.clear();
      return;
    }
    BillingClient client = new BillingClient(PropertySession.api());
    try {
      long n = Long.parseLong(v);
      statement.show(
          PERSON.equals(of.getValue())
              ? client.personStatementHtml(n)
              : client.roomStatementHtml(n));
    } catch (ApiProblem | ApiUnreachable e) {
      statement.clear();
      Errors.show(e);
    }
  }

  PrintableHtml statement() {
    return statement;
  }
}
