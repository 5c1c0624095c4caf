package org.pathwise.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReaderSentencesTest {

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
                "fr => La source est en anglais.",
                "es => La fuente está en inglés.",
                "ar => المصدر باللغة الإنجليزية.",
                "sw => Chanzo kiko kwa Kiingereza.",
                "xx => The source is in English."
            })
    void saysInTheReadersLanguageThatTheSourceIsInEnglish(String reader, String note) {
        assertThat(ReaderSentences.sourceNote(reader, List.of("en"))).isEqualTo(note);
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
                "fr => La bibliothèque n’a pas de réponse à cette question.",
                "es-MX => La biblioteca no tiene respuesta a esta pregunta.",
                "ar => لا تحتوي المكتبة على إجابة عن هذا السؤال.",
                "und => The library has no answer to this question.",
                "xx => The library has no answer to this question."
            })
    void saysInTheReadersLanguageThatTheLibraryHasNoAnswer(String reader, String sentence) {
        assertThat(ReaderSentences.noAnswer(reader)).isEqualTo(sentence);
    }

    @org.junit.jupiter.api.Test
    void everyLanguageHasBothSentencesAndOnlyEnglishReadsEnglish() {
        for (var language : ReaderSentences.languages()) {
            var note = ReaderSentences.sourceNote(language, List.of("ja"));
            var none = ReaderSentences.noAnswer(language);
            assertThat(note).as(language).isNotBlank();
            if (!language.equals("en")) {
                assertThat(none).as(language).isNotEqualTo(ReaderSentences.noAnswer("en"));
                assertThat(note).as(language).isNotEqualTo(ReaderSentences.sourceNote("en", List.of("ja")));
            }
        }
    }

    @org.junit.jupiter.api.Test
    void anAnswerFromPassagesInAnotherLanguageThanTheQuestionSaysSo() {
        var facets =
                new org.pathwise.retrieval.DocumentFacets("a.md", "A", List.of(), "CC0-1.0", "en", "", List.of(), "");
        var hits = List.of(new org.pathwise.retrieval.SearchHit(
                org.pathwise.retrieval.Passage.of("a", 0, "Captions help every student.", List.of(), "", facets),
                1,
                ""));
        var composition = new Composer.Composition("Captions help every student. [1]", "", "extractive", "", "");

        assertThat(Assistant.sourceLanguageNote("fr", hits, composition)).isEqualTo("La source est en anglais.");
        assertThat(Assistant.sourceLanguageNote("en", hits, composition)).isEmpty();
        assertThat(Assistant.sourceLanguageNote("und", hits, composition)).isEmpty();
    }
}
