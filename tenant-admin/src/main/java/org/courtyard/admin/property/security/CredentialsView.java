package org.courtyard.admin.property.security;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.api.TenantApi;
import org.courtyard.admin.property.CursorDataProvider;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.property.When;
import org.courtyard.admin.ui.Errors;
import org.courtyard.admin.ui.Texts;

/**
 * Access credentials (门禁卡, PIN, QR): whose, which doors, valid when, active or revoked (by whom,
 * when and why), newest first, filtered by holder, kind, door or controller and status as the API
 * does. Those who may issue one get a dialog (the API's field errors land on their fields); those
 * who may revoke one get a confirmation that takes a reason.
 */
@Route(value = "security/credentials", layout = PropertyLayout.class)
@PropertyScreen(
    order = 520,
    titleKey = "security.credentials.title",
    icon = "KEY",
    permission = CredentialsView.READ)
public final class CredentialsView extends VerticalLayout implements HasDynamicTitle {

  static final String READ = "security.credential.read";
  static final String ISSUE = "security.credential.issue";
  static final String REVOKE = "security.credential.revoke";

  /**
   * A controller {@code <device>} or one of its doors {@code <device>:<door>}, as the API takes.
   */
  private static final Pattern DOOR =
      Pattern.compile("^[a-z0-9][a-z0-9_-]{0,63}(:[A-Za-z0-9_-]{1,32})?$");

  private final Grid<Credential> grid = new Grid<>(Credential.class, false);
  private final TextField holder = new TextField();
  private final Select<String> kind = new Select<>();
  private final TextField door = new TextField();
  private final Select<String> status = new Select<>();
  private final HorizontalLayout bar;
  private CursorDataProvider<Credential> credentials;

  public CredentialsView() {
    setId("credentials");
    setSizeFull();
    add(new H2(getTranslation("security.credentials.title")));

    holder.setId("credentials-holder");
    holder.setLabel(getTranslation("security.credential.holder"));
    holder.setClearButtonVisible(true);
    holder.setValueChangeMode(ValueChangeMode.LAZY);
    holder.addValueChangeListener(e -> filter());
    kind.setId("credentials-kind");
    kind.setLabel(getTranslation("security.credential.kind"));
    kind.setItems("", "card", "pin", "qr");
    kind.setItemLabelGenerator(
        k ->
            k.isEmpty()
                ? getTranslation("security.credential.kind.all")
                : Texts.state("security.access.kind.", k));
    kind.setValue("");
    kind.addValueChangeListener(e -> filter());
    door.setId("credentials-door");
    door.setLabel(getTranslation("security.credential.door"));
    door.setHelperText(getTranslation("security.credential.door.help"));
    door.setClearButtonVisible(true);
    door.setValueChangeMode(ValueChangeMode.LAZY);
    door.addValueChangeListener(e -> filter());
    status.setId("credentials-status");
    status.setLabel(getTranslation("security.credential.status"));
    status.setItems("active", "revoked", "");
    status.setItemLabelGenerator(
        s ->
            s.isEmpty()
                ? getTranslation("security.credential.status.all")
                : Texts.state("security.credential.status.", s));
    status.setValue("active");
    status.addValueChangeListener(e -> filter());
    bar = new HorizontalLayout(holder, kind, door, status);
    bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
    add(bar);

    grid.setId("credentials-grid");
    grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    grid.addColumn(Credential::holder)
        .setKey("holder")
        .setHeader(getTranslation("security.credential.holder"))
        .setAutoWidth(true);
    grid.addColumn(c -> Texts.state("security.access.kind.", c.kind()))
        .setKey("kind")
        .setHeader(getTranslation("security.credential.kind"))
        .setAutoWidth(true);
    grid.addColumn(Credential::credential)
        .setKey("credential")
        .setHeader(getTranslation("security.credential.value"))
        .setAutoWidth(true);
    grid.addColumn(c -> c.doors() == null ? "" : String.join(", ", c.doors()))
        .setKey("doors")
        .setHeader(getTranslation("security.credential.doors"))
        .setFlexGrow(1);
    grid.addColumn(
            c ->
                getTranslation(
                    "security.credential.validity",
                    When.format(c.validFrom(), getLocale()),
                    When.format(c.validTo(), getLocale())))
        .setKey("validity")
        .setHeader(getTranslation("security.credential.valid"))
        .setAutoWidth(true);
    grid.addColumn(c -> Texts.state("security.credential.status.", c.status()))
        .setKey("status")
        .setHeader(getTranslation("security.credential.status"))
        .setPartNameGenerator(c -> c.active() ? null : "revoked")
        .setAutoWidth(true);
    grid.addColumn(this::revocation)
        .setKey("revoked")
        .setHeader(getTranslation("security.credential.revokedColumn"))
        .setAutoWidth(true);
    add(grid);
    setFlexGrow(1, grid);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn() && credentials == null) {
      if (PropertySession.can(ISSUE)) {
        Button issue = new Button(getTranslation("security.credential.issue"), e -> issue());
        issue.setId("credential-issue");
        issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        bar.add(issue);
      }
      if (PropertySession.can(REVOKE)) {
        grid.addComponentColumn(this::actions)
            .setKey("actions")
            .setHeader(getTranslation("security.actions"))
            .setAutoWidth(true);
      }
      credentials = new SecurityClient(PropertySession.api()).credentials();
      credentials.bind(grid);
      filter();
      holder.focus();
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("security.credentials.title");
  }

