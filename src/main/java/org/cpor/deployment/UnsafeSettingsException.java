package org.cpor.deployment;

import java.util.List;

/** Start-up is refused: each problem names the setting (environment variable and property) to fix. */
class UnsafeSettingsException extends IllegalStateException {

  UnsafeSettingsException(List<String> problems) {
    super("The application refuses to start with these settings:\n - " + String.join("\n - ", problems));
  }
}
