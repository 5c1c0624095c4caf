package org.pathwise.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class ModelPreloadingTest {

    private static final Path MODELS = Path.of("src/test/resources/models");

    private final List<Runnable> started = new ArrayList<>();

    @Test
    void withoutThePropertyNothingIsLoaded() {
        prepared(Map.of("pathwise.embedding.model", "tiny-multilingual"));

        assertThat(started).isEmpty();
    }

    @Test
    void theConfiguredModelIsPreloadedAndTheEmbeddingBeanTakesIt() {
        prepared(Map.of(
                ModelPreloading.PROPERTY,
                "true",
                "pathwise.embedding.model",
                "tiny-multilingual",
                "pathwise.embedding.models-dir",
                MODELS.toString()));

        assertThat(started).as("the embedding model and the language models").hasSize(2);
        started.forEach(Runnable::run);
        var configuration = new RetrievalConfiguration();
        var embedder = configuration.embedder(new EmbeddingProperties("tiny-multilingual", MODELS, null));

        assertThat(embedder.modelId()).isEqualTo("tiny-multilingual");
        assertThat(LanguageDetector.shared().detect("¿Dónde se guardan las grabaciones de las clases?"))
                .isEqualTo("es");
    }

    @Test
    void aModelThatCanNotLoadIsTheCommandsToReportNotThePreloads() {
        prepared(Map.of(
                ModelPreloading.PROPERTY,
                "true",
                "pathwise.embedding.model",
                "absent",
                "pathwise.embedding.models-dir",
                MODELS.toString()));

        started.forEach(Runnable::run);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Embedder.load("absent", MODELS, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("embedding model 'absent' not found");
    }

    private void prepared(Map<String, Object> properties) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new ModelPreloading(started::add)
                .onApplicationEvent(new ApplicationEnvironmentPreparedEvent(
                        new DefaultBootstrapContext(), new SpringApplication(), new String[0], environment));
    }
}
