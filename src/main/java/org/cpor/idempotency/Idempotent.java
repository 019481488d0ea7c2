package org.cpor.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method that creates something and honours the {@code Idempotency-Key} request header: a retry
 * with the same key and the same request answers what the first answered and creates nothing. The methods carrying
 * it are the endpoints the {@link IdempotencyFilter} covers (by their request method and path) and the operations
 * whose OpenAPI description names the header; nothing else is covered.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {}
