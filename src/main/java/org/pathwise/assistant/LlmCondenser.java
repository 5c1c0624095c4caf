package org.pathwise.assistant;

import dev.langchain4j.model.chat.ChatModel;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Condenses a follow-up with a chat model and the condense prompt ({@code condense/v1}): the model sees the last
 * {@value #HISTORY} questions of the conversation, numbered oldest first, and the follow-up, and answers with the
 * standalone question alone. A model that fails or answers nothing usable condenses nothing.
 */
final class LlmCondenser implements QuestionCondenser {

    static final int HISTORY = 6;
    private static final Pattern TAGS = Pattern.compile("(?i)<(/?)(previous-questions|follow-up)");

    private final ChatModel chat;
    private final ChatPrompt prompt;

    LlmCondenser(ChatModel chat, ChatPrompt prompt) {
        this.chat = chat;
        this.prompt = prompt;
    }

    @Override
    public Optional<String> condense(String followUp, List<String> previous) {
        var recent = previous.subList(Math.max(0, previous.size() - HISTORY), previous.size());
        var history = new StringBuilder();
        for (int i = 0; i < recent.size(); i++) {
            history.append(i + 1)
                    .append(". ")
                    .append(recent.get(i).strip().replaceAll("\\s+", " "))
                    .append('\n');
        }
        var reply = prompt.reply(
                chat,
                Map.of("history", quoted(history.toString().strip()), "question", quoted(followUp)),
                "searching with the heuristic");
        return reply.flatMap(LlmCondenser::standalone);
    }

    private static String quoted(String text) {
        return TAGS.matcher(text).replaceAll("&lt;$1$2");
    }

    /** The reply's first non-blank line without a leading label or surrounding quotes, if it can be a question. */
    static Optional<String> standalone(String reply) {
        if (reply == null) {
            return Optional.empty();
        }
        var line = reply.strip()
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .findFirst()
                .orElse("");
        line = line.replaceFirst("(?i)^(standalone question|question)\\s*:\\s*", "")
                .replaceAll("^[\"'“«]+|[\"'”»]+$", "")
                .strip();
        if (line.isEmpty() || line.length() > Question.MAX_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(line);
    }
}
