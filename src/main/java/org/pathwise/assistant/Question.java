package org.pathwise.assistant;

import java.util.List;
import java.util.Objects;
import org.pathwise.retrieval.SearchFilter;

/**
 * A question to the assistant.
 *
 * @param text the question; 1 to {@value #MAX_LENGTH} characters
 * @param filter restrictions on the passages that may answer it
 * @param conversation the conversation it continues, or {@code null} to start one
 * @param user who asks (a username), for the interaction record
 * @param earlier the questions asked before this one, oldest first, when the client keeps the conversation (as an
 *     OpenAI-compatible client does) rather than naming a stored one; empty otherwise
 */
public record Question(String text, SearchFilter filter, String conversation, String user, List<String> earlier) {

    public static final int MAX_LENGTH = 2000;

    public Question {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("question must not be blank");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "question must have at most " + MAX_LENGTH + " characters, got " + text.length());
        }
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(user, "user");
        earlier = earlier == null ? List.of() : List.copyOf(earlier);
        if (!earlier.isEmpty() && conversation != null && !conversation.isBlank()) {
            throw new IllegalArgumentException("a question follows either a stored conversation or earlier questions");
        }
    }

    /** A question alone, or following up a stored conversation. */
    public Question(String text, SearchFilter filter, String conversation, String user) {
        this(text, filter, conversation, user, List.of());
    }
}
