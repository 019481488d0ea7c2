package org.cpor.web;

import java.util.List;

/** One page of a list as the API answers it; {@code page} counts from 0, {@code size} is 1 to 200. */
public record Page<T>(List<T> items, int page, int size, long total) {

  public static void checkPaging(int page, int size) {
    if (page < 0) {
      throw new InvalidInputException("page", "must be 0 or more");
    }
    if (size < 1 || size > 200) {
      throw new InvalidInputException("size", "must be between 1 and 200");
    }
  }
}
