package org.courtyard.apiversions;

import aQute.bnd.service.diff.Delta;
import aQute.bnd.service.diff.Tree;
import aQute.bnd.service.diff.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * bnd's API tree of one package as text a reviewer can read in a diff: one element per line,
 * indented two spaces per level, {@code TYPE ifAdded ifRemoved name}. The two deltas are what bnd
 * decided the element's addition or removal means (an abstract method of a {@code @ConsumerType}
 * interface is MAJOR when added, of a {@code @ProviderType} one MINOR), so they are kept: the
 * comparison needs them. Lines starting with {@code #} are comments.
 */
final class ApiText {

  private ApiText() {}

  static String write(Tree.Data root, List<String> comments) {
    StringBuilder out = new StringBuilder();
    for (String comment : comments) {
      out.append("# ").append(comment).append('\n');
    }
    write(root, 0, out);
    return out.toString();
  }

  private static void write(Tree.Data node, int depth, StringBuilder out) {
    out.append("  ".repeat(depth))
        .append(node.type)
        .append(' ')
        .append(node.add)
        .append(' ')
        .append(node.rem)
        .append(' ')
        .append(escape(node.name))
        .append('\n');
    if (node.children != null) {
      for (Tree.Data child : node.children) {
        write(child, depth + 1, out);
      }
    }
  }

  static Tree.Data read(List<String> lines, String source) {
    Deque<Tree.Data> open = new ArrayDeque<>();
    Deque<List<Tree.Data>> children = new ArrayDeque<>();
    Tree.Data root = null;
    int number = 0;
    for (String line : lines) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int indent = 0;
      while (indent < line.length() && line.charAt(indent) == ' ') {
        indent++;
      }
      String[] parts = line.substring(indent).split(" ", 4);
      if (indent % 2 != 0 || parts.length != 4) {
        throw new IllegalArgumentException(
            source + ":" + number + ": expected '  '*depth + 'TYPE ADD REM name', got: " + line);
      }
      int depth = indent / 2;
      while (open.size() > depth) {
        close(open, children);
      }
      if (open.size() != depth || (depth == 0 && root != null)) {
        throw new IllegalArgumentException(
            source + ":" + number + ": indentation does not follow the tree: " + line);
      }
      Tree.Data node = new Tree.Data();
      node.type = Type.valueOf(parts[0]);
      node.add = Delta.valueOf(parts[1]);
      node.rem = Delta.valueOf(parts[2]);
      node.name = unescape(parts[3]);
      if (depth == 0) {
        root = node;
      } else {
        children.peek().add(node);
      }
      open.push(node);
      children.push(new ArrayList<>());
    }
    while (!open.isEmpty()) {
      close(open, children);
    }
    if (root == null) {
      throw new IllegalArgumentException(source + ": holds no API tree");
    }
    return root;
  }

  private static void close(Deque<Tree.Data> open, Deque<List<Tree.Data>> children) {
    Tree.Data node = open.pop();
    List<Tree.Data> own = children.pop();
    node.children = own.isEmpty() ? null : own.toArray(new Tree.Data[0]);
  }

  /** Names are one line: a constant's value may hold line breaks. */
  private static String escape(String name) {
    return name.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static String unescape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
