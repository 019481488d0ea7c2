package org.cpor.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cpor.claim.InformationRequests;
import org.cpor.claim.Labels;
import org.cpor.web.FieldError;

/**
 * The API's field errors as a partner reads them: keyed by the form field that shows them ({@code workloads[2].code}
 * under {@code workloads}), codes in words, and, where one sentence reports them, named by the field's label rather
 * than its internal name ("Your answer is required", not "comment: is required").
 */
final class FieldErrors {

  private static final Map<String, String> LABELS = Map.ofEntries(
      Map.entry("name", "The claim name"),
      Map.entry("partnerId", "The PartnerID"),
      Map.entry("program", "The program"),
      Map.entry("customerTenantId", "The customer tenant ID"),
      Map.entry("customerDomain", "The customer domain"),
      Map.entry("workloads", "Workloads:"),
      Map.entry("customerContact", "The customer contact"),
      Map.entry("customerContactName", "The customer contact's name"),
      Map.entry("customerContactTitle", "The customer contact's title"),
      Map.entry("customerContactEmail", "The customer contact's e-mail"),
      Map.entry("customerContactLanguage", "The customer contact's language"),
      Map.entry("partnerContact", "The partner contact"),
      Map.entry("partnerContactName", "The partner contact's name"),
      Map.entry("partnerContactEmail", "The partner contact's e-mail"),
      Map.entry("incentiveOptOut", "The incentive opt-out"),
      Map.entry("comment", "Your answer"),
      Map.entry(InformationRequests.TASK_ANSWER, "Your answer"),
      Map.entry("justification", "The justification"),
      Map.entry("reason", "The reason"),
      Map.entry("poe", "Proof of execution:"));

  private FieldErrors() {}

  static Map<String, String> byFormField(List<FieldError> errors, Labels labels) {
    Map<String, String> byField = new LinkedHashMap<>();
    for (FieldError error : errors) {
      byField.merge(formField(error.field()), labels.sentence(error.message()), (a, b) -> a + "; " + b);
    }
    return byField;
  }

  /** Every error in one sentence, each named by its field's label. */
  static String sentence(List<FieldError> errors, Labels labels) {
    return byFormField(errors, labels).entrySet().stream()
        .map(e -> LABELS.getOrDefault(e.getKey(), "") + " " + e.getValue())
        .map(String::strip)
        .collect(Collectors.joining("; ")) + ".";
  }

  private static String formField(String apiField) {
    String field = apiField.replaceAll("\\[\\d+]\\..*$", "").replaceAll("\\[\\d+]$", "");
    return switch (field) {
      case "customerContact.name" -> "customerContactName";
      case "customerContact.title" -> "customerContactTitle";
      case "customerContact.email" -> "customerContactEmail";
      case "customerContact.language" -> "customerContactLanguage";
      case "partnerContact.name" -> "partnerContactName";
      case "partnerContact.email" -> "partnerContactEmail";
      case "poeIds", "file" -> "poe";
      default -> field;
    };
  }
}
