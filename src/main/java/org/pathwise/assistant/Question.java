package org.pathwise.assistant;

import java.util.Objects;
import org.pathwise.retrieval.SearchFilter;

/**
 * A question to the assistant.
 *
 * @param text the question; 1 to {@value #MAX_LENGTH} characters
 * @param filter restrictions on the passages that may answer it
 * @param conversation the conversation it continues, or {@code null} to start one
 * @param user who asks (a username), for the interaction record
 */
public record Question(String text, SearchFilter filter, String conversation, String user) {

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
    }
}
