package org.cpor.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's REST API reads and writes JSON with one {@code ObjectMapper}, configured exactly as Camunda configures
 * it ({@link JacksonConfigurator#configureObjectMapper}: its date format, unknown properties ignored, java.time).
 * Camunda's own resolver makes, configures and registers the modules of a new {@code ObjectMapper} for every body it
 * reads or writes, whose serializers then start with empty caches: about 1 % of the CPU of an engine REST request,
 * more in writing its answer. An {@code ObjectMapper} is safe to share once configured (Jackson copies the date format
 * for every call).
 */
@Configuration
class EngineRestJson {

  /** The starter's resources and providers, with {@link OneObjectMapper} in place of Camunda's resolver. */
  @Bean
  CamundaJerseyResourceConfig engineRestResources() {
    return new CamundaJerseyResourceConfig() {
      @Override
      protected void registerCamundaRestResources() {
        registerClasses(CamundaRestResources.getResourceClasses());
        registerClasses(providers());
        register(new OneObjectMapper());
        register(JacksonFeature.class);
      }
    };
  }

  /** Camunda's configuration classes of its REST API but its {@code ObjectMapper} resolver. */
  static Set<Class<?>> providers() {
    return CamundaRestResources.getConfigurationClasses().stream().filter(type -> type != JacksonConfigurator.class)
        .collect(Collectors.toSet());
  }

  @Provider
  @Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON})
  static final class OneObjectMapper implements ContextResolver<ObjectMapper> {

    private final ObjectMapper mapper = JacksonConfigurator.configureObjectMapper(new ObjectMapper());

    @Override
    public ObjectMapper getContext(Class<?> type) {
      return mapper;
    }
  }
}
