package org.pathwise.library;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.TokenCountEstimator;

/** A token counter for tests: one token per whitespace-separated word, so sizes are easy to reason about. */
final class WordCounter implements TokenCountEstimator {

    static int words(String text) {
        var stripped = text.strip();
        return stripped.isEmpty() ? 0 : stripped.split("\\s+").length;
    }

    @Override
    public int estimateTokenCountInText(String text) {
        return words(text);
    }

    @Override
    public int estimateTokenCountInMessage(ChatMessage message) {
        throw new UnsupportedOperationException();
    }

    @Override
    public int estimateTokenCountInMessages(Iterable<ChatMessage> messages) {
        throw new UnsupportedOperationException();
    }
}
