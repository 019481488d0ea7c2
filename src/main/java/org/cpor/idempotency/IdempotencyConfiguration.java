package org.cpor.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class IdempotencyConfiguration {

  /** After Spring Security (a key belongs to the signed-in user); it looks only at the endpoints marked {@link Idempotent}. */
  @Bean
  FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(IdempotentEndpoints endpoints, IdempotentRequests requests,
      ObjectMapper json) {
    FilterRegistrationBean<IdempotencyFilter> registration =
        new FilterRegistrationBean<>(new IdempotencyFilter(endpoints, requests, json));
    registration.addUrlPatterns("/api/*");
    registration.setName("idempotency-key");
    registration.setOrder(10);
    return registration;
  }
}
