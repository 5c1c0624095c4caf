package org.pathwise.pathways;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QuestionnaireTest {

    private final Framework digCompEdu = Bundled.get().frameworks.digCompEdu();
    private final Questionnaire bundled = Questionnaire.bundled(digCompEdu);

    private static final Pattern ARABIC = Pattern.compile("\\p{IsArabic}");

    @Test
    void everyStatementAndAnswerOfTheBundledQuestionnaireIsInTheFourLanguages() {
        assertThat(bundled.items()).hasSize(18);
        assertThat(bundled.options()).hasSize(6);
        assertThat(bundled.items())
                .allSatisfy(item -> assertThat(item.texts()).as(item.id()).containsOnlyKeys("en", "fr", "es", "ar"));
        assertThat(bundled.options())
                .allSatisfy(option -> assertThat(option.texts())
                        .as("option " + option.score())
                        .containsOnlyKeys("en", "fr", "es", "ar"));
        // each translation is a text of its own, and the Arabic one is written in Arabic
        for (var texts : bundled.items().stream().map(Questionnaire.Item::texts).toList()) {
            assertThat(texts.values()).doesNotHaveDuplicates();
            assertThat(ARABIC.matcher(texts.get("ar")).find())
                    .as(texts.get("en"))
                    .isTrue();
        }
    }

    @Test
    void givesEachStatementAndAnswerInTheAskedLanguage() {
        var first = bundled.items().getFirst();

        assertThat(first.text("en"))
                .isEqualTo("I choose digital channels on purpose to communicate with students and colleagues.");
        assertThat(first.text("fr")).startsWith("Je choisis délibérément les canaux numériques");
        assertThat(first.text("es")).startsWith("Elijo de forma deliberada los canales digitales");
        assertThat(first.text("ar")).startsWith("أختار القنوات الرقمية");
        assertThat(bundled.options().getFirst().text("es")).isEqualTo("Todavía no");
        assertThat(bundled.options().getFirst().text("ar")).isEqualTo("ليس بعد");
    }

    @Test
    void aLanguageWithoutATextFallsBackToEnglish() {
        var first = bundled.items().getFirst();

        assertThat(first.text("de")).isEqualTo(first.text("en"));
        assertThat(first.text("")).isEqualTo(first.text("en"));
        assertThat(bundled.options().getLast().text("zh")).isEqualTo("I develop new approaches and share them widely");
    }

    @Test
    void readsAFileWrittenInEnglishAndFrenchOnlyAndShowsItsStatementsInEnglishElsewhere() {
        var questionnaire = Questionnaire.parse("""
                options:
                  - {score: 0, en: "Not yet", fr: "Pas encore"}
                items:
                  - id: q1
                    area: "1"
                    competences: ["1.1"]
                    en: I talk to students online.
                    fr: Je parle aux étudiants en ligne.
                """, "old.yaml", digCompEdu);

        var item = questionnaire.items().getFirst();
        assertThat(item.text("fr")).isEqualTo("Je parle aux étudiants en ligne.");
        assertThat(item.text("es")).isEqualTo("I talk to students online.");
        assertThat(item.text("ar")).isEqualTo("I talk to students online.");
        assertThat(questionnaire.options().getFirst().text("ar")).isEqualTo("Not yet");
    }

    @Test
    void refusesAStatementWithoutEnglishNamingTheLine() {
        var yaml = """
                options:
                  - {score: 0, en: "Not yet"}
                items:
                  - id: q1
                    area: "1"
                    competences: ["1.1"]
                    en: I talk to students online.
                  - id: q2
                    area: "1"
                    competences: ["1.2"]
                    fr: Je travaille avec mes collègues.
                    es: Trabajo con mis colegas.
                """;

        assertThatThrownBy(() -> Questionnaire.parse(yaml, "mine.yaml", digCompEdu))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.line()).isEqualTo(8);
                    assertThat(e.reason()).isEqualTo("q2 needs 'en'");
                })
                .hasMessage("mine.yaml line 8: q2 needs 'en'");
    }

    @Test
    void refusesAnAnswerWithoutEnglishAndAnEmptyTranslationNamingTheLine() {
        var noEnglish = """
                options:
                  - {score: 0, en: "Not yet"}
                  - {score: 1, fr: "De temps en temps"}
                items: []
                """;
        assertThatThrownBy(() -> Questionnaire.parse(noEnglish, "mine.yaml", digCompEdu))
                .hasMessage("mine.yaml line 3: the option 1 needs 'en'");

        var emptySpanish = """
                options:
                  - {score: 0, en: "Not yet"}
                items:
                  - id: q1
                    area: "1"
                    competences: ["1.1"]
                    en: I talk to students online.
                    es: "  "
                """;
        assertThatThrownBy(() -> Questionnaire.parse(emptySpanish, "mine.yaml", digCompEdu))
                .hasMessage("mine.yaml line 8: q1's es must not be empty");
    }
}
