package org.cpor.demo;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code cpor.demo-data}: whether to create the demo data, and the demo calendar's holidays (date → name). */
@ConfigurationProperties("cpor.demo-data")
record DemoDataProperties(boolean enabled, Map<String, String> holidays) {

  DemoDataProperties {
    holidays = holidays == null ? Map.of() : holidays;
  }
}
