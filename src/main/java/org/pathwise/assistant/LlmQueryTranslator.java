package org.pathwise.assistant;

import dev.langchain4j.model.chat.ChatModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.pathwise.retrieval.QueryTranslator;

/**
 * Writes a question in the library's languages with a chat model and the translate prompt ({@code translate/v1}), for
 * searching: the model answers one line a language, {@code es: ¿…?}. A model that fails, or whose reply has no line for
 * a language, translates nothing into it, and search falls back on the dictionaries.
 */
final class LlmQueryTranslator implements QueryTranslator {

    private static final Pattern TAGS = Pattern.compile("(?i)<(/?)(question)");
    private static final Pattern LINE =
            Pattern.compile("^[\\s*\\-`\"']*([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)[`\"']?\\s*:\\s*(.+)$");

    private final ChatModel chat;
    private final ChatPrompt prompt;

    LlmQueryTranslator(ChatModel chat, ChatPrompt prompt) {
        this.chat = chat;
        this.prompt = prompt;
    }

    @Override
    public Map<String, String> translate(String question, String language, List<String> languages) {
        var reply = prompt.reply(
                chat,
                Map.of(
                        "language", language,
                        "languages", String.join(", ", languages),
                        "question", TAGS.matcher(question).replaceAll("&lt;$1$2")),
                "searching with the dictionaries");
        return lines(reply.orElse(null), languages);
    }

    /**
     * The reply's lines {@code <tag>: <text>} for the languages asked, the first line of each; a text longer than a
     * question may be is left out.
     */
    static Map<String, String> lines(String reply, List<String> languages) {
        var translations = new LinkedHashMap<String, String>();
        if (reply == null) {
            return translations;
        }
        for (var line : reply.lines().toList()) {
            var matcher = LINE.matcher(line.strip());
            if (!matcher.matches()) {
                continue;
            }
            var tag = matcher.group(1).toLowerCase(Locale.ROOT);
            var text = matcher.group(2)
                    .strip()
                    .replaceAll("^[\"'“«]+|[\"'”»]+$", "")
                    .strip();
            var asked = languages.stream()
                    .filter(l -> l.equalsIgnoreCase(tag)
                            || l.toLowerCase(Locale.ROOT).startsWith(tag + "-"))
                    .findFirst();
            if (asked.isPresent() && !text.isEmpty() && text.length() <= Question.MAX_LENGTH) {
                translations.putIfAbsent(asked.get(), text);
            }
        }
        return translations;
    }
}
