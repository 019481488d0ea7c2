package org.cpor.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.test.context.ActiveProfilesResolver;

/** The suite runs with the test profile plus whatever SPRING_PROFILES_ACTIVE adds (CI adds postgres). */
public class TestProfiles implements ActiveProfilesResolver {

  @Override
  public String[] resolve(Class<?> testClass) {
    List<String> profiles = new ArrayList<>(List.of("test"));
    String extra = System.getenv("SPRING_PROFILES_ACTIVE");
    if (extra != null && !extra.isBlank()) {
      Arrays.stream(extra.split(",")).map(String::strip).filter(p -> !p.isEmpty() && !"test".equals(p)).forEach(profiles::add);
    }
    return profiles.toArray(String[]::new);
  }
}
