package org.pathwise.openai;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pathwise.Problems;
import org.pathwise.assistant.Assistant;
import org.pathwise.assistant.Question;
import org.pathwise.library.Library;
import org.pathwise.retrieval.SearchFilter;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /v1/models} and {@code POST /v1/chat/completions}. The models are the library views a user may ask:
 * {@code pathwise}, the whole library, and {@code pathwise-<course>} for each course its documents are tagged with.
 * A streamed answer goes out once the policy has screened it, a word a chunk: an OpenAI client cannot take back text
 * that the policy would then have removed.
 */
@RestController
class OpenAiController {

    /** The model that asks the whole library. */
    static final String MODEL = "pathwise";

    private final Assistant assistant;
    private final Library library;
    private final JsonMapper json;
    private final Clock clock;

    OpenAiController(Assistant assistant, Library library, JsonMapper json, Clock clock) {
        this.assistant = assistant;
        this.library = library;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/v1/models")
    @Operation(
            summary = "The library views to ask, as OpenAI-compatible models",
            description = "pathwise (the whole library) and pathwise-<course> for each course of the library.")
    Map<String, Object> models() {
        long created = clock.instant().getEpochSecond();
        var data = new ArrayList<Map<String, Object>>();
        for (var model : models(library.values("course"))) {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("id", model);
            entry.put("object", "model");
            entry.put("created", created);
            entry.put("owned_by", "pathwise");
            data.add(entry);
        }
        return Map.of("object", "list", "data", data);
    }

    static List<String> models(List<String> courses) {
        var models = new ArrayList<String>();
        models.add(MODEL);
        courses.forEach(course -> models.add(MODEL + "-" + course));
        return models;
    }

    @PostMapping("/v1/chat/completions")
    @Operation(
            summary = "Ask, in OpenAI's chat-completions protocol",
            description = "The last user message is the question, earlier user messages the conversation; the answer"
                    + " passes through the same policy, retrieval and record as POST /api/ask. stream: true answers"
                    + " with chat.completion.chunk events and [DONE]. The answer as /api/ask gives it is in the extra"
                    + " member 'pathwise'. Errors have OpenAI's shape: {\"error\": {\"message\", \"type\", ...}}.")
    void completions(@RequestBody ChatRequest request, Principal principal, HttpServletResponse response)
            throws IOException {
        var model = request.model() == null || request.model().isBlank() ? MODEL : request.model();
        var question =
                new Question(request.question(), filter(model), null, principal.getName(), request.earlierQuestions());
        var answer = assistant.ask(question);
        long created = clock.instant().getEpochSecond();
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (!request.streamed()) {
            var prompt = String.join(" ", request.earlierQuestions()) + " " + question.text();
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), Completions.completion(model, created, answer, prompt));
            return;
        }
        // written on the request's thread, each chunk flushed: the answer is whole and screened by now
        response.setContentType(MediaType.TEXT_EVENT_STREAM_VALUE);
        response.setHeader("Cache-Control", "no-cache");
        var out = response.getOutputStream();
        for (var chunk : Completions.chunks(model, created, answer)) {
            event(out, json.writeValueAsString(chunk));
        }
        event(out, "[DONE]");
    }

    private static void event(OutputStream out, String data) throws IOException {
        out.write(("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The passages a model may answer from: all, or one course's. */
    private SearchFilter filter(String model) {
        if (MODEL.equals(model)) {
            return SearchFilter.NONE;
        }
        var courses = library.values("course");
        if (model.startsWith(MODEL + "-") && courses.contains(model.substring(MODEL.length() + 1))) {
            return new SearchFilter(
                    Set.of(), Set.of(), Set.of(model.substring(MODEL.length() + 1)), Set.of(), Set.of());
        }
        throw Problems.problem(
                HttpStatus.NOT_FOUND,
                "Choose a listed model",
                "the model '" + model + "' does not exist; GET /v1/models lists pathwise and pathwise-<course>");
    }
}
