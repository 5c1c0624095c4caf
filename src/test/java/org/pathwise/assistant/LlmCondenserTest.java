package org.pathwise.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.UserMessage;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class LlmCondenserTest {

    private final ChatPrompt prompt = ChatPrompt.load("condense/v1", Path.of("prompts"));

    @Test
    void takesTheFirstLineOfTheReplyWithoutLabelOrQuotes() {
        assertThat(LlmCondenser.standalone("Question: \"How do I caption video?\"\n\nThat is all."))
                .contains("How do I caption video?");
        assertThat(LlmCondenser.standalone("  How do I caption video?  ")).contains("How do I caption video?");
        assertThat(LlmCondenser.standalone(" \n ")).isEmpty();
        assertThat(LlmCondenser.standalone(null)).isEmpty();
        assertThat(LlmCondenser.standalone("x".repeat(Question.MAX_LENGTH + 1))).isEmpty();
    }

    @Test
    void showsTheModelTheLastQuestionsOldestFirst() {
        var chat = new FakeChatModels.Chat(messages -> "How do I caption video?");
        var previous =
                IntStream.rangeClosed(1, 8).mapToObj(i -> "Question " + i + "?").toList();

        var condensed = new LlmCondenser(chat, prompt).condense("and video?", previous);

        assertThat(condensed).contains("How do I caption video?");
        assertThat(((UserMessage) chat.requests.getFirst().get(1)).singleText())
                .contains("1. Question 3?\n2. Question 4?\n3. Question 5?\n4. Question 6?\n5. Question 7?\n"
                        + "6. Question 8?\n</previous-questions>")
                .contains("<follow-up>\nand video?\n</follow-up>");
    }

    @Test
    void condensesNothingWhenTheModelFails() {
        var chat = new FakeChatModels.Chat(messages -> {
            throw new IllegalStateException("down");
        });

        assertThat(new LlmCondenser(chat, prompt).condense("and video?", List.of("How do I caption audio?")))
                .isEmpty();
    }
}
