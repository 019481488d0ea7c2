package org.cpor.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Text a client sends holds no NUL character: PostgreSQL cannot store one, so it would fail the request deep in the
 * database instead of being refused at the door. Parameters are refused by Spring Security's firewall, JSON strings
 * when they are read; both answer 400 naming what was refused.
 */
@Configuration
class TextInput {

  static final char NUL = '\0';

  @Bean
  HttpFirewall firewall() {
    StrictHttpFirewall firewall = new StrictHttpFirewall();
    firewall.setAllowedParameterValues(value -> value == null || value.indexOf(NUL) < 0);
    return firewall;
  }

  /** Spring Boot installs every Jackson module bean in the API's object mapper. */
  @Bean
  SimpleModule textWithoutNul() {
    return new SimpleModule("text-without-nul").addDeserializer(String.class, new WithoutNul());
  }

  static final class WithoutNul extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String text = super.deserialize(parser, context);
      if (text != null && text.indexOf(NUL) >= 0) {
        throw context.weirdStringException(text, String.class, "may not contain the NUL character");
      }
      return text;
    }
  }
}
