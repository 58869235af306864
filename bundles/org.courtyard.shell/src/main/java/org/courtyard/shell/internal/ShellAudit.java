package org.courtyard.shell.internal;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.CommandSessionListener;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.console.Command;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.apache.karaf.shell.support.ShellUtil;
import org.apache.karaf.shell.support.parsing.GogoParser;
import org.courtyard.api.AuditTrail;
import org.courtyard.api.RequestAudit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One row in {@code platform.operator_audit} for every {@code courtyard:} shell command that
 * changes something, whoever's command it is: the Karaf shell calls every registered {@link
 * CommandSessionListener} around each command line it executes (console, SSH, {@code bin/client}, a
 * session opened through {@link SessionFactory}), so no command has to remember to audit itself.
 *
 * <p>Which commands only read is decided by the explicit {@link #READ_ONLY} set; any other command
 * in the scope, a new one included, is audited. A command that catches its own failure to print it
 * readably reports it through {@link #FAILURE}; an exception that leaves the command fails it too.
 * A line holding several commands ({@code a ; b}) gets a row per changing command, all with the
 * line's outcome.
 */
@Component(service = CommandSessionListener.class)
public final class ShellAudit implements CommandSessionListener {

  /**
   * The session variable a command sets to the message of a failure it handled itself (and printed)
   * instead of throwing.
   */
  public static final String FAILURE = "courtyard.failure";

  /** Commands of the scope that change nothing. */
  static final Set<String> READ_ONLY =
      Set.of(
          "device-gateway",
          "driver-list",
          "driver-packages",
          "module-list",
          "operator-list",
          "role-list",
          "tenant-list",
          "token-list",
          "user-list");

  /** Positional arguments that are free text (a company's display name, a note), not object ids. */
  static final Set<String> FREE_TEXT = Set.of("name", "note");

  static final String SCOPE = "courtyard";
  static final String SOURCE = "karaf-shell";
  private static final int SUMMARY_CHARS = 500;
  private static final Logger LOG = LoggerFactory.getLogger(ShellAudit.class);

  private final SessionFactory shell;

  @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
  private volatile AuditTrail trail;

  @Activate
  public ShellAudit(@Reference SessionFactory shell) {
    this.shell = shell;
  }

  @Override
  public void beforeExecute(CommandSession session, CharSequence line) {
    session.put(FAILURE, null);
  }

  @Override
  public void afterExecute(CommandSession session, CharSequence line, Object result) {
    Object failure = session.get(FAILURE);
    session.put(FAILURE, null);
    record(session, line, failure == null ? "ok" : "failed: " + failure);
  }

  @Override
  public void afterExecute(CommandSession session, CharSequence line, Exception exception) {
    session.put(FAILURE, null);
    String message = exception.getMessage();
    record(
        session,
        line,
        "failed: " + (message == null ? exception.getClass().getSimpleName() : message));
  }

  private void record(CommandSession session, CharSequence line, String outcome) {
    List<Invocation> changes;
    try {
      changes = changes(line.toString());
    } catch (RuntimeException e) {
      // a line the shell's parser refuses ran no command
      return;
    }
    if (changes.isEmpty()) {
      return;
    }
    AuditTrail audit = trail;
    String user = user(session);
    String requestId = UUID.randomUUID().toString();
    for (Invocation change : changes) {
      if (audit == null) {
        LOG.warn(
            "No operator audit available: courtyard:{} by {} left no audit row ({})",
            change.name,
            user,
            outcome);
        continue;
      }
      try {
        audit.record(
            RequestAudit.operator(
                user,
                "courtyard:" + change.name,
                change.objectIds,
                change.summary,
                SOURCE,
                requestId),
            outcome);
      } catch (RuntimeException e) {
        LOG.error(
            "The audit row of courtyard:{} by {} ({}) could not be written",
            change.name,
            user,
            outcome,
            e);
      }
    }
  }

  /** The signed-in user of the shell (the JAAS subject it runs as), else "shell". */
  static String user(CommandSession session) {
    String name = ShellUtil.getCurrentUserName();
    if (name == null && session != null && session.get("USER") instanceof String u) {
      name = u;
    }
    return name == null || name.isBlank() ? "shell" : name;
  }

  /** The changing {@code courtyard:} commands of {@code line}, in order. */
  List<Invocation> changes(String line) {
    List<Invocation> found = new ArrayList<>();
    for (List<List<String>> pipeline : new GogoParser(line, 0).program()) {
      for (List<String> statement : pipeline) {
        if (statement.isEmpty()) {
          continue;
        }
        String name = commandName(statement.get(0));
        if (name == null || READ_ONLY.contains(name)) {
          continue;
        }
        Command command = shell.getRegistry().getCommand(SCOPE, name);
        if (command == null) {
          continue;
        }
        found.add(Invocation.of(name, statement, actionClass(command)));
      }
    }
    return found;
  }

  /**
   * The courtyard command a statement's first word names, scoped or (resolved by the shell) not.
   */
  private String commandName(String word) {
    String w = unquoted(word);
    int colon = w.indexOf(':');
    if (colon >= 0) {
      return w.substring(0, colon).equals(SCOPE) ? w.substring(colon + 1) : null;
    }
    return shell.getRegistry().getCommand(SCOPE, w) == null ? null : w;
  }

  /**
   * The action class behind a command, for its {@link Argument} and {@link Option} declarations:
   * Karaf's ActionCommand exposes it as a public method, not through the console API.
   */
  private static Class<?> actionClass(Command command) {
    try {
      Object c = command.getClass().getMethod("getActionClass").invoke(command);
      return c instanceof Class<?> type ? type : null;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }

  static String unquoted(String word) {
    if (word.length() >= 2
        && (word.startsWith("\"") && word.endsWith("\"")
            || word.startsWith("'") && word.endsWith("'"))) {
      return word.substring(1, word.length() - 1);
    }
    return word;
  }

  static boolean secret(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.contains("password") || n.contains("secret") || n.contains("token");
  }

  /** One command of a line: its name, the ids its arguments name, the line with secrets masked. */
  record Invocation(String name, List<String> objectIds, String summary) {

    /**
     * Reads {@code statement} (the command word, then its words as typed) against the action's
     * declarations: which options take a value, which positional arguments are secret or free text.
     * Without them every option is taken to have a value.
     */
    static Invocation of(String name, List<String> statement, Class<?> action) {
      List<Field> options = new ArrayList<>();
      List<Argument> arguments = new ArrayList<>();
      for (Class<?> c = action; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (f.isAnnotationPresent(Option.class)) {
            options.add(f);
          }
          if (f.isAnnotationPresent(Argument.class)) {
            arguments.add(f.getAnnotation(Argument.class));
          }
        }
      }
      List<String> ids = new ArrayList<>();
      StringBuilder summary = new StringBuilder("courtyard:").append(name);
      int position = 0;
      for (int i = 1; i < statement.size(); i++) {
        String word = statement.get(i);
        summary.append(' ');
        if (word.startsWith("-") && word.length() > 1 && !word.equals("--")) {
          int eq = word.indexOf('=');
          String optionName = eq < 0 ? word : word.substring(0, eq);
          Field option = option(options, optionName);
          boolean flag = option != null && isFlag(option.getType());
          boolean hidden = secret(optionName);
          if (eq >= 0) {
            summary.append(optionName).append('=').append(hidden ? "***" : word.substring(eq + 1));
          } else {
            summary.append(word);
            if (!flag && i + 1 < statement.size()) {
              i++;
              summary.append(' ').append(hidden ? "***" : statement.get(i));
            }
          }
          continue;
        }
        Argument argument = argument(arguments, position++);
        String argumentName = argument == null ? "" : argument.name();
        if (secret(argumentName)) {
          summary.append("***");
        } else {
          summary.append(word);
          if (!FREE_TEXT.contains(argumentName)) {
            ids.add(unquoted(word));
          }
        }
      }
      String text = summary.toString().replaceAll("\\s+", " ").strip();
      if (text.length() > SUMMARY_CHARS) {
        text = text.substring(0, SUMMARY_CHARS) + "…";
      }
      return new Invocation(name, List.copyOf(ids), text);
    }

    private static Field option(List<Field> options, String word) {
      for (Field f : options) {
        Option o = f.getAnnotation(Option.class);
        if (o.name().equals(word) || List.of(o.aliases()).contains(word)) {
          return f;
        }
      }
      return null;
    }

    private static Argument argument(List<Argument> arguments, int position) {
      Argument last = null;
      for (Argument a : arguments) {
        if (a.index() == position) {
          return a;
        }
        if (a.multiValued() && a.index() < position && (last == null || a.index() > last.index())) {
          last = a;
        }
      }
      return last;
    }

    private static boolean isFlag(Class<?> type) {
      return type == boolean.class || type == Boolean.class;
    }
  }
}
