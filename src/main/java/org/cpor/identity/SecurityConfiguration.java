package org.cpor.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. The Camunda webapps keep their own login and CSRF protection; {@code /engine-rest} runs
 * with the caller's Camunda authentication; {@code /api} takes HTTP Basic against the same users and answers
 * 401 and 403 as problem details.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfiguration {

  @Bean
  @Order(1)
  SecurityFilterChain camundaWebapps(HttpSecurity http) throws Exception {
    return http.securityMatcher(new OrRequestMatcher(pathStartsWith("/camunda/"), pathStartsWith("/engine-rest/")))
        // the webapps' pages need a sign-in (ours); their REST calls and /engine-rest check on their own
        .authorizeHttpRequests(requests -> requests.requestMatchers(pathStartsWith("/camunda/app/")).authenticated()
            .anyRequest().permitAll())
        .exceptionHandling(errors -> errors.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")))
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain api(HttpSecurity http, ObjectMapper json) throws Exception {
    return http.securityMatcher(pathStartsWith("/api/"))
        .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized(json)))
        .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthorized(json)).accessDeniedHandler(forbidden(json)))
        // the portal's session signs API calls in too; such calls need the CSRF token, HTTP Basic calls do not
        .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.NEVER))
        .csrf(csrf -> csrf.requireCsrfProtectionMatcher(request -> !SAFE_METHODS.contains(request.getMethod())
            && request.getHeader("Authorization") == null && request.getSession(false) != null))
        .build();
  }

  private static final java.util.Set<String> SAFE_METHODS = java.util.Set.of("GET", "HEAD", "OPTIONS", "TRACE");

  @Bean
  @Order(3)
  SecurityFilterChain pages(HttpSecurity http, Workplaces workplaces) throws Exception {
    return http
        .authorizeHttpRequests(requests -> requests
            .requestMatchers("/actuator/health/**", "/actuator/info").permitAll()
            .requestMatchers("/actuator/**").hasAuthority(Groups.ADMINS)
            // the portal is the partners'; anyone else is told where they work instead (the error page)
            .requestMatchers("/portal/**").access((authentication, context) ->
                new AuthorizationDecision(workplaces.isPartner(authentication.get())))
            .anyRequest().permitAll())
        .formLogin(form -> form.loginPage("/login").successHandler(afterSignIn(workplaces)).permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
        // a browser goes to the sign-in page; anything else (actuator) is asked for HTTP Basic
        .exceptionHandling(errors -> errors
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), pathStartsWith("/portal"))
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), browser())
            .defaultAuthenticationEntryPointFor(basicChallenge(), request -> true)
            .accessDeniedHandler(pageDenied()))
        .httpBasic(Customizer.withDefaults())
        .build();
  }

  /** The webapps take the user signed in by Spring Security. */
  @Bean
  FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSingleSignOn() {
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
    registration.addUrlPatterns("/camunda/*");
    registration.addInitParameter("authentication-provider", SpringSecurityAuthenticationProvider.class.getName());
    registration.setName("webapp-single-sign-on");
    registration.setOrder(0);
    return registration;
  }

  /**
   * Engine authorisation applies only to authenticated calls: every /engine-rest call signs in first, with Camunda's
   * HTTP Basic sign-in through the product's remembered sign-ins.
   */
  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(SignIns signIns,
      ProcessEngine engine) {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new EngineRestAuthentication(signIns, engine.getName()));
    registration.addUrlPatterns("/engine-rest/*");
    registration.setName("engine-rest-authentication");
    // right after Spring Security, before anything that reads a task
    registration.setOrder(0);
    return registration;
  }

  /**
   * No observation of Spring Security's filters, sign-ins and access decisions: wrapping each filter of every request
   * in an observation cost more than the requests' own work. The HTTP server observation (http_server_requests)
   * stays; {@code management.observations.enable.spring.security=false} turns off any other Spring Security one.
   */
  @Bean
  SecurityObservationSettings securityObservations() {
    return SecurityObservationSettings.noObservations();
  }

  /** Back to the page that asked for the sign-in; else partners to the portal, everybody else to the webapps. */
  private static SavedRequestAwareAuthenticationSuccessHandler afterSignIn(Workplaces workplaces) {
    SavedRequestAwareAuthenticationSuccessHandler handler = new SavedRequestAwareAuthenticationSuccessHandler() {
      @Override
      protected String determineTargetUrl(jakarta.servlet.http.HttpServletRequest request,
          jakarta.servlet.http.HttpServletResponse response, org.springframework.security.core.Authentication authentication) {
        // a partner as the portal and the error pages know one: a user of an organisation that exists
        return workplaces.isPartner(authentication) ? "/portal/claims" : "/camunda/app/";
      }
    };
    return handler;
  }

  /**
   * A refused page becomes the product's error page (which says where the user may go instead). A form whose CSRF
   * token no longer matches means the session expired (or the user signed in or out meanwhile): a signed-out partner,
   * validator or auditor is sent to sign in again; a customer, who never signs in, gets the page that leads back.
   */
  private static AccessDeniedHandler pageDenied() {
    return (request, response, e) -> {
      org.springframework.security.core.Authentication authentication =
          org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
      boolean sessionExpired = request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid();
      if (e instanceof CsrfException && sessionExpired && !Workplaces.signedIn(authentication)
          && !request.getRequestURI().startsWith(request.getContextPath() + "/customer/")) {
        response.sendRedirect(request.getContextPath() + "/login?expired");
        return;
      }
      request.setAttribute(WebAttributes.ACCESS_DENIED_403, e);
      response.sendError(HttpStatus.FORBIDDEN.value());
    };
  }

  /** A browser's page request (it asks for HTML by name; an API client or a scraper does not). */
  private static RequestMatcher browser() {
    MediaTypeRequestMatcher html = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
    html.setIgnoredMediaTypes(java.util.Set.of(MediaType.ALL));
    return html;
  }

  private static BasicAuthenticationEntryPoint basicChallenge() {
    BasicAuthenticationEntryPoint entryPoint = new BasicAuthenticationEntryPoint();
    entryPoint.setRealmName("cpor");
    return entryPoint;
  }

  /** Matches by URI, whichever servlet serves the path (the engine's REST API is not Spring MVC). */
  private static RequestMatcher pathStartsWith(String prefix) {
    return request -> request.getRequestURI().startsWith(request.getContextPath() + prefix);
  }

  private static AuthenticationEntryPoint unauthorized(ObjectMapper json) {
    return (request, response, e) -> {
      response.setHeader("WWW-Authenticate", "Basic realm=\"cpor\"");
      write(json, response, HttpStatus.UNAUTHORIZED, "Sign in with a user name and password");
    };
  }

  private static AccessDeniedHandler forbidden(ObjectMapper json) {
    return (request, response, e) -> write(json, response, HttpStatus.FORBIDDEN, "You may not do this");
  }

  private static void write(ObjectMapper json, HttpServletResponse response, HttpStatus status, String detail) throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:cpor:problem:" + (status == HttpStatus.UNAUTHORIZED ? "unauthorized" : "forbidden")));
    problem.setTitle(status.getReasonPhrase());
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
