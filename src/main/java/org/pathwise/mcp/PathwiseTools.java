package org.pathwise.mcp;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.pathwise.assistant.Assistant;
import org.pathwise.assistant.Question;
import org.pathwise.library.Library;
import org.pathwise.library.LibraryDocument;
import org.pathwise.pathways.Pathways;
import org.pathwise.retrieval.Search;
import org.pathwise.retrieval.SearchFilter;
import org.pathwise.retrieval.SearchHitView;
import org.pathwise.retrieval.SearchMode;
import org.pathwise.retrieval.SearchRequest;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP tools and resources: each does what its web equivalent does, for the caller's role. A tool that the role
 * may not use, or arguments it can't take, give a tool error that says why (the host shows it to the model); the
 * library's search and documents are for every role, asking and planning for educators and administrators.
 */
@Component
class PathwiseTools {

    /** Documents as resources: {@code pathwise://documents/{id}}. */
    static final String DOCUMENT_URI = "pathwise://documents/";

    private final Search search;
    private final Assistant assistant;
    private final Library library;
    private final Pathways pathways;
    private final JsonMapper json;

    PathwiseTools(Search search, Assistant assistant, Library library, Pathways pathways, JsonMapper json) {
        this.search = search;
        this.assistant = assistant;
        this.library = library;
        this.pathways = pathways;
        this.json = json;
    }

    List<SyncToolSpecification> tools() {
        return List.of(
                tool(
                        "search_library",
                        "Search the library's passages (hybrid lexical and semantic search); each hit has its source,"
                                + " title, heading, licence, language and a snippet.",
                        Map.of(
                                "query", string("What to look for."),
                                "k",
                                        Map.of(
                                                "type",
                                                "integer",
                                                "minimum",
                                                1,
                                                "maximum",
                                                50,
                                                "description",
                                                "How many hits (default 5)."),
                                "language", string("Only passages in this language (BCP 47, e.g. en, fr, es)."),
                                "licence", string("Only passages under this licence (SPDX, e.g. CC-BY-4.0)."),
                                "course", string("Only passages of this course.")),
                        List.of("query"),
                        this::searchLibrary),
                tool(
                        "ask",
                        "Ask the library a question. The answer quotes or composes from the library's passages with"
                                + " numbered citations, under Pathwise's ethics policy; it says so when it refuses or"
                                + " when the library holds no answer.",
                        Map.of(
                                "question", string("The question, in any language."),
                                "course", string("Answer from this course's documents only.")),
                        List.of("question"),
                        this::ask),
                tool(
                        "get_document",
                        "A document of the library: its metadata (title, authors, licence, language, course,"
                                + " competencies), the line that credits it, and its text.",
                        Map.of("id", string("The document's id, as search_library and ask give it.")),
                        List.of("id"),
                        this::getDocument),
                tool(
                        "plan_path",
                        "Plan a learning path through the course catalogue for a competency profile (DigCompEdu"
                                + " levels now and wanted, hours per week, optional deadline in weeks, languages,"
                                + " mode), or for the caller's stored profile when none is given.",
                        Map.of(
                                "current",
                                        Map.of(
                                                "type",
                                                "object",
                                                "description",
                                                "Competence id to level now, e.g. {\"2.1\": \"A2\"}."),
                                "target",
                                        Map.of(
                                                "type",
                                                "object",
                                                "description",
                                                "Competence id to level wanted, e.g. {\"2.1\": \"B2\"}."),
                                "hours_per_week", Map.of("type", "number", "description", "Hours a week for training."),
                                "weeks", Map.of("type", "integer", "description", "Deadline in weeks (0: none)."),
                                "languages", Map.of("type", "array", "items", Map.of("type", "string")),
                                "mode", string("online, in-person or any.")),
                        List.of(),
                        this::planPath));
    }

    /** Each document, by the URI template {@code pathwise://documents/{id}}, as its metadata and text. */
    SyncResourceTemplateSpecification documents() {
        var template = McpSchema.ResourceTemplate.builder()
                .uriTemplate(DOCUMENT_URI + "{id}")
                .name("document")
                .title("A library document")
                .description("A document of the library with its metadata, attribution and text.")
                .mimeType("application/json")
                .build();
        return new SyncResourceTemplateSpecification(template, (context, request) -> {
            Caller.of(context);
            var uri = request.uri();
            if (!uri.startsWith(DOCUMENT_URI)) {
                throw new IllegalArgumentException("not a document URI: " + uri);
            }
            var document = document(uri.substring(DOCUMENT_URI.length()));
            return new McpSchema.ReadResourceResult(List.of(
                    new McpSchema.TextResourceContents(uri, "application/json", json.writeValueAsString(document))));
        });
    }

