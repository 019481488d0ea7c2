package org.cpor.reliability;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser behind a load balancer: one cookie jar, each request sent to whichever node the test names, redirects
 * not followed (so a redirect to the sign-in page shows).
 */
final class Browser {

  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private final Api api;
  private final Map<String, String> cookies = new LinkedHashMap<>();

  Browser(Api api) {
    this.api = api;
  }

  Api.Response get(Node node, String path) {
    return remember(api.send(node, null, withCookies(api.request(node, path).GET()), Map.of()));
  }

  Api.Response postForm(Node node, String path, Map<String, String> form, Map<String, String> headers) {
    String body = form.entrySet().stream().map(e -> Api.encode(e.getKey()) + "=" + Api.encode(e.getValue())).collect(Collectors.joining("&"));
    return remember(api.send(node, null, withCookies(api.request(node, path).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))), headers));
  }

  Api.Response postJson(Node node, String path, String json, Map<String, String> headers) {
    return remember(api.send(node, null, withCookies(api.request(node, path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))), headers));
  }

  String cookie(String name) {
    return cookies.get(name);
  }

  /** The hidden {@code _csrf} field of a page's form, or null. */
  static String csrfField(String page) {
    Matcher matcher = CSRF_FIELD.matcher(page);
    return matcher.find() ? matcher.group(1) : null;
  }

  /** Signs in on the portal's form ({@code /login}) at {@code node}; answers the sign-in's response (302 when it worked). */
  Api.Response signInToPortal(Node node, String user) {
    String csrf = csrfField(get(node, "/login").expect(200).body());
    return postForm(node, "/login", Map.of("username", user, "password", user, "_csrf", csrf == null ? "" : csrf), Map.of());
  }

  /** Signs in with the Camunda webapps' own login (Tasklist) at {@code node}, with their XSRF token. */
  Api.Response signInToTasklist(Node node, String user) {
    get(node, "/camunda/api/admin/auth/user/default");
    return postForm(node, "/camunda/api/admin/auth/user/default/login/tasklist", Map.of("username", user, "password", user),
        Map.of("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", "")));
  }

  private HttpRequest.Builder withCookies(HttpRequest.Builder request) {
    if (!cookies.isEmpty()) {
      request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
    }
    return request;
  }

  private synchronized Api.Response remember(Api.Response response) {
    for (String header : response.headers().getOrDefault("set-cookie", List.of())) {
      String pair = header.split(";", 2)[0];
      int equals = pair.indexOf('=');
      if (equals > 0) {
        String name = pair.substring(0, equals).strip();
        String value = pair.substring(equals + 1).strip();
        if (value.isEmpty() || header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
          cookies.remove(name);
        } else {
          cookies.put(name, value);
        }
      }
    }
    return response;
  }
}
