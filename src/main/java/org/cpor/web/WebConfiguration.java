package org.cpor.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

@Configuration
class WebConfiguration {

  /** Pages choose their language (the customer's from the claim, switchable); the browser's otherwise. */
  @Bean
  LocaleResolver localeResolver() {
    return new RequestAttributeLocaleResolver();
  }
}
