package org.pathwise.openai;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /v1/chat/completions}, as far as Pathwise reads it: the model (a library view), the
 * messages and whether to stream. Sampling settings (temperature, max_tokens, ...) are accepted and ignored: the answer
 * is quoted or composed from the library under its policy, not sampled to taste.
 *
 * @param model {@code pathwise}, or {@code pathwise-<course>} for the library's passages of one course
 * @param messages the conversation, oldest first; the last one is the user's question
 * @param stream whether to answer as server-sent chunks
 */
record ChatRequest(String model, List<Message> messages, Boolean stream) {

    /** The longest conversation read: a question and up to this many earlier ones. */
    static final int MOST_EARLIER_QUESTIONS = 20;

    /**
     * One message.
     *
     * @param role {@code system}, {@code developer}, {@code user}, {@code assistant} or {@code tool}
     * @param content a string, or a list of parts of which the {@code text} ones are read
     */
    record Message(String role, JsonNode content) {

        /** The message's text: the string, or its text parts joined by blank lines. */
        String text() {
            if (content == null || content.isNull()) {
                return "";
            }
            if (content.isString()) {
                return content.asString();
            }
            if (content.isArray()) {
                var parts = new ArrayList<String>();
                for (var part : content) {
                    if ("text".equals(part.path("type").asString(""))
                            && part.path("text").isString()) {
                        parts.add(part.path("text").asString());
                    }
                }
                return String.join("\n\n", parts);
            }
            throw new IllegalArgumentException("a message's content is a string or a list of parts");
        }
    }

    boolean streamed() {
        return Boolean.TRUE.equals(stream);
    }

    /**
     * The question: the last message, which must be the user's. System and developer messages are not instructions
     * to Pathwise (its policy decides what it answers), and assistant messages are its own earlier answers.
     *
     * @throws IllegalArgumentException saying what to correct
     */
    String question() {
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("messages must hold at least one message, the user's question last");
        }
        var last = messages.getLast();
        if (last == null || !"user".equals(last.role())) {
            throw new IllegalArgumentException("the last message must be the user's question (role \"user\")");
        }
        var text = last.text().strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("the user's question is empty");
        }
        return text;
    }

    /** The user's earlier questions, oldest first: what a follow-up is condensed with. */
    List<String> earlierQuestions() {
        var earlier = new ArrayList<String>();
        for (var message : messages.subList(0, messages.size() - 1)) {
            if (message != null && "user".equals(message.role())) {
                var text = message.text().strip();
                if (!text.isEmpty()) {
                    earlier.add(text);
                }
            }
        }
        return earlier.size() <= MOST_EARLIER_QUESTIONS
                ? earlier
                : earlier.subList(earlier.size() - MOST_EARLIER_QUESTIONS, earlier.size());
    }
}
