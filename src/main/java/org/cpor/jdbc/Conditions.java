package org.cpor.jdbc;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The filters of a search as SQL conditions with their parameters, made once and used for its page and its count.
 * Every value is a bound parameter; only the column names and the conditions' text, which the code writes, are SQL.
 */
public final class Conditions {

  private final StringBuilder sql = new StringBuilder(" where 1 = 1");
  private final List<Object> params = new ArrayList<>();

  /** {@code and <column> = ?}, when the value is not null. */
  public Conditions equal(String column, Object value) {
    return value == null ? this : add(column + " = ?", value);
  }

  /** {@code and <condition>}, written by the code, with the values of its parameters in their order. */
  public Conditions add(String condition, Object... values) {
    sql.append(" and ").append(condition);
    params.addAll(Arrays.asList(values));
    return this;
  }

  /** The {@code where} clause. */
  public String where() {
    return sql.toString();
  }

  /** The parameters of the conditions, followed by {@code more} (a page's limit and offset, say). */
  public Object[] params(Object... more) {
    List<Object> all = new ArrayList<>(params);
    all.addAll(Arrays.asList(more));
    return all.toArray();
  }
}
