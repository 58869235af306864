package org.courtyard.identity.internal;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.apache.felix.service.command.Job;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.courtyard.api.ProblemException;
import org.courtyard.api.TenantSlug;
import org.courtyard.api.rest.Page;
import org.courtyard.identity.internal.dto.GrantInput;
import org.courtyard.identity.internal.dto.RoleView;
import org.courtyard.identity.internal.dto.UserInput;
import org.courtyard.identity.internal.dto.UserView;

/** Karaf shell commands for a company's staff accounts (scope {@code courtyard:}). */
final class IdentityCommands {

  private IdentityCommands() {}

  @Service
  @Command(
      scope = "courtyard",
      name = "user-create",
      description =
          "Creates a staff user of a company with a generated first password (printed once),"
              + " optionally granting a role")
  public static final class UserCreate implements Action {
    @Reference IdentityPlatform identity;

    @Argument(index = 0, name = "tenant", required = true, description = "The company's slug")
    String tenant;

    @Argument(index = 1, name = "username", required = true, description = "Lower case")
    String username;

    @Argument(index = 2, name = "name", required = true, description = "Display name")
    String name;

    @Option(name = "-r", aliases = "--role", description = "Role code to grant, e.g. administrator")
    String role;

    @Option(
        name = "-e",
        aliases = "--estates",
        description = "Estate ids the role is granted in (default: the whole company)",
        multiValued = true)
    List<Long> estates;

    @Option(name = "--phone", description = "Phone number")
    String phone;

    @Option(name = "--email", description = "E-mail address")
    String email;

    @Override
    public Object execute() {
      TenantSlug slug = TenantSlug.of(tenant);
      String password = generatedPassword();
      try {
        UserView user =
            identity.users().create(slug, new UserInput(username, name, phone, email, password));
        if (role != null) {
          boolean some = estates != null && !estates.isEmpty();
          identity
              .grants()
              .add(
                  slug,
                  user.id(),
                  new GrantInput(role, some ? "estates" : "company", some ? estates : List.of()));
        }
        System.out.println(
            "Created "
                + user.username()
                + " (id "
                + user.id()
                + ")"
                + (role == null ? "" : " with role " + role)
                + ". First password, shown once: "
                + password);
      } catch (ProblemException e) {
        System.err.println(e.title() + ": " + e.detail());
        Job.Utils.current().session().put("courtyard.failure", e.title() + ": " + e.detail());
      }
      return null;
    }
  }

  @Service
  @Command(scope = "courtyard", name = "user-list", description = "Lists a company's staff users")
  public static final class UserList implements Action {
    @Reference IdentityPlatform identity;

    @Argument(index = 0, name = "tenant", required = true, description = "The company's slug")
    String tenant;

    @Option(name = "-q", aliases = "--query", description = "Search user name, name, phone, e-mail")
    String query;

    @Override
    public Object execute() {
      TenantSlug slug = TenantSlug.of(tenant);
      ShellTable table = new ShellTable();
      table.column("Id");
      table.column("User name");
      table.column("Name");
      table.column("Phone");
      table.column("Status");
      table.column("Last sign-in");
      long after = 0;
      List<UserView> all = new ArrayList<>();
      while (true) {
        Page<UserView> page = identity.users().list(slug, query, null, after, 500);
        all.addAll(page.items);
        if (page.nextCursor == null || page.items.isEmpty()) {
          break;
        }
        after = page.items.get(page.items.size() - 1).id();
      }
      for (UserView u : all) {
        table
            .addRow()
            .addContent(
                u.id(),
                u.username(),
                u.displayName(),
                u.phone() == null ? "" : u.phone(),
                u.status(),
                u.lastLoginAt() == null ? "never" : u.lastLoginAt().toString());
      }
      table.print(System.out);
      return null;
    }
  }

  @Service
  @Command(
      scope = "courtyard",
      name = "user-disable",
      description = "Disables a staff user: sign-in refused, every token stops working at once")
  public static final class UserDisable implements Action {
    @Reference IdentityPlatform identity;

    @Argument(index = 0, name = "tenant", required = true, description = "The company's slug")
    String tenant;

    @Argument(index = 1, name = "id", required = true, description = "The user's id (user-list)")
    long id;

    @Override
    public Object execute() {
      try {
        UserView u = identity.users().setStatus(TenantSlug.of(tenant), id, StaffUsers.DISABLED);
        System.out.println("Disabled " + u.username() + "; their sessions are ended.");
      } catch (ProblemException e) {
        System.err.println(e.title() + ": " + e.detail());
        Job.Utils.current().session().put("courtyard.failure", e.title() + ": " + e.detail());
      }
      return null;
    }
  }

  @Service
  @Command(
      scope = "courtyard",
      name = "role-list",
      description = "Lists a company's roles and their permissions")
  public static final class RoleList implements Action {
    @Reference IdentityPlatform identity;

    @Argument(index = 0, name = "tenant", required = true, description = "The company's slug")
    String tenant;

    @Override
    public Object execute() {
      ShellTable table = new ShellTable();
      table.column("Id");
      table.column("Code");
      table.column("Name");
      table.column("名称");
      table.column("Permissions");
      for (RoleView r : identity.roles().list(TenantSlug.of(tenant))) {
        table
            .addRow()
            .addContent(
                r.id(), r.code(), r.nameEn(), r.nameZh(), String.join(" ", r.permissions()));
      }
      table.print(System.out);
      return null;
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789";

  /** 16 characters without look-alikes, in groups of four: about 92 bits. */
  static String generatedPassword() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      if (i > 0 && i % 4 == 0) {
        b.append('-');
      }
      b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }
}
