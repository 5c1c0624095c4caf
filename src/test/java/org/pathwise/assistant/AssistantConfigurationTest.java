package org.pathwise.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pathwise.retrieval.Embedder;
import org.pathwise.retrieval.FakeEmbeddingModel;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class AssistantConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(AssistantProperties.class)
    static class Embedding {
        @Bean
        Embedder embedder() {
            return FakeEmbeddingModel.embedder("fake");
        }
    }

    private final ApplicationContextRunner context =
            new ApplicationContextRunner().withUserConfiguration(Embedding.class, AssistantConfiguration.class);

    @Test
    void answersExtractivelyWithoutALanguageModel() {
        context.run(started -> {
            assertThat(started.getBean(Composer.class)).isInstanceOf(ExtractiveComposer.class);
            assertThat(started.getBean(QuestionCondenser.class)).isSameAs(QuestionCondenser.NONE);
            assertThat(started.getBean(AssistantProperties.class).llm()).isEqualTo(AssistantProperties.Llm.NONE);
        });
    }

    @Test
    void buildsTheLanguageModelComposerWithItsFallbackWhenAProviderIsConfigured() {
        context.withPropertyValues(
                        "pathwise.assistant.llm.provider=openai",
                        "pathwise.assistant.llm.base-url=http://localhost:8000/v1",
                        "pathwise.assistant.llm.model=qwen2.5-7b-instruct",
                        "pathwise.assistant.llm.timeout=5s")
                .run(started -> {
                    var composer = started.getBean(Composer.class);
                    assertThat(composer).isInstanceOf(FallbackComposer.class);
                    assertThat(composer.name()).isEqualTo("openai");
                    assertThat(composer.model()).isEqualTo("qwen2.5-7b-instruct");
                    assertThat(composer.prompt()).isEqualTo("answer/v2");
                    assertThat(started.getBean(QuestionCondenser.class)).isInstanceOf(LlmCondenser.class);
                    var llm = started.getBean(AssistantProperties.class).llm();
                    assertThat(llm.timeout()).hasSeconds(5);
                    assertThat(llm.maxRetries()).isEqualTo(2);
                    assertThat(llm.temperature()).isZero();
                    assertThat(llm.promptsFolder()).isEqualTo(Path.of("prompts"));
                });
    }

    @Test
    void buildsTheOllamaComposer() {
        context.withPropertyValues("pathwise.assistant.llm.provider=ollama", "pathwise.assistant.llm.model=llama3.2")
                .run(started ->
                        assertThat(started.getBean(Composer.class).name()).isEqualTo("ollama"));
    }

    @Test
    void refusesToStartWithAProviderButNoModel() {
        context.withPropertyValues("pathwise.assistant.llm.provider=ollama")
                .run(started -> assertThat(started)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("pathwise.assistant.llm.model must name the model"));
    }

    @Test
    void refusesToStartWithAPromptThatIsNowhere() {
        context.withPropertyValues(
                        "pathwise.assistant.llm.provider=openai",
                        "pathwise.assistant.llm.model=m",
                        "pathwise.assistant.llm.prompt=answer/v77")
                .run(started -> assertThat(started).getFailure().rootCause().hasMessageContaining("prompt answer/v77"));
    }
}
