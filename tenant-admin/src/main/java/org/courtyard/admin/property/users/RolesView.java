package org.courtyard.admin.property.users;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.courtyard.admin.api.ApiProblem;
import org.courtyard.admin.api.ApiUnreachable;
import org.courtyard.admin.property.PropertyLayout;
import org.courtyard.admin.property.PropertyScreen;
import org.courtyard.admin.property.PropertySession;
import org.courtyard.admin.ui.Errors;

/**
 * The company's roles (角色) with the permissions each gives, and the list of every permission a role
 * may hold with its title in the user's language. Those who may manage roles create their own
 * (permissions chosen from the list, or patterns such as {@code billing.*}), edit them, and delete
 * one no one holds.
 */
@Route(value = "users/roles", layout = PropertyLayout.class)
@PropertyScreen(
    order = 610,
    titleKey = "users.roles.title",
    icon = "KEY",
    permission = RolesView.READ)
public final class RolesView extends VerticalLayout implements HasDynamicTitle {

  static final String READ = "identity.role.read";
  static final String MANAGE = "identity.role.manage";

  private final Grid<Role> roles = new Grid<>(Role.class, false);
  private final Grid<PermissionInfo> permissions = new Grid<>(PermissionInfo.class, false);
  private final Map<String, PermissionInfo> catalog = new LinkedHashMap<>();

  public RolesView() {
    setId("roles");
    add(new H2(getTranslation("users.roles.title")));

    roles.setId("roles-grid");
    roles.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
    roles.setAllRowsVisible(true);
    roles
        .addColumn(r -> r.name(getLocale()))
        .setKey("name")
        .setHeader(getTranslation("users.role.name"))
        .setAutoWidth(true);
    roles.addColumn(Role::code).setKey("code").setHeader(getTranslation("users.role.code"));
    roles
        .addColumn(r -> getTranslation(r.template() ? "users.role.template" : "users.role.custom"))
        .setKey("kind")
        .setHeader(getTranslation("users.role.kind"))
        .setAutoWidth(true);
    roles
        .addColumn(r -> String.join(", ", r.permissions()))
        .setKey("permissions")
        .setHeader(getTranslation("users.role.permissions"))
        .setFlexGrow(1);
    roles.setItemDetailsRenderer(
        new com.vaadin.flow.data.renderer.ComponentRenderer<>(this::explained));

    permissions.setId("permissions-grid");
    permissions.addThemeVariants(GridVariant.LUMO_COMPACT);
    permissions.setAllRowsVisible(true);
    permissions
        .addColumn(PermissionInfo::id)
        .setKey("id")
        .setHeader(getTranslation("users.permission.id"))
        .setAutoWidth(true);
    permissions
        .addColumn(p -> p.title(getLocale()))
        .setKey("title")
        .setHeader(getTranslation("users.permission.title"))
        .setFlexGrow(1);
    permissions
        .addColumn(this::flags)
        .setKey("flags")
        .setHeader(getTranslation("users.permission.flags"))
        .setAutoWidth(true);

    add(roles, new H3(getTranslation("users.permissions.title")), permissions);
  }

