package org.pathwise.assistant;

import org.pathwise.retrieval.Embedder;
import org.pathwise.retrieval.LanguageDetector;
import org.pathwise.retrieval.TextTerms;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Loads the language models, analyzers and the embedding model's first inference in the background once the service
 * is up, so that the first question in each language is not the one that pays for them.
 */
@ConditionalOnWebApplication
@Component
class WarmUp {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    private static final String[][] SAMPLES = {
        {"en", "How should I give feedback on students' drafts in an online course?"},
        {"fr", "Comment donner un retour aux étudiants sur leurs brouillons dans un cours en ligne ?"},
        {"es", "¿Cómo dar retroalimentación a los estudiantes sobre sus borradores en un curso en línea?"}
    };

    private final Embedder embedder;
    private final LanguageDetector detector;

    WarmUp(Embedder embedder, LanguageDetector detector) {
        this.embedder = embedder;
        this.detector = detector;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        Thread.ofVirtual().name("pathwise-warm-up").start(() -> {
            long start = System.nanoTime();
            for (var sample : SAMPLES) {
                detector.detect(sample[1]);
                TextTerms.of(sample[1], sample[0]);
                embedder.embedQuery(sample[1]);
            }
            log.info("Warmed up the language and embedding models in {} ms", (System.nanoTime() - start) / 1_000_000);
        });
    }
}
