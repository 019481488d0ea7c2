package org.cpor.deployment;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up refused for unsafe settings reads as what to set, not as a stack trace. */
class UnsafeSettingsFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeSettingsException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, UnsafeSettingsException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "Set the settings named above (as environment variables or application properties) and start again.", cause);
  }
}
