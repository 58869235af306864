package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.function.SerializableRunnable;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.ui.Errors;

/**
 * The company's answer to a complaint, written to the order's timeline where the resident reads it.
 * 409 {@code not-a-complaint} shows the API's detail.
 */
final class ReplyDialog extends Dialog {

  private final WorkOrdersClient client;
  private final Order order;
  private final SerializableRunnable done;
  private final TextArea text = new TextArea();

  ReplyDialog(WorkOrdersClient client, Order order, SerializableRunnable done) {
    this.client = client;
    this.order = order;
    this.done = done;
    setId("wo-reply-dialog");
    setHeaderTitle(getTranslation("workorders.feedback.reply.title", order.number()));
    text.setId("wo-reply-text");
    text.setLabel(getTranslation("workorders.feedback.reply.text"));
    text.setRequiredIndicatorVisible(true);
    text.setMaxLength(2000);
    text.setWidthFull();
    add(text);
    Button ok = new Button(getTranslation("workorders.feedback.reply"), e -> send());
    ok.setId("wo-reply-ok");
    ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button(getTranslation("action.cancel"), e -> close());
    cancel.setId("wo-reply-cancel");
    getFooter().add(cancel, ok);
    setWidth("min(32em, 95vw)");
  }

  private void send() {
    String t = text.getValue() == null ? "" : text.getValue().strip();
    text.setInvalid(t.isEmpty());
    text.setErrorMessage(t.isEmpty() ? getTranslation("workorders.feedback.reply.required") : null);
    if (t.isEmpty()) {
      return;
    }
    try {
      client.reply(order.id(), t);
      Errors.success(getTranslation("workorders.feedback.reply.done", order.number()));
      close();
      done.run();
    } catch (ApiProblem p) {
      Refused.show(p);
      close();
    } catch (ApiUnreachable e) {
      Errors.show(e);
    }
  }
}
