package org.pathwise.retrieval;

import java.util.concurrent.Executor;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;

/**
 * Starts loading the configured embedding model and the language detector's models on background threads as soon as
 * the configuration is known, while Spring builds the rest of the application on the main thread. A command that
 * searches or answers then finds them loaded, or nearly, instead of loading them after start-up: on two cores they
 * take about as long as Spring itself. Acts only when {@value #PROPERTY} is true, which the command line sets for the
 * commands that read text; the web service loads them in its own warm-up.
 *
 * <p>The embedding bean takes the model that was preloaded for the same configuration ({@link Embedder#preload}); the
 * detector keeps its models once loaded. A failure is the command's to report: it meets it when it takes the model.
 */
final class ModelPreloading implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /** The property that asks for the preload. */
    static final String PROPERTY = "pathwise.preload-models";

    private final Executor executor;

    ModelPreloading() {
        this(task -> Thread.ofPlatform().daemon().name("pathwise-preload").start(task));
    }

    ModelPreloading(Executor executor) {
        this.executor = executor;
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        var environment = event.getEnvironment();
        if (!environment.getProperty(PROPERTY, Boolean.class, false)) {
            return;
        }
        var embedding = Binder.get(environment).bindOrCreate("pathwise.embedding", EmbeddingProperties.class);
        Embedder.preload(embedding.model(), embedding.modelsDir(), embedding.bundledModelDir(), executor);
        executor.execute(() -> {
            try {
                LanguageDetector.preload();
            } catch (RuntimeException | LinkageError e) {
                // the command meets the same failure when it detects a language, and reports it there
            }
        });
    }
}