  private void filter() {
    if (credentials == null) {
      return;
    }
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("holder", holder.getValue() == null ? null : holder.getValue().strip());
    f.put("kind", kind.getValue());
    String d = door.getValue() == null ? "" : door.getValue().strip();
    // the API refuses what is not a controller or a door: say so here and keep the list as it is
    if (!d.isEmpty() && !DOOR.matcher(d).matches()) {
      door.setErrorMessage(getTranslation("security.credential.door.invalid"));
      door.setInvalid(true);
      return;
    }
    door.setInvalid(false);
    f.put("door", d);
    f.put("status", status.getValue());
    credentials.setFilter(f);
  }

  /** Who revoked a credential, when, and why if they said: empty while it is active. */
  private String revocation(Credential c) {
    if (c.active() || c.revokedAt() == null) {
      return "";
    }
    String by = c.revokedBy() == null ? "" : c.revokedBy();
    String when = When.format(c.revokedAt(), getLocale());
    return c.reason() == null
        ? getTranslation("security.credential.revokedBy", by, when)
        : getTranslation("security.credential.revokedFor", by, when, c.reason());
  }

  private HorizontalLayout actions(Credential c) {
    HorizontalLayout row = new HorizontalLayout();
    if (c.active()) {
      Button revoke = new Button(getTranslation("security.credential.revoke"), e -> revoke(c));
      revoke.setId("credential-revoke-" + c.id());
      revoke.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
      row.add(revoke);
    }
    return row;
  }

  /**
   * Asks first, with an optional reason: a revoked credential opens no door again (its controllers
   * are told at once). A refused reason (too long) stays in the dialog with the API's message.
   */
  private void revoke(Credential c) {
    Dialog dialog = new Dialog();
    dialog.setId("credential-revoke-dialog");
    dialog.setHeaderTitle(getTranslation("security.credential.revoke.title"));
    dialog.add(
        new Paragraph(
            getTranslation(
                "security.credential.revoke.confirm",
                Texts.state("security.access.kind.", c.kind()),
                c.credential(),
                c.holder())));
    TextField reason = field("credential-revoke-reason", "security.credential.reason");
    reason.setMaxLength(200);
    reason.setHelperText(getTranslation("security.credential.reason.help"));
    dialog.add(reason);
    Button ok =
        new Button(
            getTranslation("security.credential.revoke"),
            e -> {
              reason.setInvalid(false);
              try {
                new SecurityClient(PropertySession.api()).revoke(c.id(), reason.getValue());
                Errors.success(getTranslation("security.credential.revoked", c.holder()));
              } catch (ApiProblem ex) {
                if (ex.status() == 422) {
                  FieldMarks.mark(ex, Map.of("reason", reason));
                  Errors.show(ex);
                  return;
                }
                Errors.show(ex);
              } catch (ApiUnreachable ex) {
                Errors.show(ex);
              }
              dialog.close();
              credentials.refresh();
            });
    ok.setId("credential-revoke-ok");
    ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
    Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
    dialog.getFooter().add(cancel, ok);
    dialog.open();
    cancel.focus();
  }

