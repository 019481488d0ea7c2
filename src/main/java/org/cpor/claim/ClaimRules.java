package org.cpor.claim;

import jakarta.validation.Validator;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cpor.catalogue.Program;
import org.cpor.catalogue.WorkloadCatalogue;
import org.cpor.claim.ClaimRequest.WorkloadRequest;
import org.cpor.tenant.Tenant;
import org.cpor.web.FieldError;
import org.springframework.stereotype.Component;

/**
 * The field rules of DOMAIN.md, every bad field of a claim or an answer named at once, in the order of its fields (after
 * {@link ClaimLimits}): each field's own rules are the request's Bean Validation constraints; what depends on another
 * field or on the workload catalogue (the program's workloads, subscription IDs, the incentive opt-out) is here.
 */
@Component
class ClaimRules {

  private final WorkloadCatalogue catalogue;
  private final Validator validator;

  ClaimRules(WorkloadCatalogue catalogue, Validator validator) {
    this.catalogue = catalogue;
    this.validator = validator;
  }

  List<FieldError> check(ClaimRequest claim) {
    List<FieldError> errors = violations(claim);
    Program program = claim.program() == null ? null : program(claim.program());
    if (claim.program() != null && program == null) {
      errors.add(new FieldError("program", "must be one of OSA_SELL, OSU_M365, OSU_BUSINESS_APPLICATIONS"));
    }
    checkWorkloads(claim.workloads(), program, errors);
    if (Boolean.TRUE.equals(claim.incentiveOptOut()) && program != null && !program.allowsIncentiveOptOut()) {
      errors.add(new FieldError("incentiveOptOut", "exists for Modern Work and Security (OSU_M365) claims only"));
    }
    return inOrderOf(ClaimRequest.class, errors);
  }

  /** The corrections an answer to an information request carries, for a claim of this program. */
  List<FieldError> check(InformationAnswer answer, Program program) {
    List<FieldError> errors = violations(answer);
    checkWorkloads(answer.workloads(), program, errors);
    return inOrderOf(InformationAnswer.class, errors);
  }

  /**
   * The workloads of a claim or of a corrected answer, one by one (that there is one at all is a constraint): one look
   * at the program's catalogue, whatever their number.
   */
  private void checkWorkloads(List<WorkloadRequest> workloads, Program program, List<FieldError> errors) {
    if (workloads == null || workloads.isEmpty()) {
      return;
    }
    Set<String> ofProgram = program == null ? Set.of()
        : catalogue.ofProgram(program).stream().map(WorkloadCatalogue.Workload::code).collect(Collectors.toSet());
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < workloads.size(); i++) {
      String field = "workloads[" + i + "]";
      WorkloadRequest workload = workloads.get(i);
      if (workload == null || workload.code() == null) {
        errors.add(new FieldError(field + ".code", ClaimRequest.REQUIRED));
        continue;
      }
      String code = workload.code();
      if (!seen.add(code)) {
        errors.add(new FieldError(field + ".code", code + " is claimed twice"));
        continue;
      }
      if (!ofProgram.contains(code)) {
        // the catalogue is asked again only for a code the program does not list, to say what is wrong with it
        Map<String, String> programs = catalogue.programsOf(code);
        if (programs.isEmpty()) {
          errors.add(new FieldError(field + ".code", "unknown workload " + code));
        } else if (program != null) {
          errors.add(new FieldError(field + ".code", code + " is not a workload of program " + program.name()));
        }
        continue;
      }
      String subscription = workload.subscriptionId();
      if (program.needsSubscriptionIds()) {
        if (subscription == null) {
          errors.add(new FieldError(field + ".subscriptionId", "is required for Business Applications workloads"));
        } else if (!Tenant.ID.matcher(subscription).matches()) {
          errors.add(new FieldError(field + ".subscriptionId", "must be a GUID"));
        }
      } else if (subscription != null) {
        errors.add(new FieldError(field + ".subscriptionId", "is only for Business Applications workloads"));
      }
    }
  }

  /** The request's Bean Validation constraints, those of the requests it holds too (the contacts). */
  private List<FieldError> violations(Record request) {
    return validator.validate(request).stream().map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
        .collect(Collectors.toCollection(ArrayList::new));
  }

  /**
   * The errors in the order of the request's fields they name, down into the requests it holds (those of one field, a
   * list's say, in the order they were found).
   */
  private static List<FieldError> inOrderOf(Class<? extends Record> type, List<FieldError> errors) {
    Comparator<List<Integer>> byPosition = (a, b) -> {
      for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
        if (!a.get(i).equals(b.get(i))) {
          return Integer.compare(a.get(i), b.get(i));
        }
      }
      return Integer.compare(a.size(), b.size());
    };
    return errors.stream().sorted(Comparator.comparing(e -> position(type, e.field().split("\\[")[0]), byPosition))
        .collect(Collectors.toCollection(ArrayList::new));
  }

  /** Where a field lies in a request: the index of each record component along its path. */
  private static List<Integer> position(Class<?> type, String path) {
    List<Integer> position = new ArrayList<>();
    for (String name : path.split("\\.")) {
      RecordComponent[] components = type.isRecord() ? type.getRecordComponents() : new RecordComponent[0];
      int index = Arrays.stream(components).map(RecordComponent::getName).toList().indexOf(name);
      position.add(index);
      type = index < 0 ? Object.class : components[index].getType();
    }
    return position;
  }

  private static Program program(String value) {
    try {
      return Program.valueOf(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
