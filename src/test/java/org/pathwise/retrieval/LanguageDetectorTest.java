package org.pathwise.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @Test
    void namesTheLanguageOfAQuestionAndUndForNoText() {
        assertThat(detector.detect("¿Cómo puedo facilitar un debate en línea con mis estudiantes?"))
                .isEqualTo("es");
        assertThat(detector.detect("How do I write a rubric for lab reports?")).isEqualTo("en");
        assertThat(detector.detect("12345")).isEqualTo("und");
    }

    @Test
    void detectsManyMoreTextsThanItRemembersFromSeveralThreadsWithoutBlocking() {
        // far more distinct questions than the 1,024 remembered, so that the cache evicts while the detector works
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            try (var threads = Executors.newFixedThreadPool(3)) {
                var results = new java.util.ArrayList<java.util.concurrent.Future<String>>();
                for (int i = 0; i < 4_000; i++) {
                    var question = "How many students were in course number " + i + " last term?";
                    results.add(threads.submit(() -> detector.detect(question)));
                }
                for (var result : results) {
                    assertThat(result.get()).isEqualTo("en");
                }
            }
        });
    }
}
