package org.cpor.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A text's length within {@link Limits}, refused in the words of {@link Limits#tooLong} (or
 * {@link Limits#lengthBetween}, with a minimum), which name the length the text has. Null passes.
 */
@Documented
@Constraint(validatedBy = WithinLimits.Check.class)
@Target(FIELD)
@Retention(RUNTIME)
public @interface WithinLimits {

  int min() default 0;

  int max();

  /** Unused: the message names the length. */
  String message() default "";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks a text against its limits. */
  class Check implements ConstraintValidator<WithinLimits, String> {

    private int min;
    private int max;

    @Override
    public void initialize(WithinLimits limits) {
      min = limits.min();
      max = limits.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      if (value == null || value.length() >= min && value.length() <= max) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      context.buildConstraintViolationWithTemplate(min == 0 ? Limits.tooLong(max, value.length())
          : Limits.lengthBetween(min, max, value.length())).addConstraintViolation();
      return false;
    }
  }
}
