package org.cpor.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cpor.web.FieldError;

/** The API's field errors keyed by the form field that shows them ({@code workloads[2].code} under {@code workloads}). */
final class FieldErrors {

  private FieldErrors() {}

  static Map<String, String> byFormField(List<FieldError> errors) {
    Map<String, String> byField = new LinkedHashMap<>();
    for (FieldError error : errors) {
      String field = error.field().replaceAll("\\[\\d+]\\..*$", "").replaceAll("\\[\\d+]$", "");
      String key = switch (field) {
        case "customerContact.name" -> "customerContactName";
        case "customerContact.title" -> "customerContactTitle";
        case "customerContact.email" -> "customerContactEmail";
        case "customerContact.language" -> "customerContactLanguage";
        case "partnerContact.name" -> "partnerContactName";
        case "partnerContact.email" -> "partnerContactEmail";
        case "poeIds", "file" -> "poe";
        default -> field;
      };
      byField.merge(key, error.message(), (a, b) -> a + "; " + b);
    }
    return byField;
  }
}
