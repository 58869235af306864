package org.courtyard.launcher;

import java.util.ArrayList;
import java.util.List;

/**
 * Edits the lines of a {@code .properties}/{@code .cfg} file without rewriting the rest of it:
 * comments, order and formatting of other entries stay as they were.
 */
final class PropertyLines {

  private PropertyLines() {}

  /**
   * Returns {@code lines} with {@code key} set to {@code value}: the first entry for the key is
   * replaced in place, later entries for it are removed (in a properties file the last one wins, so
   * a stale duplicate would override the new value), and the entry is appended if there is none.
   * Continuation lines of a replaced entry go with it; commented-out entries are left alone.
   */
  static List<String> withProperty(List<String> lines, String key, String value) {
    String entry = key + "=" + escapeValue(value);
    List<String> result = new ArrayList<>(lines.size() + 1);
    boolean written = false;
    int i = 0;
    while (i < lines.size()) {
      String line = lines.get(i);
      if (isBlankOrComment(line)) {
        result.add(line);
        i++;
        continue;
      }
      int last = i;
      while (last + 1 < lines.size() && continuesOnNextLine(lines.get(last))) {
        last++;
      }
      if (key.equals(keyOf(line))) {
        if (!written) {
          result.add(entry);
          written = true;
        }
      } else {
        result.addAll(lines.subList(i, last + 1));
      }
      i = last + 1;
    }
    if (!written) {
      result.add(entry);
    }
    return result;
  }

  /**
   * Escapes a value for a properties file. Non-ASCII characters become {@code \}{@code uXXXX},
   * which reads back the same whether the file is read as ISO-8859-1 or UTF-8.
   */
  static String escapeValue(String value) {
    StringBuilder escaped = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> escaped.append("\\\\");
        case '\n' -> escaped.append("\\n");
        case '\r' -> escaped.append("\\r");
        case '\t' -> escaped.append("\\t");
        case '\f' -> escaped.append("\\f");
        case ' ' -> escaped.append(i == 0 ? "\\ " : " ");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            escaped.append(String.format("\\u%04x", (int) c));
          } else {
            escaped.append(c);
          }
        }
      }
    }
    return escaped.toString();
  }

  /** The (unescaped) key of an entry line, or {@code null} for a blank or comment line. */
  static String keyOf(String line) {
    if (isBlankOrComment(line)) {
      return null;
    }
    int i = firstNonWhitespace(line);
    StringBuilder key = new StringBuilder();
    while (i < line.length()) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        char next = line.charAt(i + 1);
        key.append(
            switch (next) {
              case 't' -> '\t';
              case 'n' -> '\n';
              case 'r' -> '\r';
              case 'f' -> '\f';
              default -> next;
            });
        i += 2;
        continue;
      }
      if (c == '=' || c == ':' || c == ' ' || c == '\t' || c == '\f') {
        break;
      }
      key.append(c);
      i++;
    }
    return key.toString();
  }

  private static boolean isBlankOrComment(String line) {
    int i = firstNonWhitespace(line);
    return i == line.length() || line.charAt(i) == '#' || line.charAt(i) == '!';
  }

  private static int firstNonWhitespace(String line) {
    int i = 0;
    while (i < line.length()
        && (line.charAt(i) == ' ' || line.charAt(i) == '\t' || line.charAt(i) == '\f')) {
      i++;
    }
    return i;
  }

  /** An odd number of trailing backslashes escapes the line break. */
  private static boolean continuesOnNextLine(String line) {
    int backslashes = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }
}
