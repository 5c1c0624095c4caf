package org.pathwise.assistant;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.pathwise.retrieval.SearchHit;

/**
 * Composes answers with a chat model (LangChain4j {@link ChatModel}, {@link StreamingChatModel}) and a versioned prompt
 * that gives it the numbered passages and the question. It never falls back on anything: every way the model can fail
 * (timeout, server error, unreachable server, malformed or empty reply) is thrown as a {@link ModelFailure}, which
 * {@link FallbackComposer} turns into an extractive answer.
 *
 * <p>Retries: the blocking call is retried by the model client ({@code maxRetries} on the model's builder). A stream
 * is retried here, up to {@code maxRetries} times, only while it has handed on no piece; a stream that stays silent
 * for {@code timeout} fails with a timeout.
 */
final class LlmComposer implements Composer {

    private static final Pattern PASSAGES_TAG = Pattern.compile("(?i)<(/?)(passages|question)");
    private static final long RETRY_DELAY_MILLIS = 500;

    private final String name;
    private final String model;
    private final ChatModel chat;
    private final StreamingChatModel streaming;
    private final ChatPrompt prompt;
    private final Duration timeout;
    private final int maxRetries;

    LlmComposer(
            String name,
            String model,
            ChatModel chat,
            StreamingChatModel streaming,
            ChatPrompt prompt,
            Duration timeout,
            int maxRetries) {
        this.name = name;
        this.model = model;
        this.chat = chat;
        this.streaming = streaming;
        this.prompt = prompt;
        this.timeout = timeout;
        this.maxRetries = maxRetries;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String model() {
        return model;
    }

    @Override
    public String prompt() {
        return prompt.id();
    }

    @Override
    public Composition compose(Request request) {
        ChatResponse response;
        try {
            response = chat.chat(messages(request));
        } catch (RuntimeException e) {
            throw ModelFailure.of(e);
        }
        var text = response == null || response.aiMessage() == null
                ? null
                : response.aiMessage().text();
        return composition(text, response);
    }

    @Override
    public Composition stream(Request request, Consumer<String> tokens) {
        var messages = messages(request);
        for (int attempt = 0; ; attempt++) {
            var written = new StringBuilder();
            try {
                return streamOnce(messages, tokens, written);
            } catch (ModelFailure failure) {
                boolean retriable = !(failure.getCause() instanceof NonRetriableException);
                if (!written.isEmpty() || attempt >= maxRetries || !retriable) {
                    throw failure;
                }
                pause(attempt);
            }
        }
    }

    private sealed interface Event {}

    private record Piece(String text) implements Event {}

    private record Done(ChatResponse response) implements Event {}

    private record Failed(Throwable error) implements Event {}

    /**
     * One streamed request. The model's client calls back on its own threads; the pieces are handed on from this
     * thread, so that {@code tokens} runs where the caller runs and what it throws is not taken for a model failure.
     */
    private Composition streamOnce(List<ChatMessage> messages, Consumer<String> tokens, StringBuilder written) {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        var abandoned = new AtomicBoolean();
        try {
            streaming.chat(messages, new StreamingChatResponseHandler() {
                @Override
                public void onPartialResponse(String partial) {
                    if (!abandoned.get()) {
                        events.add(new Piece(partial));
                    }
                }

                @Override
                public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                    if (abandoned.get()) {
                        context.streamingHandle().cancel();
                    } else {
                        events.add(new Piece(partial.text()));
                    }
                }

                @Override
                public void onCompleteResponse(ChatResponse response) {
                    events.add(new Done(response));
                }

                @Override
                public void onError(Throwable error) {
                    events.add(new Failed(error));
                }
            });
        } catch (RuntimeException e) {
            throw ModelFailure.of(e);
        }
        while (true) {
            Event event;
            try {
                event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abandoned.set(true);
                throw new ModelFailure("interrupted", e);
            }
            switch (event) {
                case null -> {
                    abandoned.set(true);
                    throw new ModelFailure("timeout", null);
                }
                case Piece piece -> {
                    written.append(piece.text());
                    tokens.accept(piece.text());
                }
                case Done done -> {
                    return composition(written.toString(), done.response());
                }
                case Failed failed -> throw ModelFailure.of(failed.error());
            }
        }
    }

    private Composition composition(String text, ChatResponse response) {
        if (text == null || text.isBlank()) {
            throw new ModelFailure("empty reply", null);
        }
        var reported = response == null ? null : response.modelName();
        return new Composition(
                text.strip(), "", name, reported == null || reported.isBlank() ? model : reported, prompt.id());
    }

    private List<ChatMessage> messages(Request request) {
        return prompt.messages(Map.of(
                "question",
                quoted(request.question()),
                "language",
                request.language(),
                "question_type",
                request.type().label(),
                "passages",
                passages(request.passages())));
    }

    /**
     * The passages as the prompt shows them: {@code [n] title — heading path}, then the text block by block as ingestion
     * structured it (a heading as {@code ### heading}, a list's items as {@code - item}, steps as {@code 1. step}, code
     * between fences), a blank line between two passages. Tags that could close the prompt's {@code <passages>} or
     * {@code <question>} block are defused.
     */
    static String passages(List<SearchHit> passages) {
        var text = new StringBuilder();
        for (int i = 0; i < passages.size(); i++) {
            var passage = passages.get(i).passage();
            if (i > 0) {
                text.append("\n\n");
            }
            text.append('[').append(i + 1).append("] ").append(passage.facets().title());
            if (!passage.headingPath().isEmpty()) {
                text.append(" — ").append(passage.heading());
            }
            text.append('\n').append(Rendering.structured(passage));
        }
        return quoted(text.toString());
    }

    private static String quoted(String text) {
        return PASSAGES_TAG.matcher(text).replaceAll("&lt;$1$2");
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep((long) (RETRY_DELAY_MILLIS * Math.pow(1.5, attempt)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelFailure("interrupted", e);
        }
    }
}
