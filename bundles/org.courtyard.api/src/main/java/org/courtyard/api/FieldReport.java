package org.courtyard.api;

import java.util.function.BiConsumer;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where a validation rule reports what is wrong with a field: {@code (field, message)}, the message
 * a {@link Text} said in the request's language. {@link FieldErrors} is one; pass it (or {@code
 * errors::add}) to the rules of {@link TextRules}. As a {@link BiConsumer} of strings it takes an
 * English message, said alike in every language.
 */
@ConsumerType
@FunctionalInterface
public interface FieldReport extends BiConsumer<String, String> {

  void add(String field, Text message);

  @Override
  default void accept(String field, String message) {
    add(field, Text.plain(message));
  }
}