  /**
   * Issues a card, PIN or QR credential. Validity is typed as a local date and time ({@code
   * 2026-12-31T18:00}) in the console's zone or left blank (from now, no end).
   */
  private void issue() {
    Dialog dialog = new Dialog();
    dialog.setId("credential-dialog");
    dialog.setHeaderTitle(getTranslation("security.credential.issue"));
    Select<String> kind = new Select<>();
    kind.setId("credential-kind");
    kind.setLabel(getTranslation("security.credential.kind"));
    kind.setItems("card", "pin", "qr");
    kind.setItemLabelGenerator(k -> Texts.state("security.access.kind.", k));
    kind.setValue("card");
    TextField value = field("credential-value", "security.credential.value");
    TextField who = field("credential-holder", "security.credential.holder");
    TextField doors = field("credential-doors", "security.credential.doors");
    doors.setHelperText(getTranslation("security.credential.doors.help"));
    TextField from = field("credential-from", "security.credential.validFrom");
    TextField to = field("credential-to", "security.credential.validTo");
    from.setPlaceholder("2026-12-01T08:00");
    to.setPlaceholder("2026-12-31T18:00");
    FormLayout form = new FormLayout(kind, value, who, doors, from, to);
    dialog.add(form);
    Map<String, HasValidation> fields =
        Map.of(
            "kind", kind,
            "credential", value,
            "holder", who,
            "doors", doors,
            "validFrom", from,
            "validTo", to);
    String key = TenantApi.newIdempotencyKey();
    Button ok =
        new Button(
            getTranslation("security.credential.issue"),
            e -> {
              fields.values().forEach(f -> f.setInvalid(false));
              Credential.Input input =
                  new Credential.Input(
                      kind.getValue(),
                      value.getValue().strip(),
                      who.getValue().strip(),
                      null,
                      Arrays.stream(doors.getValue().split("[,，\\s]+"))
                          .filter(d -> !d.isBlank())
                          .toList(),
                      instant(from.getValue()),
                      instant(to.getValue()));
              try {
                Credential issued = new SecurityClient(PropertySession.api()).issue(input, key);
                Errors.success(getTranslation("security.credential.issued", issued.holder()));
                dialog.close();
                credentials.refresh();
              } catch (ApiProblem ex) {
                FieldMarks.mark(ex, fields);
                Errors.show(ex);
              } catch (ApiUnreachable ex) {
                Errors.show(ex);
              }
            });
    ok.setId("credential-dialog-ok");
    ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
    dialog.getFooter().add(cancel, ok);
    dialog.open();
    value.focus();
  }

  private TextField field(String id, String label) {
    TextField f = new TextField(getTranslation(label));
    f.setId(id);
    f.setWidthFull();
    return f;
  }

  /**
   * A local date-time of the console's zone as the API's instant; what does not parse goes as
   * typed, so the API's field error names it.
   */
  private static String instant(String typed) {
    String t = typed == null ? "" : typed.strip();
    if (t.isEmpty()) {
      return null;
    }
    try {
      return java.time.LocalDateTime.parse(t).atZone(ZoneId.systemDefault()).toInstant().toString();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(t).toString();
      } catch (DateTimeParseException e2) {
        return t;
      }
    }
  }
}
