package org.cpor.web;

/** One bad field of a request, as answered in a problem's {@code errors} array. */
public record FieldError(String field, String message) {}
