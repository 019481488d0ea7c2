package org.cpor.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Request parameters as the product reads them: blank means absent, codes are upper case. */
public final class Params {

  /** Four-digit years only, and no 30 February: the dates a person asks for, and the ones every database stores. */
  private static final DateTimeFormatter DATE = new DateTimeFormatterBuilder().appendValue(ChronoField.YEAR, 4)
      .appendLiteral('-').appendValue(ChronoField.MONTH_OF_YEAR, 2).appendLiteral('-').appendValue(ChronoField.DAY_OF_MONTH, 2)
      .toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);

  private Params() {}

  /** A calendar date as YYYY-MM-DD, null when absent; anything else is refused naming the parameter. */
  public static LocalDate date(String parameter, String value) {
    String text = blankToNull(value);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text, DATE);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(parameter, "must be a date as YYYY-MM-DD");
    }
  }

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
