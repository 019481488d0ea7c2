package org.cpor.audit.cockpit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.cpor.web.InvalidInputException;
import org.cpor.web.Params;

/**
 * The columns the claims history sorts by. The request names a key; the SQL comes from here only, so nothing a
 * caller sends becomes part of a query. Claims without a value (not yet decided, not official) come last.
 */
enum HistorySort {
  SUBMITTED("c.submitted_at"),
  DECIDED("decided_at"),
  OFFICIAL("c.official_at"),
  STATUS("c.status"),
  NAME("lower(c.name)"),
  ORGANISATION("lower(o.name)"),
  PARTNER("c.partner_id");

  private final String expression;

  HistorySort(String expression) {
    this.expression = expression;
  }

  /** The ORDER BY clause, the claim ID last so that pages never overlap. */
  String orderBy(boolean descending) {
    return " order by " + expression + (descending ? " desc" : " asc") + " nulls last, c.id";
  }

  String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  static HistorySort parse(String value) {
    String key = Params.blankToNull(value);
    if (key == null) {
      return SUBMITTED;
    }
    return Arrays.stream(values()).filter(s -> s.key().equals(key.toLowerCase(Locale.ROOT))).findFirst()
        .orElseThrow(() -> new InvalidInputException("sort", "must be one of "
            + Arrays.stream(values()).map(HistorySort::key).collect(Collectors.joining(", "))));
  }
}
