package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.ui.Errors;

/**
 * Asks what one step on an order needs and takes it with the version of the order read: a note
 * (required where the lifecycle requires one), the reason of a pause or a cancellation, the new
 * technician or team of a dispatch or transfer, the charge that completes a paid repair (within its
 * category's price range). A refusal is shown with the API's detail; the page then reads the order
 * again, so it offers what is allowed now.
 */
final class ActionDialog extends Dialog {

  /** Steps whose note the lifecycle requires (a staff member's confirmation included). */
  static final Set<String> NOTE_REQUIRED = Set.of("complete", "reopen", "transfer", "confirm");

  static final String TECHNICIAN = "technician";
  static final String TEAM = "team";

  /** Told the order after the step, or null when it was refused (read it again). */
  @FunctionalInterface
  interface Done extends Serializable {
    void after(Order order);
  }

  private final WorkOrdersClient client;
  private final Order order;
  private final String action;
  private final Done done;
  private final TextArea note = new TextArea();
  private final Select<String> reason = new Select<>();
  private final RadioButtonGroup<String> to = new RadioButtonGroup<>();
  private final ComboBox<Long> technician = new ComboBox<>();
  private final ComboBox<Long> team = new ComboBox<>();
  private final BigDecimalField charge = new BigDecimalField();
  private final boolean charged;

  ActionDialog(
      WorkOrdersClient client,
      Order order,
      String action,
      List<Technician> technicians,
      Map<Long, String> teams,
      Category category,
      Done done) {
    this.client = client;
    this.order = order;
    this.action = action;
    this.done = done;
    setId("wo-action-dialog");
    setHeaderTitle(
        getTranslation("workorders.action.title", OrderWords.action(action), order.number()));

    if (assigns()) {
      to.setId("wo-action-to");
      to.setLabel(getTranslation("workorders.action.to"));
      to.setItems(TECHNICIAN, TEAM);
      to.setItemLabelGenerator(t -> getTranslation("workorders.action.to." + t));
      to.setValue(TECHNICIAN);
      Map<Long, Technician> byId = new LinkedHashMap<>();
      technicians.forEach(t -> byId.put(t.userId(), t));
      technician.setId("wo-action-technician");
      technician.setLabel(getTranslation("workorders.action.technician"));
      technician.setHelperText(getTranslation("workorders.action.technician.help"));
      technician.setItems(new ArrayList<>(byId.keySet()));
      technician.setItemLabelGenerator(id -> technicianLabel(id, byId.get(id)));
      technician.setAllowCustomValue(true);
      technician.addCustomValueSetListener(e -> custom(technician, e.getDetail()));
      team.setId("wo-action-team");
      team.setLabel(getTranslation("workorders.action.team"));
      team.setItems(new ArrayList<>(teams.keySet()));
      team.setItemLabelGenerator(id -> teams.getOrDefault(id, "#" + id));
      team.setAllowCustomValue(true);
      team.addCustomValueSetListener(e -> custom(team, e.getDetail()));
      to.addValueChangeListener(e -> toChosen());
      add(to, technician, team);
      toChosen();
    }
    if ("pause".equals(action) || "cancel".equals(action)) {
      reason.setId("wo-action-reason");
      reason.setLabel(getTranslation("workorders.action.reason"));
      reason.setItems(
          "pause".equals(action) ? OrderWords.PAUSE_REASONS : OrderWords.CANCEL_REASONS);
      reason.setItemLabelGenerator(r -> getTranslation("workorders." + action + "Reason." + r));
      reason.setRequiredIndicatorVisible(true);
      add(reason);
    }
    charged =
        "complete".equals(action)
            && order.roomId() != null
            && category != null
            && Boolean.TRUE.equals(category.paid());
    if (charged) {
      charge.setId("wo-action-charge");
      charge.setLabel(getTranslation("workorders.action.charge"));
      charge.setPrefixComponent(new com.vaadin.flow.component.html.Span("¥"));
      charge.setHelperText(
          getTranslation(
              again() ? "workorders.action.charge.again" : "workorders.action.charge.help",
              MaterialsSection.plain(category.priceMin()),
              MaterialsSection.plain(category.priceMax())));
      charge.setRequiredIndicatorVisible(!again());
      add(charge);
    }
    note.setId("wo-action-note");
    note.setLabel(getTranslation("workorders.action.note"));
    note.setRequiredIndicatorVisible(NOTE_REQUIRED.contains(action));
    note.setMaxLength(1000);
    note.setWidthFull();
    add(note);

    Button ok = new Button(OrderWords.action(action), e -> take());
    ok.setId("wo-action-ok");
    ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button(getTranslation("action.cancel"), e -> close());
    cancel.setId("wo-action-cancel");
    getFooter().add(cancel, ok);
    setWidth("min(32em, 95vw)");
  }

