package org.cpor.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The local mailbox of the embedded default run: without a mail server every e-mail stays in the notification
 * log, and a newcomer reads here what was sent (customer decline links included).
 */
@Controller
@Profile("!prod")
@ConditionalOnProperty(prefix = "spring.mail", name = "host", havingValue = "local-mailbox-only", matchIfMissing = true)
class MailboxController {

  private final NotificationStore store;

  MailboxController(NotificationStore store) {
    this.store = store;
  }

  @GetMapping("/dev/mailbox")
  String mailbox(Model model) {
    model.addAttribute("notifications", store.latest(200));
    return "dev/mailbox";
  }
}
