package org.cpor;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CporApplication {

  public static void main(String[] args) {
    SpringApplication.run(CporApplication.class, args);
  }

  /**
   * "Now" for the whole product: every feature asks this clock, never the system or the engine. The engine keeps
   * its own clock, the system's too; tests that move time move this one, and the engine's follows it.
   */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
