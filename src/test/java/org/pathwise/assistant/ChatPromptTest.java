package org.pathwise.assistant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatPromptTest {

    private static final Path PROMPTS = Path.of("prompts");

    @Test
    void theCopiesInsideTheApplicationAreTheSameAsThePromptsFolder() throws IOException {
        try (var files = Files.walk(PROMPTS)) {
            var prompts = files.filter(f -> f.toString().endsWith(".md"))
                    .filter(f -> !f.getFileName().toString().equals("README.md"))
                    .toList();
            assertThat(prompts)
                    .extracting(f -> PROMPTS.relativize(f).toString().replace('\\', '/'))
                    .contains("answer/v1.md", "condense/v1.md");
            for (var prompt : prompts) {
                var resource =
                        "prompts/" + PROMPTS.relativize(prompt).toString().replace('\\', '/');
                try (var in = getClass().getClassLoader().getResourceAsStream(resource)) {
                    assertThat(in).as(resource + " on the class path").isNotNull();
                    assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                            .as(resource)
                            .isEqualTo(Files.readString(prompt));
                }
            }
        }
    }

    @Test
    void readsThePromptsFolderFirst(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("answer"));
        Files.writeString(dir.resolve("answer/v1.md"), "note\n## system\nBe brief.\n## user\nQ: {{question}}\n");

        var prompt = ChatPrompt.load("answer/v1", dir);

        assertThat(prompt.location()).isEqualTo(dir.resolve("answer/v1.md").toString());
        assertThat(prompt.messages(Map.of("question", "Why?")))
                .containsExactly(SystemMessage.from("Be brief."), UserMessage.from("Q: Why?"));
    }

    @Test
    void fallsBackOnTheCopyInsideTheApplication(@TempDir Path empty) {
        var variables = Map.<String, Object>of("question", "Why?", "language", "en", "passages", "[1] T\ntext");

        var prompt = ChatPrompt.load("answer/v1", empty);

        assertThat(prompt.id()).isEqualTo("answer/v1");
        assertThat(prompt.location()).isEqualTo("classpath:prompts/answer/v1.md");
        assertThat(prompt.messages(variables))
                .isEqualTo(ChatPrompt.load("answer/v1", PROMPTS).messages(variables));
    }

    @Test
    void fillsTheVariablesInOnePassSoAPassageCannotPullInAnother() {
        var prompt = ChatPrompt.load("answer/v1", PROMPTS);

        var user = (UserMessage) prompt.messages(Map.of(
                        "question", "Why {{passages}}?", "language", "en", "passages", "[1] T\nSee {{question}}."))
                .get(1);

        assertThat(user.singleText())
                .contains("<passages>\n[1] T\nSee {{question}}.\n</passages>")
                .contains("Why {{passages}}?")
                .doesNotContain("## user");
    }

    @Test
    void theMaintainersNoteIsNotSent() {
        var messages = ChatPrompt.load("answer/v1", PROMPTS)
                .messages(Map.of("question", "Why?", "language", "en", "passages", "[1] T\ntext"));

        assertThat(((SystemMessage) messages.get(0)).text())
                .startsWith("You are Pathwise")
                .doesNotContain("Released: do not edit");
    }

    @Test
    void refusesAPromptWithoutItsSections(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("answer"));
        Files.writeString(dir.resolve("answer/v9.md"), "Answer {{question}} from {{passages}}.\n");

        assertThatThrownBy(() -> ChatPrompt.load("answer/v9", dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'## system'");
    }

    @Test
    void namesAPromptThatIsNowhere(@TempDir Path dir) {
        assertThatThrownBy(() -> ChatPrompt.load("answer/v99", dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("answer/v99")
                .hasMessageContaining("class path");
    }
}
