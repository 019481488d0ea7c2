package org.cpor.notification;

import org.cpor.deployment.EmbeddedDefaultRun;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The local mailbox of the embedded default run: without a mail server every e-mail stays in the notification
 * log, and a newcomer reads here what was sent. It shows customers' decline links to anyone, so it exists nowhere
 * else: not with any profile, not with a mail server.
 */
@Controller
@Conditional(MailboxController.LocalMailbox.class)
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

  /** The embedded default run without {@code spring.mail.host}. */
  static class LocalMailbox implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return EmbeddedDefaultRun.isActive(context.getEnvironment())
          && !StringUtils.hasText(context.getEnvironment().getProperty("spring.mail.host"));
    }
  }
}
