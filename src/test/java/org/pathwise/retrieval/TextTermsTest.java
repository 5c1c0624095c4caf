package org.pathwise.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextTermsTest {

    @ParameterizedTest
    @CsvSource({
        "es, adaptación, adaptar",
        "es, evaluación, evaluamos",
        "es, sustitución, sustituir",
        "fr, évaluation, évaluer",
        "fr, l'inclusion, inclusif",
        "pt, avaliação, avaliar",
        "it, l'apprendimento, apprendimenti",
        "de, Bewertungen, Bewertung",
        "en, adaptation, adapt",
    })
    void wordsOfOneFamilyMatchInEveryLanguage(String language, String noun, String verb) {
        assertThat(TextTerms.matched(noun, language)).hasSize(1).isEqualTo(TextTerms.matched(verb, language));
    }

    @ParameterizedTest
    @CsvSource({"es, adaptación, adaptar", "es, sustitución, sustituir"})
    void searchKeepsTheIndexsLighterStemming(String language, String noun, String verb) {
        assertThat(TextTerms.of(noun, language)).isNotEqualTo(TextTerms.of(verb, language));
    }

    @ParameterizedTest
    @CsvSource({"es, para los de la", "fr, pour les de la", "en, for the of a"})
    void stopWordsAreNoTerms(String language, String text) {
        assertThat(TextTerms.matched(text, language)).isEmpty();
    }
}