    /**
     * A document as a listed resource, named by its title and described by its licence, language and course; reading
     * it gives what the template gives.
     */
    SyncResourceSpecification resource(LibraryDocument document) {
        var metadata = document.metadata();
        var uri = DOCUMENT_URI + document.id();
        var resource = McpSchema.Resource.builder()
                .uri(uri)
                .name(document.source())
                .title(metadata.title())
                .description(String.join(
                        " · ",
                        java.util.stream.Stream.of(metadata.licence(), metadata.language(), metadata.course())
                                .filter(value -> value != null && !value.isBlank())
                                .toList()))
                .mimeType("application/json")
                .build();
        return new SyncResourceSpecification(resource, (context, request) -> {
            Caller.of(context);
            return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(
                    uri, "application/json", json.writeValueAsString(document(document.id())))));
        });
    }

    private CallToolResult searchLibrary(Caller caller, Map<String, Object> arguments) {
        int k = integer(arguments, "k", 5);
        if (k < 1 || k > 50) {
            throw new IllegalArgumentException("k must be between 1 and 50, got " + k);
        }
        var filter = new SearchFilter(
                values(arguments, "licence"),
                values(arguments, "language"),
                values(arguments, "course"),
                Set.of(),
                Set.of());
        var hits = search.search(new SearchRequest(text(arguments, "query"), k, SearchMode.HYBRID, filter)).stream()
                .map(SearchHitView::of)
                .toList();
        return result(Map.of("hits", hits));
    }

    private CallToolResult ask(Caller caller, Map<String, Object> arguments) {
        requireMayAsk(caller, "ask");
        var course = values(arguments, "course");
        var filter = new SearchFilter(Set.of(), Set.of(), course, Set.of(), Set.of());
        var response = assistant.ask(new Question(text(arguments, "question"), filter, null, caller.user()));
        return CallToolResult.builder()
                .addTextContent(response.readable())
                .structuredContent(json.convertValue(response, Map.class))
                .build();
    }

    private CallToolResult getDocument(Caller caller, Map<String, Object> arguments) {
        return result(document(text(arguments, "id")));
    }

    private CallToolResult planPath(Caller caller, Map<String, Object> arguments) {
        requireMayAsk(caller, "plan_path");
        return result(pathways.planFor(caller.user(), arguments));
    }

    private Map<String, Object> document(String id) {
        var document = library.document(id)
                .orElseThrow(() -> new IllegalArgumentException("the library has no document " + id));
        var passages = library.passages(id);
        var metadata = document.metadata();
        var result = new LinkedHashMap<String, Object>();
        result.put("id", document.id());
        result.put("source", document.source());
        result.put("title", metadata.title());
        result.put("authors", metadata.authors());
        result.put("licence", metadata.licence());
        result.put("language", metadata.language());
        result.put("course", metadata.course());
        result.put("competencies", metadata.competencies());
        result.put("source_url", metadata.sourceUrl());
        result.put(
                "attribution",
                passages.isEmpty()
                        ? metadata.title()
                        : passages.getFirst().facets().attribution());
        result.put(
                "text",
                String.join(
                        "\n\n", passages.stream().map(passage -> passage.text()).toList()));
        return result;
    }

    private CallToolResult result(Map<String, ?> structured) {
        return CallToolResult.builder()
                .addTextContent(json.writeValueAsString(structured))
                .structuredContent(structured)
                .build();
    }

    private static void requireMayAsk(Caller caller, String tool) {
        if (!caller.mayAsk()) {
            throw new SecurityException("your role may not use " + tool + ": educators and administrators may");
        }
    }

    /** A tool whose failures are tool errors that say why, as MCP asks, rather than protocol errors. */
    private static SyncToolSpecification tool(
            String name,
            String description,
            Map<String, Object> properties,
            List<String> required,
            BiFunction<Caller, Map<String, Object>, CallToolResult> handler) {
        var schema = new LinkedHashMap<String, Object>();
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("required", required);
        var tool = McpSchema.Tool.builder()
                .name(name)
                .description(description)
                .inputSchema(schema)
                .build();
        BiFunction<McpTransportContext, CallToolRequest, CallToolResult> call = (context, request) -> {
            try {
                var arguments = request.arguments() == null ? Map.<String, Object>of() : request.arguments();
                return handler.apply(Caller.of(context), arguments);
            } catch (IllegalArgumentException | SecurityException e) {
                return CallToolResult.builder()
                        .addTextContent(e.getMessage())
                        .isError(true)
                        .build();
            }
        };
        return new SyncToolSpecification(tool, call);
    }

    private static Map<String, Object> string(String description) {
        return Map.of("type", "string", "description", description);
    }

    private static String text(Map<String, Object> arguments, String name) {
        if (!(arguments.get(name) instanceof String value) || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required: a non-empty string");
        }
        return value;
    }

    private static int integer(Map<String, Object> arguments, String name, int otherwise) {
        var value = arguments.get(name);
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())) {
            return number.intValue();
        }
        throw new IllegalArgumentException(name + " must be a whole number, got " + value);
    }

    private static Set<String> values(Map<String, Object> arguments, String name) {
        var value = arguments.get(name);
        if (value == null) {
            return Set.of();
        }
        if (value instanceof String text && !text.isBlank()) {
            return Set.of(text);
        }
        throw new IllegalArgumentException(name + " must be a non-empty string");
    }
}
