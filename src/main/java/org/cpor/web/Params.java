package org.cpor.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Request parameters as the product reads them: blank means absent, codes are upper case. */
public final class Params {

  private Params() {}

  public static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** The code as a constant of the enumeration, null when absent; a bad code is refused naming the parameter. */
  public static <E extends Enum<E>> E code(Class<E> type, String parameter, String value) {
    String code = blankToNull(value);
    if (code == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, code.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(parameter, "must be one of " + Arrays.stream(type.getEnumConstants())
          .map(Enum::name).collect(Collectors.joining(", ")));
    }
  }
}
