package org.courtyard.admin.property.billing;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.List;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.api.TenantApi;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.ui.Errors;
import org.courtyard.admin.ui.Texts;

/**
 * A counter form that moves money for a room (a payment or a refund): room, amount, method and one
 * button. Staff who may read rooms find the room by its number ({@link RoomByNumber}); the others
 * type its id. The Idempotency-Key belongs to the user's action, not to the click: it is made at
 * the first click and kept while the room, amount and method stay as they are, so a double click,
 * or a second click after the answer was lost on the network, is answered by the platform with the
 * money booked the first time instead of booking it again. Changing a field, or {@link #reset},
 * starts a new action.
 */
final class MoneyForm extends FormLayout {

  /** Sends the form's money with the action's key; throws the API's refusal. */
  @FunctionalInterface
  interface Submit extends Serializable {
    void send(long roomId, BigDecimal amount, String method, String idempotencyKey);
  }

  /** The largest amount the API books at once. */
  static final BigDecimal MAX = new BigDecimal("999999999999.99");

  /** The room typed as its id, or null when it is picked by number. */
  private final TextField room;

  /** The room picked by number, or null when it is typed as its id. */
  private final RoomByNumber picked;

  private final BigDecimalField amount = new BigDecimalField();
  private final Select<String> method = new Select<>();
  private final Button submit = new Button();
  private final Submit action;
  private String key;

  MoneyForm(String idPrefix, List<String> methods, String submitText, Submit action) {
    this.action = action;
    setId(idPrefix + "-form");
    if (PropertySession.can("estate.room.read")) {
      room = null;
      picked = new RoomByNumber(idPrefix + "-room", PropertySession.api());
      picked.addValueChangeListener(e -> key = null);
    } else {
      picked = null;
      room = new TextField();
      room.setId(idPrefix + "-room");
      room.setLabel(getTranslation("billing.room"));
      room.setHelperText(getTranslation("billing.room.help"));
      room.setAllowedCharPattern("[0-9]");
      room.setRequiredIndicatorVisible(true);
      room.addValueChangeListener(e -> key = null);
    }
    amount.setId(idPrefix + "-amount");
    amount.setLabel(getTranslation("billing.amount"));
    amount.setRequiredIndicatorVisible(true);
    method.setId(idPrefix + "-method");
    method.setLabel(getTranslation("billing.method"));
    method.setItems(methods);
    method.setItemLabelGenerator(m -> Texts.state("billing.method.", m));
    method.setValue(methods.get(0));
    submit.setId(idPrefix + "-submit");
    submit.setText(submitText);
    submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    submit.addClickShortcut(Key.ENTER).listenOn(this);
    // The browser greys the button out at the click; the key covers what still gets through.
    submit.setDisableOnClick(true);
    submit.addClickListener(e -> send());
    amount.addValueChangeListener(e -> key = null);
    method.addValueChangeListener(e -> key = null);
    add(roomField(), amount, method, submit);
    setResponsiveSteps(
        new ResponsiveStep("0", 1), new ResponsiveStep("32em", 2), new ResponsiveStep("56em", 4));
  }

  /** Pre-fills the form (from a bill chosen elsewhere); a new action. */
  void fill(Long roomId, BigDecimal value) {
    if (picked != null) {
      picked.select(roomId);
    } else {
      room.setValue(roomId == null ? "" : String.valueOf(roomId));
    }
    amount.setValue(value);
    key = null;
  }

  /** Empties the amount for the next action, keeping the room. */
  void reset() {
    amount.clear();
    key = null;
    submit.setEnabled(true);
  }

  /** The key of the action in progress, null before its first click. */
  String key() {
    return key;
  }

  private void send() {
    try {
      Long roomId = roomId();
      BigDecimal value = amount();
      if (roomId == null || value == null) {
        return;
      }
      if (key == null) {
        key = TenantApi.newIdempotencyKey();
      }
      action.send(roomId, value, method.getValue(), key);
    } catch (ApiProblem p) {
      FieldProblems.mark(
          p, java.util.Map.of("roomId", roomValidation(), "amount", amount, "method", method));
      Errors.show(p);
    } catch (ApiUnreachable e) {
      Errors.show(e);
    } finally {
      submit.setEnabled(true);
    }
  }

  private Long roomId() {
    if (picked != null) {
      boolean ok = picked.getValue() != null;
      picked.setInvalid(!ok);
      picked.setErrorMessage(ok ? null : getTranslation("billing.room.pick.invalid"));
      return ok ? picked.getValue().id() : null;
    }
    String v = room.getValue().strip();
    boolean ok = v.matches("[1-9]\\d{0,17}");
    room.setInvalid(!ok);
    room.setErrorMessage(ok ? null : getTranslation("billing.room.invalid"));
    return ok ? Long.valueOf(v) : null;
  }

  /** More than zero, at most two decimals, as the API accepts. */
  private BigDecimal amount() {
    BigDecimal v = amount.getValue();
    boolean ok =
        v != null && v.signum() > 0 && v.stripTrailingZeros().scale() <= 2 && v.compareTo(MAX) <= 0;
    amount.setInvalid(!ok);
    amount.setErrorMessage(ok ? null : getTranslation("billing.amount.invalid"));
    return ok ? v.setScale(2) : null;
  }

  /** The room's field, picked or typed. */
  private Component roomField() {
    return picked != null ? picked : room;
  }

  private HasValidation roomValidation() {
    return picked != null ? picked : room;
  }

  Button submitButton() {
    return submit;
  }
}
