package org.cpor.process;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.cpor.claim.ValidationInput;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Values as Tasklist and REST clients send them: a checklist arrives as Spin JSON, as a string holding a JSON
 * array, or as a comma-separated string.
 */
final class TaskValues {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TaskValues() {}

  /** A validator's decision from the variables of Task_ValidateClaim, however they were sent. */
  static ValidationInput validationInput(Function<String, Object> variable) {
    return new ValidationInput(text(variable.apply(AssociationClaimProcess.VALIDATION_OUTCOME.name())),
        list(variable.apply(AssociationClaimProcess.VALIDATION_REASONS.name())),
        text(variable.apply(AssociationClaimProcess.VALIDATION_COMMENT.name())));
  }

  static String text(Object value) {
    if (value instanceof SpinJsonNode node) {
      return node.isString() ? node.stringValue() : node.toString();
    }
    return value == null ? null : value.toString();
  }

  static List<String> list(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof SpinJsonNode node) {
      if (node.isArray()) {
        return node.elements().stream().map(TaskValues::text).toList();
      }
      return list(text(node));
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(TaskValues::text).toList();
    }
    String text = value.toString().strip();
    if (text.startsWith("[")) {
      try {
        return JSON.readValue(text, new TypeReference<List<String>>() { });
      } catch (Exception e) {
        return List.of(text);
      }
    }
    return text.isEmpty() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).toList();
  }
}
