package org.pathwise.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the interactive API documentation ({@code /swagger-ui.html}) says the API is. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI pathwiseApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Pathwise API")
                        .version("0.1")
                        .description("Search and ask the library of open educational resources, plan learning paths,"
                                + " audit and evaluate the assistant. Authenticate with a personal API token"
                                + " (Authorization: Bearer pw_…), HTTP Basic or a session. Errors are RFC 9457 problem"
                                + " details; the OpenAI-compatible /v1 endpoints answer errors in OpenAI's shape."));
    }
}
