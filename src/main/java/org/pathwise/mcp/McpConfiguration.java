package org.pathwise.mcp;

import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStatelessServerTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP server: stateless Streamable HTTP at {@code /mcp}, so that any instance answers any call and the security
 * filters authenticate every request as they do the API's. The caller, as they authenticated it, reaches each tool
 * through the transport context.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class McpConfiguration {

    static final String PATH = "/mcp";

    @Bean
    HttpServletStatelessServerTransport mcpTransport(JsonMapper json) {
        return HttpServletStatelessServerTransport.builder()
                .jsonMapper(new JacksonMcpJsonMapper(json))
                .messageEndpoint(PATH)
                .contextExtractor(Caller::context)
                .build();
    }

    @Bean
    ServletRegistrationBean<HttpServletStatelessServerTransport> mcpServlet(
            HttpServletStatelessServerTransport transport) {
        var registration = new ServletRegistrationBean<>(transport, PATH);
        registration.setName("mcp");
        return registration;
    }

    @Bean(destroyMethod = "close")
    McpStatelessSyncServer mcpServer(
            HttpServletStatelessServerTransport transport, PathwiseTools tools, JsonMapper json) {
        return McpServer.sync(transport)
                .serverInfo("pathwise", "0.1")
                .instructions("Pathwise answers educators' questions from its library of open educational resources,"
                        + " with citations and under an ethics policy, and plans learning paths. Search and read the"
                        + " library, ask it, or plan a path.")
                .jsonMapper(new JacksonMcpJsonMapper(json))
                .capabilities(McpSchema.ServerCapabilities.builder()
                        .tools(false)
                        .resources(false, false)
                        .build())
                .tools(tools.tools())
                .resourceTemplates(tools.documents())
                .immediateExecution(true)
                .build();
    }
}
