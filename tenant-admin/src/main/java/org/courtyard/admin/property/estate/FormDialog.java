package org.courtyard.admin.property.estate;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.function.SerializableRunnable;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.ui.Errors;

/**
 * A dialog with a form that one click (or Enter) sends to the API: on success it closes and tells
 * its caller; on a refusal it stays open with the API's field errors next to their fields ({@link
 * ProblemFields}), a 409 {@code duplicate} next to the code it is about, and any other problem
 * (stale version, outside scope, unreachable) shown plainly by {@link Errors#show}. Escape closes
 * it without sending.
 */
public class FormDialog extends Dialog {

  /** What the dialog sends; throws the API's refusal. */
  @FunctionalInterface
  public interface Send extends Serializable {
    void send();
  }

  private final FormLayout form = new FormLayout();
  private final ProblemFields problems = new ProblemFields();
  private final Paragraph other = new Paragraph();
  private final Button save;
  private Send send;
  private final Map<String, String> conflictFields = new HashMap<>();
  private SerializableRunnable done = () -> {};

  public FormDialog(String id, String title, String saveText) {
    setId(id);
    setHeaderTitle(title);
    setCloseOnEsc(true);
    setCloseOnOutsideClick(false);
    form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
    form.setWidth("24em");
    other.setId(id + "-problem");
    other.setVisible(false);
    other.getStyle().set("color", "var(--lumo-error-text-color)");
    add(form, other);
    save = new Button(saveText, e -> save());
    save.setId(id + "-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    // a double click sends once: the button is off until the API answered
    save.setDisableOnClick(true);
    save.addClickShortcut(Key.ENTER).listenOn(this);
    Button cancel = new Button(getTranslation("estate.cancel"), e -> close());
    cancel.setId(id + "-cancel");
    getFooter().add(cancel, save);
  }

  /** Adds a field; {@code apiField} names it as the API's field errors do, null if none. */
  public <C extends Component & HasValidation> C field(String apiField, C component) {
    form.add(component);
    if (apiField != null) {
      problems.bind(apiField, component);
    }
    return component;
  }

  /** Adds a component that takes no API errors (a hint, a read-only line). */
  public void text(Component component) {
    form.add(component);
  }

  /** The field a 409 {@code duplicate} is shown at (the code or room number). */
  public FormDialog duplicateAt(String apiField) {
    return conflictAt("duplicate", apiField);
  }

  /**
   * The field a refusal of this problem type is shown at, e.g. a 409 {@code share-exceeded} at the
   * share, a 404 {@code device-not-found} at the device.
   */
  public FormDialog conflictAt(String problemType, String apiField) {
    conflictFields.put(problemType, apiField);
    return this;
  }

  public FormDialog onSend(Send send) {
    this.send = send;
    return this;
  }

  /** Runs after a successful send, once the dialog closed. */
  public FormDialog onDone(SerializableRunnable done) {
    this.done = done;
    return this;
  }

  /** Sends the form (the save button, or Enter). */
  public void save() {
    problems.clear();
    other.setVisible(false);
    try {
      send.send();
    } catch (ApiProblem p) {
      save.setEnabled(true);
      refused(p);
      return;
    } catch (ApiUnreachable u) {
      save.setEnabled(true);
      Refusals.show(this, u);
      return;
    }
    close();
    done.run();
  }

  private void refused(ApiProblem p) {
    if (!ProblemFields.of(p).isEmpty()) {
      List<ProblemFields.FieldError> left = problems.show(p);
      if (!left.isEmpty()) {
        other.setText(
            left.stream()
                .map(e -> e.field() + ": " + e.message())
                .collect(Collectors.joining("; ")));
        other.setVisible(true);
      }
      return;
    }
    String field = conflictFields.get(p.shortType());
    if (field != null) {
      problems.mark(field, p.detail());
      return;
    }
    Refusals.show(this, p);
  }

  /** The text of errors that belong to no field of the form, empty when there is none. */
  public String otherProblem() {
    return other.isVisible() ? other.getText() : "";
  }
}