  @Override
  protected void onAttach(AttachEvent event) {
    super.onAttach(event);
    if (PropertySession.signedIn()) {
      if (PropertySession.can(MANAGE) && roles.getColumnByKey("actions") == null) {
        Button create = new Button(getTranslation("users.role.new"), e -> edit(null));
        create.setId("roles-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        addComponentAtIndex(1, create);
        roles
            .addComponentColumn(this::editButton)
            .setKey("actions")
            .setHeader(getTranslation("users.actions"))
            .setAutoWidth(true);
      }
      load();
    }
  }

  @Override
  public String getPageTitle() {
    return getTranslation("users.roles.title");
  }

  private UsersClient client() {
    return new UsersClient(PropertySession.api());
  }

  void load() {
    try {
      List<PermissionInfo> all = client().permissions();
      catalog.clear();
      all.forEach(p -> catalog.put(p.id(), p));
      permissions.setItems(all);
      roles.setItems(client().roles());
    } catch (ApiProblem | ApiUnreachable e) {
      Errors.show(e);
    }
  }

  private String flags(PermissionInfo p) {
    List<String> f = new ArrayList<>();
    if (p.movesMoney()) {
      f.add(getTranslation("users.permission.money"));
    }
    if (p.opensDoors()) {
      f.add(getTranslation("users.permission.doors"));
    }
    return String.join(", ", f);
  }

  /** A role's permissions in words, shown when its row is opened. */
  private Span explained(Role r) {
    List<String> lines = new ArrayList<>();
    for (String p : r.permissions()) {
      PermissionInfo known = catalog.get(p);
      lines.add(known == null ? p : p + " — " + known.title(getLocale()));
    }
    Span s = new Span(String.join("; ", lines));
    s.getStyle().set("white-space", "normal");
    return s;
  }

  private Button editButton(Role r) {
    Button b = new Button(getTranslation("users.role.edit"), e -> edit(r));
    b.setId("role-edit-" + r.code());
    b.addThemeVariants(ButtonVariant.LUMO_SMALL);
    return b;
  }

  /** The role's form: a new role when {@code r} is null. */
  private void edit(Role r) {
    Dialog dialog = new Dialog();
    dialog.setId("role-dialog");
    dialog.setHeaderTitle(
        r == null
            ? getTranslation("users.role.new")
            : getTranslation("users.role.edit.title", r.name(getLocale())));
    TextField code = new TextField(getTranslation("users.role.code"));
    code.setId("role-code");
    code.setHelperText(getTranslation("users.role.code.rule"));
    TextField nameEn = new TextField(getTranslation("users.role.nameEn"));
    nameEn.setId("role-name-en");
    TextField nameZh = new TextField(getTranslation("users.role.nameZh"));
    nameZh.setId("role-name-zh");
    MultiSelectComboBox<String> chosen =
        new MultiSelectComboBox<>(getTranslation("users.role.permissions"));
    chosen.setId("role-permissions");
    chosen.setHelperText(getTranslation("users.role.permissions.help"));
    chosen.setWidthFull();
    chosen.setAllowCustomValue(true);
    Set<String> items = new LinkedHashSet<>(catalog.keySet());
    if (r != null) {
      items.addAll(r.permissions());
    }
    chosen.setItems(new ArrayList<>(items));
    chosen.setItemLabelGenerator(
        p -> catalog.containsKey(p) ? p + " — " + catalog.get(p).title(getLocale()) : p);
    chosen.addCustomValueSetListener(
        e -> {
          Set<String> now = new LinkedHashSet<>(chosen.getValue());
          String typed = e.getDetail().strip();
          if (!typed.isEmpty()) {
            items.add(typed);
            chosen.setItems(new ArrayList<>(items));
            now.add(typed);
            chosen.setValue(now);
          }
        });
    if (r != null) {
      code.setValue(r.code());
      code.setReadOnly(true);
      nameEn.setValue(r.nameEn() == null ? "" : r.nameEn());
      nameZh.setValue(r.nameZh() == null ? "" : r.nameZh());
      chosen.setValue(new LinkedHashSet<>(r.permissions()));
    }
    Span problem = new Span();
    problem.setId("role-problem");
    problem.getStyle().set("color", "var(--lumo-error-text-color)");
    VerticalLayout form = new VerticalLayout(code, nameEn, nameZh, chosen, problem);
    form.setPadding(false);
    form.setMinWidth("32em");
    dialog.add(form);

    Button save =
        new Button(
            getTranslation("users.role.save"),
            e -> {
              List<String> perms = new ArrayList<>(chosen.getValue());
              try {
                if (r == null) {
                  client()
                      .createRole(
                          new Role.Input(
                              code.getValue(), nameEn.getValue(), nameZh.getValue(), perms));
                } else {
                  client()
                      .updateRole(
                          r.id(),
                          new Role.Update(
                              nameEn.getValue(), nameZh.getValue(), perms, r.version()));
                }
                dialog.close();
                Errors.success(getTranslation("users.role.saved"));
                load();
              } catch (ApiProblem | ApiUnreachable ex) {
                problem.setText(Errors.message(ex));
              }
            });
    save.setId("role-save");
    save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
    Button cancel = new Button(getTranslation("action.cancel"), e -> dialog.close());
    HorizontalLayout footer = new HorizontalLayout(cancel, save);
    if (r != null && !r.template()) {
      Button delete =
          new Button(
              getTranslation("users.role.delete"),
              e -> {
                try {
                  client().deleteRole(r.id());
                  dialog.close();
                  Errors.success(getTranslation("users.role.deleted", r.code()));
                  load();
                } catch (ApiProblem | ApiUnreachable ex) {
                  problem.setText(Errors.message(ex));
                }
              });
      delete.setId("role-delete");
      delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
      footer.addComponentAsFirst(delete);
    }
    dialog.getFooter().add(footer);
    dialog.open();
    (r == null ? code : nameEn).focus();
  }

  /** The roles listed, for tests. */
  List<Role> listed() {
    return roles.getListDataView().getItems().toList();
  }
}
