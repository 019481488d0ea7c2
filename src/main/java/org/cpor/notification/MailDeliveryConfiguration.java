package org.cpor.notification;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.cpor.deployment.EmbeddedDefaultRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * With {@code spring.mail.host} set, e-mails go over SMTP; without it they stay in the notification log, readable
 * at {@code /dev/mailbox} in the embedded default run.
 */
@Configuration
class MailDeliveryConfiguration {

  private static final Logger log = LoggerFactory.getLogger(MailDeliveryConfiguration.class);

  /**
   * Jakarta Mail looks its stream provider up with a {@code ServiceLoader} for every part of every message it writes
   * (jakartaee/mail-api#861): through the nested jars of the packaged application that lookup was about a third of
   * the CPU of sending an e-mail. Named here, it is a plain class lookup. A value set by the operator stays.
   */
  static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  @Bean
  MailDelivery mailDelivery(ObjectProvider<JavaMailSender> sender, @Value("${cpor.mail.from}") String from, Environment environment) {
    if (System.getProperty(STREAM_PROVIDER) == null) {
      System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
    JavaMailSender smtp = sender.getIfAvailable();
    if (smtp == null) {
      if (EmbeddedDefaultRun.isActive(environment)) {
        log.info("No SMTP server configured (spring.mail.host): e-mails are kept in the local mailbox at /dev/mailbox");
      } else {
        log.warn("No SMTP server configured (spring.mail.host): e-mails are recorded in the notification log, nobody receives them");
      }
      return notification -> { };
    }
    return notification -> {
      MimeMessage message = smtp.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
      helper.setFrom(new InternetAddress(from));
      helper.setTo(notification.recipient());
      helper.setSubject(notification.subject());
      helper.setText(notification.body(), false);
      message.setHeader("Content-Language", notification.language());
      message.setHeader("X-CPOR-Notification", notification.kind().name());
      smtp.send(message);
    };
  }

}
