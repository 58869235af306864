package org.courtyard.admin.property.workorders;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.estate.Estate;
import org.courtyard.admin.ui.Errors;

/**
 * A technician's skills (codes such as {@code plumbing}, comma-separated) and the estates they
 * cover whole; areas of single buildings are kept as they are and listed. The API's field errors
 * ({@code skills[1]}, {@code areas[0].buildingId}) are shown at the fields.
 */
final class TechnicianDialog extends Dialog {

  /** Told after a save. */
  @FunctionalInterface
  interface Saved extends Serializable {
    void after();
  }

  private final WorkOrdersClient client;
  private final Technician technician;
  private final Saved saved;
  private final TextField skills = new TextField();
  private final MultiSelectComboBox<Estate> estates = new MultiSelectComboBox<>();
  private final List<Technician.Area> buildings;

  TechnicianDialog(
      WorkOrdersClient client, Technician technician, List<Estate> choices, Saved saved) {
    this.client = client;
    this.technician = technician;
    this.saved = saved;
    setId("wo-technician-dialog");
    setHeaderTitle(getTranslation("workorders.technicians.edit", TechniciansView.name(technician)));
    skills.setId("wo-technician-skills");
    skills.setLabel(getTranslation("workorders.technicians.skills"));
    skills.setHelperText(getTranslation("workorders.technicians.skills.help"));
    skills.setValue(String.join(", ", technician.skills()));
    skills.setWidthFull();
    estates.setId("wo-technician-estates");
    estates.setLabel(getTranslation("workorders.technicians.estates"));
    estates.setItems(choices);
    estates.setItemLabelGenerator(Estate::name);
    Set<Long> whole =
        technician.areas().stream()
            .filter(a -> a.buildingId() == null)
            .map(Technician.Area::estateId)
            .collect(Collectors.toSet());
    estates.setValue(
        choices.stream().filter(e -> whole.contains(e.id())).collect(Collectors.toSet()));
    estates.setWidthFull();
    buildings = technician.areas().stream().filter(a -> a.buildingId() != null).toList();
    add(skills, estates);
    if (!buildings.isEmpty()) {
      Span kept =
          new Span(
              getTranslation(
                  "workorders.technicians.buildingsKept",
                  buildings.stream()
                      .map(a -> "#" + a.buildingId())
                      .collect(Collectors.joining(", "))));
      kept.setId("wo-technician-buildings");
      add(kept);
    }
    Button save = new Button(getTranslation("workorders.technicians.save"), e -> save());
    save.setId("wo-technician-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button(getTranslation("action.cancel"), e -> close());
    getFooter().add(cancel, save);
    setWidth("min(34em, 95vw)");
  }

  private void save() {
    List<String> codes =
        Arrays.stream(skills.getValue().split("[,，\\s]+"))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .distinct()
            .toList();
    List<Technician.Area> areas = new ArrayList<>();
    estates.getValue().stream()
        .sorted((a, b) -> Long.compare(a.id(), b.id()))
        .forEach(e -> areas.add(new Technician.Area(e.id(), null)));
    areas.addAll(buildings);
    try {
      client.updateTechnician(technician.userId(), codes, areas);
      Errors.success(
          getTranslation("workorders.technicians.saved", TechniciansView.name(technician)));
      close();
      saved.after();
    } catch (ApiProblem p) {
      String detail = Refused.show(p);
      // the API names skills[1] or areas[0].buildingId: the field is the part before the index
      if (p.extensions().get("errors") instanceof List<?> errors) {
        for (Object o : errors) {
          if (o instanceof Map<?, ?> e && e.get("field") != null) {
            String field = e.get("field").toString();
            HasValidation target = field.startsWith("skills") ? skills : estates;
            target.setErrorMessage(String.valueOf(e.get("message")));
            target.setInvalid(true);
          }
        }
      } else {
        skills.setErrorMessage(detail);
      }
    } catch (ApiUnreachable e) {
      Errors.show(e);
    }
  }
}
