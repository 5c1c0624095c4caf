package org.pathwise.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.pemistahl.lingua.api.Language;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private final LanguageDetector detector = LanguageDetector.shared();

    @Test
    void namesTheLanguageOfAQuestionAndUndForNoText() {
        assertThat(detector.detect("¿Cómo puedo facilitar un debate en línea con mis estudiantes?"))
                .isEqualTo("es");
        assertThat(detector.detect("How do I write a rubric for lab reports?")).isEqualTo("en");
        assertThat(detector.detect("12345")).isEqualTo("und");
    }

    @Test
    void theJarHoldsTheModelsOfEveryLanguageTheDetectorTellsApartAndNoOther() throws Exception {
        // the build unpacks Lingua into the jar with these languages' models only (pom.xml, slim-dependencies)
        var pom = java.nio.file.Files.readString(java.nio.file.Path.of("pom.xml"));
        var packed = java.util.regex.Pattern.compile("language-models/([a-z]{2})/\\*\\*")
                .matcher(pom)
                .results()
                .map(match -> match.group(1))
                .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));

        assertThat(packed).isEqualTo(LanguageDetector.languages()).hasSize(11);
    }

    @Test
    void aLanguageWhoseModelsAreMissingStopsTheDetectorInsteadOfBeingTakenForAnother() throws Exception {
        var found = new java.net.URI("file:///language-models/").toURL();
        java.util.function.Function<String, java.net.URL> withoutSwahili =
                path -> path.startsWith("/language-models/sw/") ? null : found;

        assertThat(LanguageDetector.withModels(withoutSwahili, Language.ENGLISH, Language.FRENCH))
                .containsExactly(Language.ENGLISH, Language.FRENCH);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> LanguageDetector.withModels(withoutSwahili, Language.ENGLISH, Language.SWAHILI))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[sw]")
                .hasMessageContaining("pom.xml");
    }

    @Test
    void findsArabicChineseAndHindiQuestionsAsWellAsLatinScriptOnes() {
        assertThat(detector.detect("كم عدد المساعدين لكل ورشة عمل؟")).isEqualTo("ar");
        assertThat(detector.detect("开放教育资源的许可证是什么？")).isEqualTo("zh");
        assertThat(detector.detect("ऑनलाइन चर्चा कैसे शुरू करें?")).isEqualTo("hi");
        assertThat(detector.detect("Wie gestalte ich eine barrierefreie Präsentation?"))
                .isEqualTo("de");
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
