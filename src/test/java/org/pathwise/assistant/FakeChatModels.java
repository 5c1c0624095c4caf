package org.pathwise.assistant;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** Deterministic chat models for tests that record the messages they were sent. */
final class FakeChatModels {

    private FakeChatModels() {}

    /** A blocking model that answers each request with {@code reply} applied to its messages. */
    static final class Chat implements ChatModel {

        private final Function<List<ChatMessage>, String> reply;
        final List<List<ChatMessage>> requests = new CopyOnWriteArrayList<>();

        Chat(Function<List<ChatMessage>, String> reply) {
            this.reply = reply;
        }

        @Override
        public ChatResponse doChat(ChatRequest request) {
            requests.add(request.messages());
            return ChatResponse.builder()
                    .aiMessage(AiMessage.from(reply.apply(request.messages())))
                    .modelName("fake-model")
                    .build();
        }
    }

    /** What a fake stream does: sends pieces, then completes, fails, or falls silent. */
    enum Ending {
        COMPLETE,
        FAIL,
        SILENT
    }

    /** A streaming model that sends the same pieces to every request, on a thread of its own, and ends as told. */
    static final class Streaming implements StreamingChatModel {

        private final List<String> pieces;
        private final Ending ending;
        final List<List<ChatMessage>> requests = new CopyOnWriteArrayList<>();

        Streaming(List<String> pieces, Ending ending) {
            this.pieces = List.copyOf(pieces);
            this.ending = ending;
        }

        @Override
        public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
            requests.add(request.messages());
            Thread.ofVirtual().start(() -> {
                pieces.forEach(handler::onPartialResponse);
                switch (ending) {
                    case COMPLETE ->
                        handler.onCompleteResponse(ChatResponse.builder()
                                .aiMessage(AiMessage.from(String.join("", pieces)))
                                .modelName("fake-model")
                                .build());
                    case FAIL -> handler.onError(new RuntimeException(new java.net.ConnectException("refused")));
                    case SILENT -> {}
                }
            });
        }
    }
}
