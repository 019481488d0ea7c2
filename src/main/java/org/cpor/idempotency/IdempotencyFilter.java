package org.cpor.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.cpor.web.FieldError;
import org.cpor.web.Limits;
import org.cpor.web.ReplayedBodyRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * {@code Idempotency-Key} on the endpoints marked {@link Idempotent} ({@link IdempotentEndpoints}); every other
 * request, and every request without the header, passes untouched. Runs after Spring Security: a key belongs to
 * the signed-in user, so another user's identical key is another key.
 *
 * <p>A request with a key: the header is checked (400 naming it), the request's fingerprint taken
 * ({@link RequestFingerprint}), and the request run by {@link IdempotentRequests}: answered as it ran; or, when the
 * key was used before, the first answer again (same status, type, {@code Location} and body, marked
 * {@code Idempotent-Replayed: true}), 422 when that was another request, 409 when it is still running. A body the
 * API cannot read (over its size limit, a malformed multipart body) is answered as without the header: it is
 * refused and nothing is kept.
 */
final class IdempotencyFilter extends OncePerRequestFilter {

  static final String REPLAYED = "Idempotent-Replayed";

  private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

  private final IdempotentEndpoints endpoints;
  private final IdempotentRequests requests;
  private final ObjectMapper json;

  IdempotencyFilter(IdempotentEndpoints endpoints, IdempotentRequests requests, ObjectMapper json) {
    this.endpoints = endpoints;
    this.requests = requests;
    this.json = json;
  }

  /** The request as the application reads it, and its fingerprint (null when its body cannot be read). */
  private record Read(HttpServletRequest request, String fingerprint) {}

  /** A failure of the request itself, carried through the transaction and thrown again as it was. */
  private static final class Failed extends RuntimeException {
    Failed(Exception cause) {
      super(cause);
    }
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!endpoints.cover(request)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<IdempotencyKey> key;
    try {
      key = IdempotencyKey.of(Collections.list(request.getHeaders(IdempotencyKey.HEADER)));
    } catch (IdempotencyKey.Invalid e) {
      write(response, problem(HttpStatus.BAD_REQUEST, "invalid-input", IdempotencyKey.HEADER + ": " + e.getMessage()),
          List.of(new FieldError(IdempotencyKey.HEADER, e.getMessage())));
      return;
    }
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (key.isEmpty() || user == null || !user.isAuthenticated() || user instanceof AnonymousAuthenticationToken) {
      chain.doFilter(request, response);
      return;
    }
    Read read = read(request);
    if (read.fingerprint() == null) {
      chain.doFilter(read.request(), response);
      return;
    }
    ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
    IdempotentRequests.Outcome outcome;
    try {
      outcome = requests.run(user.getName(), key.get(), read.fingerprint(), () -> {
        try {
          chain.doFilter(read.request(), answer);
        } catch (IOException | ServletException | RuntimeException e) {
          throw new Failed(e);
        }
        return new StoredResponse(answer.getStatus(), answer.getContentType(), answer.getHeader(HttpHeaders.LOCATION),
            answer.getContentAsByteArray());
      });
    } catch (Failed failed) {
      // rolled back; thrown on as it would have been without the header
      if (failed.getCause() instanceof IOException e) {
        throw e;
      }
      if (failed.getCause() instanceof ServletException e) {
        throw e;
      }
      throw (RuntimeException) failed.getCause();
    } catch (RuntimeException e) {
      // the key could not be taken or the answer not committed: the transaction rolled back, nothing was kept
      log.error("Request with an idempotency key failed", e);
      if (response.isCommitted()) {
        throw e;
      }
      response.reset();
      write(response, problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
          "The request could not be completed; nothing was changed"), null);
      return;
    }
    if (outcome instanceof IdempotentRequests.Outcome.Ran) {
      answer.copyBodyToResponse();
    } else if (outcome instanceof IdempotentRequests.Outcome.Replayed replayed) {
      replay(response, replayed.response());
    } else if (outcome instanceof IdempotentRequests.Outcome.KeyReused) {
      String message = "was already used for another request (another method, path or body); send a new key for a new request";
      write(response, problem(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency-key-reused", IdempotencyKey.HEADER + " " + message),
          List.of(new FieldError(IdempotencyKey.HEADER, message)));
    } else {
      response.setHeader(HttpHeaders.RETRY_AFTER, "1");
      write(response, problem(HttpStatus.CONFLICT, "request-in-progress", "A request with this " + IdempotencyKey.HEADER
          + " is still in progress; send it again in a moment to get its answer"), null);
    }
  }

  private Read read(HttpServletRequest request) throws IOException {
    String method = request.getMethod();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String query = request.getQueryString();
    String type = request.getContentType();
    if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
      try {
        return new Read(request, RequestFingerprint.ofParts(method, path, query, parts(request)));
      } catch (IOException | ServletException | RuntimeException e) {
        // unreadable (malformed, over the size limits): Spring MVC refuses it as it would without the header
        return new Read(request, null);
      }
    }
    if (request.getContentLengthLong() > Limits.JSON_BODY_BYTES) {
      return new Read(request, null);
    }
    InputStream body = request.getInputStream();
    byte[] head = body.readNBytes(Limits.JSON_BODY_BYTES + 1);
    HttpServletRequest replayable = new ReplayedBodyRequest(request, head, body);
    return new Read(replayable, head.length > Limits.JSON_BODY_BYTES ? null
        : RequestFingerprint.ofBody(method, path, query, head));
  }

  /**
   * The parts as the servlet container parsed them; or, when Spring's multipart support has already resolved the
   * request, its files and fields.
   */
  private static List<RequestFingerprint.Part> parts(HttpServletRequest request) throws IOException, ServletException {
    List<RequestFingerprint.Part> parts = new ArrayList<>();
    MultipartHttpServletRequest resolved = WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class);
    if (resolved == null) {
      for (Part part : request.getParts()) {
        parts.add(new RequestFingerprint.Part(part.getName(), part.getSubmittedFileName(), part.getContentType(), part::getInputStream));
      }
      return parts;
    }
    resolved.getMultiFileMap().forEach((name, files) -> files.forEach(file -> parts.add(
        new RequestFingerprint.Part(name, file.getOriginalFilename(), file.getContentType(), file::getInputStream))));
    resolved.getParameterMap().forEach((name, values) -> {
      for (String value : values) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        parts.add(new RequestFingerprint.Part(name, null, null, () -> new ByteArrayInputStream(bytes)));
      }
    });
    return parts;
  }

  private static void replay(HttpServletResponse response, StoredResponse stored) throws IOException {
    response.setStatus(stored.status());
    if (stored.contentType() != null) {
      response.setContentType(stored.contentType());
    }
    if (stored.location() != null) {
      response.setHeader(HttpHeaders.LOCATION, stored.location());
    }
    response.setHeader(REPLAYED, "true");
    response.setContentLength(stored.body().length);
    response.getOutputStream().write(stored.body());
  }

  private static ProblemDetail problem(HttpStatus status, String type, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create("urn:cpor:problem:" + type));
    problem.setTitle(status.getReasonPhrase());
    return problem;
  }

  private void write(HttpServletResponse response, ProblemDetail problem, List<FieldError> errors) throws IOException {
    if (errors != null) {
      problem.setProperty("errors", errors);
    }
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
