package org.cpor.identity;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page of the partner portal: the same users and passwords as the Camunda webapps. */
@Controller
class LoginController {

  @GetMapping("/login")
  String login() {
    return "login";
  }
}