  /** A reopened order may hold its charge already: completing it again needs none. */
  private boolean again() {
    return order.reopenCount() != null && order.reopenCount() > 0;
  }

  private boolean assigns() {
    return "dispatch".equals(action) || "transfer".equals(action);
  }

  private void toChosen() {
    boolean toTechnician = TECHNICIAN.equals(to.getValue());
    technician.setVisible(toTechnician);
    team.setVisible(!toTechnician);
  }

  /** A typed id (a technician or team not in the list, or when it cannot be read). */
  private void custom(ComboBox<Long> box, String typed) {
    try {
      long id = Long.parseLong(typed.strip().replace("#", ""));
      List<Long> items = new ArrayList<>(box.getListDataView().getItems().toList());
      if (!items.contains(id)) {
        items.add(id);
        box.setItems(items);
      }
      box.setValue(id);
      box.setInvalid(false);
    } catch (NumberFormatException e) {
      box.setErrorMessage(getTranslation("workorders.action.id.invalid"));
      box.setInvalid(true);
    }
  }

  private String technicianLabel(Long id, Technician t) {
    if (t == null) {
      return getTranslation("workorders.assignee.user", id);
    }
    return getTranslation(
        t.onDutyNow() ? "workorders.technician.onDuty" : "workorders.technician.offDuty",
        id,
        String.join(", ", t.skills()),
        t.openOrders());
  }

  /** The step's body; null (fields marked) while something it needs is missing. */
  Order.Step step() {
    boolean ok = true;
    String text = note.getValue() == null ? "" : note.getValue().strip();
    boolean noteNeeded =
        NOTE_REQUIRED.contains(action)
            || ("cancel".equals(action) && "other".equals(reason.getValue()));
    note.setInvalid(noteNeeded && text.isEmpty());
    note.setErrorMessage(
        note.isInvalid() ? getTranslation("workorders.action.note.required") : null);
    ok &= !note.isInvalid();
    if ("pause".equals(action) || "cancel".equals(action)) {
      reason.setInvalid(reason.getValue() == null);
      reason.setErrorMessage(
          reason.isInvalid() ? getTranslation("workorders.action.reason.required") : null);
      ok &= !reason.isInvalid();
    }
    Long user = null;
    Long teamId = null;
    if (assigns()) {
      ComboBox<Long> box = TECHNICIAN.equals(to.getValue()) ? technician : team;
      box.setInvalid(box.getValue() == null);
      box.setErrorMessage(
          box.isInvalid() ? getTranslation("workorders.action.assignee.required") : null);
      ok &= !box.isInvalid();
      if (box == technician) {
        user = technician.getValue();
      } else {
        teamId = team.getValue();
      }
    }
    if (charged) {
      charge.setInvalid(
          (charge.getValue() == null && !again())
              || (charge.getValue() != null && charge.getValue().signum() <= 0));
      charge.setErrorMessage(
          charge.isInvalid() ? getTranslation("workorders.action.charge.required") : null);
      ok &= !charge.isInvalid();
    }
    if (!ok) {
      return null;
    }
    return new Order.Step(
        text.isEmpty() ? null : text,
        reason.getValue(),
        user,
        teamId,
        order.version(),
        charged ? charge.getValue() : null);
  }

  private void take() {
    Order.Step step = step();
    if (step == null) {
      return;
    }
    try {
      Order after = client.act(order.id(), action, step);
      Errors.success(
          getTranslation("workorders.action.done", OrderWords.action(action), after.number()));
      close();
      done.after(after);
    } catch (ApiProblem p) {
      Map<String, HasValidation> fields = new LinkedHashMap<>();
      fields.put("note", note);
      fields.put("reason", reason);
      fields.put("assigneeUserId", technician);
      fields.put("assigneeTeamId", team);
      fields.put("charge", charge);
      Refused.show(p);
      if (p.status() == 422 && Refused.mark(p, fields) > 0) {
        return; // the form can put it right
      }
      close();
      done.after(null);
    } catch (ApiUnreachable e) {
      Errors.show(e);
    }
  }
}
