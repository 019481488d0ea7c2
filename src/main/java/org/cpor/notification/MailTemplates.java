package org.cpor.notification;

import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Subjects and bodies of the e-mails, from Thymeleaf text templates under {@code mail/}. The first line of a
 * template is {@code Subject: …}.
 */
@Component
class MailTemplates {

  record Mail(String subject, String body) {}

  private final SpringTemplateEngine engine = new SpringTemplateEngine();

  MailTemplates() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("mail/");
    resolver.setSuffix(".txt");
    resolver.setTemplateMode(TemplateMode.TEXT);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    engine.setTemplateResolver(resolver);
    // the templates' expressions compiled to bytecode: rendering was about an eighth of a timer's work
    engine.setEnableSpringELCompiler(true);
  }

  Mail render(NotificationKind kind, String language, Map<String, Object> model) {
    String text = engine.process(kind.template(language), new Context(Locale.forLanguageTag(language), model));
    int end = text.indexOf('\n');
    String first = text.substring(0, end).strip();
    if (!first.startsWith("Subject:")) {
      throw new IllegalStateException("template " + kind.template(language) + " does not start with a subject");
    }
    return new Mail(first.substring("Subject:".length()).strip(), text.substring(end + 1).strip() + "\n");
  }
}
