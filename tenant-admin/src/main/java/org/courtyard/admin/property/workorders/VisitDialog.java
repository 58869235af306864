package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.io.Serializable;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.ui.Errors;

/**
 * Records a return visit (回访) on a finished order: whether the resident was reached, their
 * satisfaction 1 to 5 when reached, a note. A refusal (409 {@code not-finished}) shows the API's
 * detail and closes the dialog.
 */
final class VisitDialog extends Dialog {

  @FunctionalInterface
  interface Done extends Serializable {
    void after(Feedback feedback);
  }

  private final WorkOrdersClient client;
  private final Order order;
  private final Done done;
  private final Checkbox reached = new Checkbox();
  private final Select<Integer> satisfaction = new Select<>();
  private final TextArea note = new TextArea();

  VisitDialog(WorkOrdersClient client, Order order, Done done) {
    this.client = client;
    this.order = order;
    this.done = done;
    setId("wo-visit-dialog");
    setHeaderTitle(getTranslation("workorders.feedback.visit.title", order.number()));
    reached.setId("wo-visit-reached");
    reached.setLabel(getTranslation("workorders.feedback.reached"));
    reached.setValue(true);
    satisfaction.setId("wo-visit-satisfaction");
    satisfaction.setLabel(getTranslation("workorders.feedback.satisfaction"));
    satisfaction.setItems(5, 4, 3, 2, 1);
    satisfaction.setItemLabelGenerator(FeedbackSection::stars);
    reached.addValueChangeListener(e -> satisfaction.setEnabled(Boolean.TRUE.equals(e.getValue())));
    note.setId("wo-visit-note");
    note.setLabel(getTranslation("workorders.action.note"));
    note.setMaxLength(1000);
    note.setWidthFull();
    add(reached, satisfaction, note);
    Button ok = new Button(getTranslation("workorders.feedback.visit"), e -> save());
    ok.setId("wo-visit-ok");
    ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button(getTranslation("action.cancel"), e -> close());
    cancel.setId("wo-visit-cancel");
    getFooter().add(cancel, ok);
    setWidth("min(30em, 95vw)");
  }

  private void save() {
    boolean wasReached = Boolean.TRUE.equals(reached.getValue());
    String text =
        note.getValue() == null || note.getValue().isBlank() ? null : note.getValue().strip();
    try {
      Feedback after =
          client.returnVisit(
              order.id(),
              new Feedback.VisitInput(
                  wasReached, wasReached ? satisfaction.getValue() : null, text));
      Errors.success(getTranslation("workorders.feedback.visit.done", order.number()));
      close();
      done.after(after);
    } catch (ApiProblem p) {
      Refused.show(p);
      if (p.status() != 422) {
        close();
      }
    } catch (ApiUnreachable e) {
      Errors.show(e);
    }
  }
}
