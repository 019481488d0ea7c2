package org.cpor.identity;

import java.util.List;
import org.cpor.partner.Organisation;

/**
 * What the authorisations need to know of the claim process and of Tasklist's filters, answered in {@code process/},
 * which knows the model: the definition groups are granted rights on, and the filters each group reads.
 */
public interface TasklistSetup {

  /** The key of the claim process's definition. */
  String processKey();

  /** The validators' filters, created when absent and brought up to date otherwise; their IDs. */
  List<String> validatorFilters();

  /** The filter of the organisation's Incentives admins, created or brought up to date; its ID. */
  String organisationFilter(Organisation organisation);
}
