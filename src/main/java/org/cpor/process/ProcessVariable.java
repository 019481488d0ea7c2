package org.cpor.process;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/** A typed process variable: its name lives here once, and reading it needs no cast at the call site. */
final class ProcessVariable<T> {

  private final String name;
  private final Class<T> type;

  private ProcessVariable(String name, Class<T> type) {
    this.name = name;
    this.type = type;
  }

  static ProcessVariable<String> string(String name) {
    return new ProcessVariable<>(name, String.class);
  }

  static ProcessVariable<Date> instant(String name) {
    return new ProcessVariable<>(name, Date.class);
  }

  /**
   * A form field a user fills in: its value has the type the sender chose (Tasklist and REST clients differ), so it is
   * read as sent and made sense of by {@link TaskValues}.
   */
  static ProcessVariable<Object> sent(String name) {
    return new ProcessVariable<>(name, Object.class);
  }

  String name() {
    return name;
  }

  T from(VariableScope scope) {
    T value = ifSet(scope);
    if (value == null) {
      throw new IllegalStateException("process variable " + name + " is not set");
    }
    return value;
  }

  /** The value, or null when the variable is not set. */
  T ifSet(VariableScope scope) {
    return type.cast(scope.getVariable(name));
  }

  void set(VariableScope scope, T value) {
    scope.setVariable(name, value);
  }

  static void setInstant(VariableScope scope, ProcessVariable<Date> variable, Instant value) {
    variable.set(scope, Date.from(value));
  }
}
