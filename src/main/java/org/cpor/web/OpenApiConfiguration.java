package org.cpor.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/** The OpenAPI description of {@code /api} (served at /v3/api-docs, browsable at /swagger-ui.html). */
@Configuration
class OpenApiConfiguration {

  static final String PROBLEM = "Problem";

  private static final List<Tag> AUDIENCES = List.of(
      new Tag().name(ApiDocs.PARTNER).description("Partner organisations: their Incentives admins submit claims with proof of "
          + "execution, answer information requests, withdraw and dispute claims and end official associations; their "
          + "Incentives users read the organisation's claims and associations. Validators, auditors and administrators read "
          + "every organisation's claims, associations and proof of execution."),
      new Tag().name(ApiDocs.CALENDAR).description("The business-day calendar that every deadline is counted in; any "
          + "signed-in user may read it."),
      new Tag().name(ApiDocs.AUDITOR).description("Auditors (and administrators): every claim with its decisions and "
          + "timeline, read-only."),
      new Tag().name(ApiDocs.ADMINISTRATOR).description("Administrators (`camunda-admin`): partner organisations, their "
          + "PartnerIDs and members, customer tenants, the workload catalogue and the holiday calendar; every change is "
          + "recorded."));

  @Bean
  OpenAPI claimsApi() {
    return new OpenAPI()
        .info(new Info().title("CPOR customer association claims API").version("1")
            .description("""
                The REST API of the CPOR customer association claims product, under `/api`: partners submit and follow \
                their customer association claims and associations; auditors export every claim's history; \
                administrators manage partner organisations, tenants, workloads and the holiday calendar. Validators \
                decide claims in Camunda Tasklist or through the engine REST API at `/engine-rest`, which this \
                document does not describe.

                Sign in with HTTP Basic (the same users as the Camunda webapps), or use the portal's session cookie \
                and send its CSRF token with every change. Errors are RFC 9457 problem details \
                (`application/problem+json`; for 400 with an `errors` array naming each field); a partner asking for \
                another organisation's claim, file or association gets 404. Times are ISO-8601 instants in UTC, \
                calendar dates `YYYY-MM-DD`. The flows, status and reason codes and the customer's link are described \
                in the repository's `docs/API.md`."""))
        .tags(AUDIENCES)
        .components(new Components()
            .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
            .addSchemas(PROBLEM, problemSchema()))
        .addSecurityItem(new SecurityRequirement().addList("basic"));
  }

  /** Every 4xx answer of every operation is a problem; every operation needs a signed-in caller. */
  @Bean
  @Order(Ordered.LOWEST_PRECEDENCE)
  GlobalOperationCustomizer problemResponses() {
    return (operation, handlerMethod) -> {
      if (operation.getResponses() == null) {
        operation.setResponses(new ApiResponses());
      }
      ApiResponses responses = operation.getResponses();
      responses.putIfAbsent("401", new ApiResponse().description("Not signed in: send HTTP Basic credentials"));
      // a JSON body is limited in size and type for every operation that takes one
      if (java.util.Arrays.stream(handlerMethod.getMethodParameters())
          .anyMatch(p -> p.hasParameterAnnotation(org.springframework.web.bind.annotation.RequestBody.class))) {
        responses.putIfAbsent("413", new ApiResponse().description(ApiDocs.BODY_TOO_LARGE));
        responses.putIfAbsent("415", new ApiResponse().description(ApiDocs.NOT_JSON));
      }
      responses.forEach((code, response) -> {
        if (code.startsWith("4")) {
          response.setContent(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
        }
      });
      // an operation that answers 201 or 204 does not also answer 200
      if (responses.keySet().stream().anyMatch(code -> code.startsWith("2") && !code.equals("200"))) {
        responses.remove("200");
      }
      sortByCode(operation);
      return operation;
    };
  }

  /** The audiences in their order (partner first), each audience's operations by resource, then by path. */
  @Bean
  GlobalOpenApiCustomizer operationsByAudience() {
    return openApi -> {
      if (openApi.getPaths() == null) {
        return;
      }
      List<String> order = AUDIENCES.stream().map(Tag::getName).toList();
      Paths sorted = new Paths();
      openApi.getPaths().entrySet().stream()
          .sorted(Comparator.<Map.Entry<String, io.swagger.v3.oas.models.PathItem>>comparingInt(path -> path.getValue()
                  .readOperations().stream().map(this::audience).mapToInt(order::indexOf).min().orElse(order.size()))
              .thenComparingInt(path -> flowOrder(path.getKey()))
              .thenComparing(Map.Entry::getKey))
          .forEach(path -> sorted.addPathItem(path.getKey(), path.getValue()));
      openApi.setPaths(sorted);
      openApi.setTags(AUDIENCES);
    };
  }

  /** A partner's resources in the order of the work: the claim, the files it needs, the associations it makes. */
  private static final List<String> FLOW = List.of("/api/claims", "/api/poe", "/api/associations");

  private static int flowOrder(String path) {
    for (int i = 0; i < FLOW.size(); i++) {
      if (path.equals(FLOW.get(i)) || path.startsWith(FLOW.get(i) + "/")) {
        return i;
      }
    }
    return FLOW.size();
  }

  private String audience(Operation operation) {
    return operation.getTags() == null || operation.getTags().isEmpty() ? "" : operation.getTags().get(0);
  }

  private static void sortByCode(Operation operation) {
    ApiResponses sorted = new ApiResponses();
    operation.getResponses().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(entry -> sorted.addApiResponse(entry.getKey(), entry.getValue()));
    operation.setResponses(sorted);
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema problemSchema() {
    Schema fieldError = new ObjectSchema()
        .addProperty("field", new StringSchema().description("the field, parameter, part or header, e.g. `workloads[0].code`"))
        .addProperty("message", new StringSchema().description("what it must be; the value sent is never repeated"));
    return new ObjectSchema().description("RFC 9457 problem details")
        .addProperty("type", new StringSchema().description("`urn:cpor:problem:…`, e.g. invalid-input, not-found, conflict, "
            + "refused, too-large, unsupported-type, forbidden, unauthorized, idempotency-key-reused, request-in-progress"))
        .addProperty("title", new StringSchema().description("the status's reason phrase"))
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema().description("what was wrong, for a person"))
        .addProperty("instance", new StringSchema().description("the request's path"))
        .addProperty("errors", new ArraySchema().items(fieldError).description("400 and 422: each field that was refused"))
        .addProperty("claimStatus", new StringSchema().description("409 of a claim's change: the claim's status now"));
  }
}
