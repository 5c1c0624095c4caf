package org.pathwise.assistant;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.input.PromptTemplate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A versioned prompt for a chat model, read from {@code <prompts-dir>/<id>.md} (for example {@code answer/v1.md}) or,
 * when that file does not exist, from the copy under {@code prompts/} on the class path, so the application works
 * from any folder.
 *
 * <p>The file is Markdown: what precedes a line {@code ## system} is a note for maintainers and is not sent; the text
 * between {@code ## system} and a line {@code ## user} is the system message; the rest is the user message. Both are
 * LangChain4j {@link PromptTemplate}s: {@code {{name}}} is replaced by the variable's value in one pass, so a value that
 * itself contains {@code {{...}}} is sent as it is.
 */
final class ChatPrompt {

    private static final String SYSTEM = "## system";
    private static final String USER = "## user";

    private final String id;
    private final String location;
    private final PromptTemplate system;
    private final PromptTemplate user;

    private ChatPrompt(String id, String location, String text) {
        this.id = id;
        this.location = location;
        var lines = text.replace("\r\n", "\n").lines().toList();
        int system = lines.indexOf(SYSTEM);
        int user = lines.indexOf(USER);
        if (system < 0 || user < system) {
            throw new IllegalStateException("prompt " + id + " (" + location + ") must have a line '" + SYSTEM
                    + "' and, after it, a line '" + USER + "'");
        }
        this.system = template(lines.subList(system + 1, user), id, SYSTEM);
        this.user = template(lines.subList(user + 1, lines.size()), id, USER);
    }

    private static PromptTemplate template(List<String> lines, String id, String section) {
        var text = String.join("\n", lines).strip();
        if (text.isEmpty()) {
            throw new IllegalStateException("prompt " + id + " has an empty '" + section + "' section");
        }
        return PromptTemplate.from(text);
    }

    /**
     * Reads a prompt.
     *
     * @param id the prompt's name and version, for example {@code answer/v1}
     * @param dir the folder that is looked at first
     * @throws IllegalStateException when neither the folder nor the class path has the prompt, or it is malformed
     */
    static ChatPrompt load(String id, Path dir) {
        var file = dir.resolve(id + ".md");
        try {
            if (Files.isRegularFile(file)) {
                return new ChatPrompt(id, file.toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
            var resource = "prompts/" + id + ".md";
            try (var in = ChatPrompt.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(
                            "prompt " + id + " is neither at " + file + " nor on the class path (" + resource + ")");
                }
                return new ChatPrompt(
                        id, "classpath:" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read prompt " + id + " at " + file, e);
        }
    }

    /** The prompt's name and version, recorded with every answer it produced. */
    String id() {
        return id;
    }

    /** Where the prompt was read from: a file's path or {@code classpath:prompts/...}. */
    String location() {
        return location;
    }

    /**
     * The text of a chat model's reply to this prompt, or empty when the model failed or replied with no text; a failure
     * is logged with what the caller does instead.
     *
     * @param instead what happens without a reply, for the log ("searching with the heuristic")
     */
    java.util.Optional<String> reply(
            dev.langchain4j.model.chat.ChatModel chat, Map<String, Object> variables, String instead) {
        try {
            var response = chat.chat(messages(variables));
            return java.util.Optional.ofNullable(
                    response.aiMessage() == null ? null : response.aiMessage().text());
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(ChatPrompt.class)
                    .warn(
                            "The language model failed on prompt {} ({}); {}",
                            id(),
                            ModelFailure.of(e).reason(),
                            instead);
            return java.util.Optional.empty();
        }
    }

    /** The system and user messages with the variables filled in. */
    List<ChatMessage> messages(Map<String, Object> variables) {
        return List.of(
                SystemMessage.from(system.apply(variables).text()),
                UserMessage.from(user.apply(variables).text()));
    }
}
