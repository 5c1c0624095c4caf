package org.pathwise.assistant;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pathwise.Problems;
import org.pathwise.retrieval.SearchFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class AskController {

    /** The body of {@code POST /api/ask}. */
    record AskRequest(String question, Map<String, List<String>> filters, String conversation) {}

    /** The body of {@code POST /api/interactions/{id}/feedback}. */
    record Feedback(String rating, String comment) {}

    private static final Logger log = LoggerFactory.getLogger(AskController.class);

    private final Assistant assistant;
    private final InteractionStore store;
    private final Duration streamTimeout;

    AskController(Assistant assistant, InteractionStore store, AssistantProperties properties) {
        this.assistant = assistant;
        this.store = store;
        // every attempt of the condensing and of the composing model may take the whole timeout
        var llm = properties.llm();
        this.streamTimeout = Duration.ofSeconds(30).plus(llm.timeout().multipliedBy(2L * (1 + llm.maxRetries())));
    }

    @PostMapping("/api/ask")
    @Operation(
            summary = "Ask the library a question",
            description = "The answer has the shape of 'pathwise ask --json'. filters: licence, language, course,"
                    + " competency, type (lists of accepted values).")
    AskResponse ask(@RequestBody AskRequest request, Principal principal) {
        return assistant.ask(question(request.question(), request.filters(), request.conversation(), principal));
    }

    @PostMapping(path = "/api/ask/stream", produces = "text/event-stream")
    @Operation(
            summary = "Ask, answered as server-sent events",
            description = "Events: 'token' (the answer piece by piece: as a language model writes it, or word by word),"
                    + " then 'replace' (the whole answer's text, only when it differs from the tokens: the model"
                    + " failed midway and the answer was composed otherwise, or the answer's screening changed it),"
                    + " 'citations', 'verdicts' and 'done' (the whole answer as in POST /api/ask)."
                    + " On a failure: 'error' with a problem detail. The body is that of POST /api/ask: asking"
                    + " changes state (a conversation, an audit record), so it is never a GET.")
    SseEmitter stream(@RequestBody AskRequest request, Principal principal) {
        var asked = question(request.question(), request.filters(), request.conversation(), principal);
        if (asked.conversation() != null
                && !asked.conversation().isBlank()
                && !store.conversationBelongsTo(asked.conversation(), asked.user())) {
            throw new IllegalArgumentException("you have no conversation " + asked.conversation());
        }
        var emitter = new SseEmitter(streamTimeout.toMillis());
        Thread.ofVirtual().name("ask-stream").start(() -> answerInto(emitter, asked));
        return emitter;
    }

    /** Answers on its own thread, so that the tokens go out as the composer writes them. */
    private void answerInto(SseEmitter emitter, Question asked) {
        var streamed = new StringBuilder();
        try {
            var response = assistant.ask(asked, token -> {
                streamed.append(token);
                send(emitter, SseEmitter.event().name("token").data(token));
            });
            if (streamed.isEmpty()) {
                for (var token : response.answer().split("(?<=\\s)")) {
                    send(emitter, SseEmitter.event().name("token").data(token));
                }
            } else if (!Assistant.tidy(streamed.toString()).equals(response.answer())) {
                send(emitter, SseEmitter.event().name("replace").data(response.answer()));
            }
            send(emitter, SseEmitter.event().name("citations").data(response.citations()));
            send(emitter, SseEmitter.event().name("verdicts").data(response.verdicts()));
            send(emitter, SseEmitter.event().name("done").data(response));
            emitter.complete();
        } catch (UncheckedIOException e) {
            // the client went away
            emitter.completeWithError(e.getCause());
        } catch (RuntimeException e) {
            log.error("Answering a streamed question failed", e);
            var problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.INTERNAL_SERVER_ERROR, "The question could not be answered; ask again later.");
            problem.setTitle("Ask again later");
            try {
                emitter.send(SseEmitter.event().name("error").data(problem));
                emitter.complete();
            } catch (IOException | IllegalStateException ignored) {
                emitter.completeWithError(e);
            }
        }
    }

    private static void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/api/conversations")
    @Operation(summary = "Your conversations, newest first, a page at a time (offset, limit: 1 to 500, default 100)")
    List<InteractionStore.ConversationSummary> conversations(
            @RequestParam(defaultValue = "0") int offset,
            @RequestParam(defaultValue = "100") int limit,
            Principal principal) {
        return store.conversations(principal.getName(), offset, limit);
    }

    @GetMapping("/api/conversations/{id}")
    @Operation(summary = "One of your conversations, question by question")
    List<InteractionStore.Turn> conversation(@PathVariable String id, Principal principal) {
        if (!store.conversationBelongsTo(id, principal.getName())) {
            throw notFound("you have no conversation " + id);
        }
        return store.turns(id);
    }

    @DeleteMapping("/api/conversations/{id}")
    @Operation(summary = "Delete one of your conversations")
    ResponseEntity<Void> deleteConversation(@PathVariable String id, Principal principal) {
        if (!store.deleteConversation(id, principal.getName())) {
            throw notFound("you have no conversation " + id);
        }
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/conversations")
    @Operation(summary = "Delete all your conversations")
    Map<String, Integer> deleteConversations(Principal principal) {
        return Map.of("deleted", store.deleteConversations(principal.getName()));
    }

    @PostMapping("/api/interactions/{id}/feedback")
    @Operation(summary = "Rate one of your answers", description = "rating: up or down; comment optional")
    ResponseEntity<Void> feedback(@PathVariable String id, @RequestBody Feedback feedback, Principal principal) {
        int rating = switch (feedback.rating() == null ? "" : feedback.rating()) {
            case "up" -> 1;
            case "down" -> -1;
            default -> throw new IllegalArgumentException("rating must be up or down");
        };
        var comment = feedback.comment() == null ? null : feedback.comment().strip();
        if (comment != null && comment.length() > 2000) {
            throw new IllegalArgumentException("a comment has at most 2000 characters");
        }
        if (!store.feedback(id, principal.getName(), rating, comment)) {
            throw notFound("you have no answer " + id);
        }
        return ResponseEntity.noContent().build();
    }

    static Question question(String text, Map<String, List<String>> filters, String conversation, Principal principal) {
        var f = filters == null ? Map.<String, List<String>>of() : filters;
        for (var key : f.keySet()) {
            if (!Set.of("licence", "language", "course", "competency", "type").contains(key)) {
                throw new IllegalArgumentException(
                        "unknown filter '" + key + "': use licence, language, course, competency or type");
            }
        }
        var filter = new SearchFilter(
                values(f, "licence"),
                values(f, "language"),
                values(f, "course"),
                values(f, "competency"),
                values(f, "type"));
        return new Question(text, filter, conversation, principal.getName());
    }

    /** A filter's values as a set: a null list is no filter, a null value is refused by SearchFilter. */
    private static Set<String> values(Map<String, List<String>> filters, String name) {
        var values = filters.get(name);
        return values == null ? Set.of() : new java.util.HashSet<>(values);
    }

    private static ErrorResponseException notFound(String detail) {
        return Problems.notFound(detail);
    }
}
