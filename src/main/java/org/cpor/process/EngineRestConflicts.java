package org.cpor.process;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cpor.web.ConflictException;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A step of the claim that does not fit the claim's state (an administrator moved an instance by hand past the
 * validator's decision) answers 409 on the engine's REST API, like everywhere else, instead of the engine's 500.
 */
@Configuration
class EngineRestConflicts {

  @Bean
  ResourceConfigCustomizer claimConflictsAnswer409() {
    return config -> config.register(new ConflictAnswer());
  }

  static final class ConflictAnswer implements ExceptionMapper<ConflictException> {

    @Override
    public Response toResponse(ConflictException conflict) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("type", "ConflictException");
      error.put("message", conflict.getMessage());
      error.put("code", null);
      return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }
  }
}
