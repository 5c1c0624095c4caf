package org.pathwise.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pathwise.DoorTests;
import org.pathwise.security.Role;
import tools.jackson.databind.json.JsonMapper;

/** The MCP server against the running service with its sample library, driven by the MCP Java SDK's own client. */
class McpServerTests extends DoorTests {

    @org.springframework.beans.factory.annotation.Autowired
    org.pathwise.library.Library library;

    @org.springframework.beans.factory.annotation.Autowired
    DocumentResources resources;

    private McpSyncClient client(String token) {
        var transport = HttpClientStreamableHttpTransport.builder("http://localhost:" + port)
                .endpoint("/mcp")
                .jsonMapper(new JacksonMcpJsonMapper(JsonMapper.builder().build()))
                .requestBuilder(java.net.http.HttpRequest.newBuilder().header("Authorization", "Bearer " + token))
                .build();
        var client =
                McpClient.sync(transport).requestTimeout(Duration.ofSeconds(60)).build();
        client.initialize();
        return client;
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((TextContent) result.content().getFirst()).text();
    }

    @Test
    void listsItsToolsAndAnEducatorSearchesAsksReadsAndPlans() {
        try (var client = client(token("mcp-educator", Role.EDUCATOR))) {
            assertThat(client.listTools().tools())
                    .extracting(McpSchema.Tool::name)
                    .containsExactlyInAnyOrder("search_library", "ask", "get_document", "plan_path");

            var search =
                    client.callTool(new CallToolRequest("search_library", Map.of("query", "contrast ratio", "k", 3)));
            assertThat(search.isError()).isNotEqualTo(Boolean.TRUE);
            @SuppressWarnings("unchecked")
            var hits = (List<Map<String, Object>>) ((Map<String, Object>) search.structuredContent()).get("hits");
            assertThat(hits).hasSizeBetween(1, 3);
            assertThat(hits.getFirst().get("source")).isEqualTo("inclusion/accessible-course-materials.md");

            var ask = client.callTool(new CallToolRequest(
                    "ask", Map.of("question", "What contrast ratio does WCAG require for normal text?")));
            assertThat(text(ask)).contains("4.5:1", "[1]", "Accessible Course Materials", "CC-BY-4.0");
            @SuppressWarnings("unchecked")
            var answer = (Map<String, Object>) ask.structuredContent();
            assertThat(answer.get("outcome")).isEqualTo("answered");
            @SuppressWarnings("unchecked")
            var citation = ((List<Map<String, Object>>) answer.get("citations")).getFirst();

            var document = client.callTool(new CallToolRequest("get_document", Map.of("id", citation.get("document"))));
            @SuppressWarnings("unchecked")
            var read = (Map<String, Object>) document.structuredContent();
            assertThat(read.get("licence")).isEqualTo("CC-BY-4.0");
            assertThat((String) read.get("attribution")).contains("Fatima Zahra Benali", "CC-BY-4.0");
            assertThat((String) read.get("text")).contains("4.5:1");

            var resource = client.readResource(
                    new McpSchema.ReadResourceRequest("pathwise://documents/" + citation.get("document")));
            assertThat(((McpSchema.TextResourceContents) resource.contents().getFirst()).text())
                    .contains("Fatima Zahra Benali");

            var plan = client.callTool(new CallToolRequest(
                    "plan_path",
                    Map.of(
                            "current", Map.of("2.1", "A2"),
                            "target", Map.of("2.1", "B2"),
                            "hours_per_week", 3)));
            assertThat(plan.isError()).as(text(plan)).isNotEqualTo(Boolean.TRUE);
            assertThat(text(plan)).contains("steps");
        }
        // the question asked through MCP is recorded like one asked on the web
        assertThat(jdbc.sql("SELECT COUNT(*) FROM interaction WHERE username = 'mcp-educator'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void listsEveryDocumentOfTheLibraryAsAResource() {
        try (var client = client(token("mcp-reader", Role.RESEARCHER))) {
            var resources = client.listResources().resources();

            var documents = library.documents(org.pathwise.library.DocumentQuery.ALL);
            assertThat(resources)
                    .extracting(McpSchema.Resource::uri)
                    .containsExactlyInAnyOrderElementsOf(documents.stream()
                            .map(document -> "pathwise://documents/" + document.id())
                            .toList());
            var spanish = resources.stream()
                    .filter(resource -> resource.name().equals("design/facilitar-debates-en-linea.md"))
                    .findFirst()
                    .orElseThrow();
            assertThat(spanish.title()).isEqualTo("Cómo facilitar debates en línea que generen aprendizaje");
            assertThat(spanish.description()).isEqualTo("CC-BY-4.0 · es · dc-101");
            var read = client.readResource(new McpSchema.ReadResourceRequest(spanish.uri()));
            assertThat(((McpSchema.TextResourceContents) read.contents().getFirst()).text())
                    .contains("Lucía Fernández Ortega", "Gilly Salmon");
        }
    }

    @Test
    void theListFollowsTheLibraryAsDocumentsComeAndGo() {
        org.pathwise.library.TestIngestion.upload(
                library,
                "mcp-listing-check.md",
                "# Listing check\n\nA short note on peer feedback rubrics."
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("licence", "CC0-1.0", "language", "en"));
        var uploaded = library.upload("mcp-listing-check.md").orElseThrow();
        var uri = "pathwise://documents/" + uploaded.id();
        try (var client = client(token("mcp-reader", Role.RESEARCHER))) {
            resources.refresh();
            assertThat(client.listResources().resources())
                    .filteredOn(resource -> resource.uri().equals(uri))
                    .singleElement()
                    .satisfies(resource -> assertThat(resource.title()).isEqualTo("Listing check"));

            library.delete(uploaded.id());
            resources.refresh();

            assertThat(client.listResources().resources())
                    .extracting(McpSchema.Resource::uri)
                    .doesNotContain(uri);
        } finally {
            library.delete(uploaded.id());
            resources.refresh();
        }
    }

    @Test
    void aSpanishQuestionIsSearchedAndAnsweredFromTheSpanishGuide() {
        try (var client = client(token("mcp-educadora", Role.EDUCATOR))) {
            var search = client.callTool(new CallToolRequest(
                    "search_library",
                    Map.of("query", "¿Cuáles son las cinco etapas del modelo de Gilly Salmon?", "k", 3)));
            @SuppressWarnings("unchecked")
            var hits = (List<Map<String, Object>>) ((Map<String, Object>) search.structuredContent()).get("hits");
            assertThat(hits.getFirst().get("source")).isEqualTo("design/facilitar-debates-en-linea.md");

            var ask = client.callTool(new CallToolRequest(
                    "ask", Map.of("question", "¿Cuáles son las cinco etapas del modelo de Gilly Salmon?")));
            @SuppressWarnings("unchecked")
            var answer = (Map<String, Object>) ask.structuredContent();
            assertThat(answer.get("outcome")).as(text(ask)).isEqualTo("answered");
            assertThat(text(ask)).contains("Cómo facilitar debates en línea");
        }
    }

    @Test
    void aRoleThatMayNotAskGetsAToolErrorAndBadArgumentsSayWhatToFix() {
        try (var client = client(token("mcp-researcher", Role.RESEARCHER))) {
            var refused = client.callTool(new CallToolRequest("ask", Map.of("question", "What is a rubric?")));
            assertThat(refused.isError()).isTrue();
            assertThat(text(refused)).contains("may not use ask");

            var search = client.callTool(new CallToolRequest("search_library", Map.of("query", "rubric")));
            assertThat(search.isError()).isNotEqualTo(Boolean.TRUE);

            var missing = client.callTool(new CallToolRequest("get_document", Map.of("id", "no-such-document")));
            assertThat(missing.isError()).isTrue();
            assertThat(text(missing)).contains("no document no-such-document");
            var badK = client.callTool(new CallToolRequest("search_library", Map.of("query", "rubric", "k", 500)));
            assertThat(badK.isError()).isTrue();
            assertThat(text(badK)).contains("/k", "50");
        }
    }

    @Test
    void aCallWithoutAValidTokenIsRefused() {
        assertThatThrownBy(() -> client("pw_" + "x".repeat(32))).isInstanceOf(RuntimeException.class);
    }
}
