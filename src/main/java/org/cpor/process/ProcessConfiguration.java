package org.cpor.process;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
class ProcessConfiguration {

  @Bean
  Clock clock() {
    return new EngineClock();
  }
}
