package org.pathwise.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.pathwise.retrieval.TextTerms;

class QuestionClassifierTest {

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
                "What is a rubric? => DEFINITION",
                "Qu'est-ce que la classe inversée ? => DEFINITION",
                "¿Qué es un recurso educativo abierto? => DEFINITION",
                "How can I make my slides accessible? => PROCEDURE",
                "Comment rendre mes diapositives accessibles ? => PROCEDURE",
                "¿Cómo puedo facilitar un debate en línea? => PROCEDURE",
                "Which open licence should I choose to let others adapt my slides? => CHOICE",
                "¿Qué herramienta debo usar para un debate en línea? => CHOICE",
                "Under which licence do I have to share a remix of two CC BY-SA texts? => CHOICE",
                "Which of the WCAG principles covers captions? => CHOICE",
                "Vers quel format ouvert exporter mes questionnaires ? => CHOICE",
                "Quelle méthode conseillez-vous pour créditer une image ? => CHOICE",
                "¿Qué licencia elijo para mis apuntes? => CHOICE",
                "¿Con qué herramienta hago encuestas en clase? => CHOICE",
                "Can I use the forum, which the university supports, for graded discussions? => YES_NO",
                "Faut-il, quel que soit le niveau, utiliser une grille critériée ? => YES_NO",
                "¿Puedo reutilizar el vídeo, que la licencia permite compartir, en mi curso? => YES_NO",
                "To what extent does feedback improve learning? => OTHER",
                "What does the teacher do during a flipped class? => OTHER",
                "Dans quelle mesure peut-on réutiliser une image sous CC BY-NC ? => OTHER",
                "¿En qué momento debo dar retroalimentación? => OTHER",
                "Quels outils numériques choisir pour évaluer ? => LIST",
                "¿Cuáles son los principios del diseño universal? => LIST",
                "Why does retrieval practice help learners remember? => REASON",
                "Pourquoi utiliser des grilles critériées ? => REASON",
                "¿Por qué es importante la retroalimentación? => REASON",
                "How many hours a week should a 5-ECTS module ask for? => QUANTITY",
                "Combien de temps doit durer une vidéo ? => QUANTITY",
                "¿Cuántos estudiantes por grupo se recomiendan? => QUANTITY",
                "Should I record my lectures? => YES_NO",
                "Dois-je enregistrer mes cours ? => YES_NO",
                "¿Puedo reutilizar una imagen con licencia CC BY-NC? => YES_NO",
                "What is the difference between synchronous and asynchronous teaching? => COMPARISON",
                "Quelle est la différence entre évaluation formative et sommative ? => COMPARISON",
                "I teach a 12-week course with one final essay. How many hours of work a week is reasonable? =>"
                        + " QUANTITY",
                "Tell me about peer review. => OTHER"
            })
    void tellsWhatKindOfAnswerAQuestionAsksForInEnglishFrenchAndSpanish(String question, QuestionType type) {
        assertThat(QuestionClassifier.typeOf(question)).isEqualTo(type);
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
                "How can I make my slides accessible? => en => slides accessible => how can",
                "Comment rendre mes diapositives accessibles ? => fr => diapositives accessibles => comment",
                "I teach online. How many hours should students work? => en => hours students work => teach online",
                "Why do AI chatbots sometimes invent references? => en => AI chatbots invent references => why do",
                "Can I publish my translation under CC BY-SA? => en => publish translation SA => can my",
                "Quelle est la différence entre une grille analytique et une grille holistique ? => fr"
                        + " => grille analytique holistique => quelle est",
                "Dans quel délai doit-on répondre à un étudiant ? => fr => délai répondre étudiant => doit on",
                "¿Qué elementos debe tener una buena consigna? => es => elementos buena consigna => qué debe tener",
                "¿Dónde puedo encontrar libros de texto abiertos? => es => encontrar libros texto abiertos"
                        + " => dónde puedo",
                "Which licence should I choose for my slides? => en => licence slides => choose should",
                "How do I choose a licence for my slides? => en => choose licence slides => how do",
                "Can I claim fair dealing under EU law? => en => claim fair dealing EU law => can",
                "Comment vérifier les faits cités dans les devoirs ? => fr => vérifier faits cités devoirs => comment",
                "¿Debo revisar los deberes a diario? => es => revisar deberes diario => debo",
                "Quelle grille privilégier pour corriger vite ? => fr => grille corriger vite => privilégier",
                "¿Qué buscador me recomiendan para imágenes libres? => es => buscador imágenes libres"
                        + " => recomiendan",
            })
    void focusTermsAreThoseOfTheSentenceThatAsksLessTheWordsThatOnlyAsk(
            String question, String language, String kept, String left) {
        var focus = QuestionClassifier.focus(question, QuestionClassifier.typeOf(question), language);

        assertThat(focus).containsAll(TextTerms.matched(kept, language));
        assertThat(focus).doesNotContainAnyElementsOf(TextTerms.matched(left, language));
    }

    @ParameterizedTest
    @CsvSource(
            delimiterString = " => ",
            value = {
                "I want my students to debate in the forum from the first week. Is it realistic? => en"
                        + " => students debate forum first week realistic",
                "Je voudrais rendre mon cours plus inclusif. Par où commencer ? => fr => cours inclusif commencer",
                "Quiero que mis estudiantes debatan en el foro desde la primera semana. ¿Es realista? => es"
                        + " => estudiantes debatan foro primera semana realista",
            })
    void aQuestionThatLeansOnItsContextTakesItsFocusTermsFromTheContextToo(
            String question, String language, String kept) {
        var type = QuestionClassifier.typeOf(question);

        assertThat(QuestionClassifier.focus(question, type, language)).containsAll(TextTerms.matched(kept, language));
        assertThat(QuestionClassifier.asked(question, type, language)).isEqualTo(question);
    }

    @Test
    void aQuestionThatSaysWhatItAsksKeepsItsContextOut() {
        var question = "I teach online. How many hours should students work?";
        var type = QuestionClassifier.typeOf(question);

        assertThat(QuestionClassifier.asked(question, type, "en")).isEqualTo("How many hours should students work?");
    }

    @Test
    void theAssistantNamesAQuestionsTypeAsReportsDo() {
        assertThat(Assistant.questionType("Should I record my lectures?")).isEqualTo("yes_no");
        assertThat(Assistant.questionType("Tell me about peer review.")).isEqualTo("other");
        assertThat(Assistant.questionTypes())
                .startsWith("definition", "procedure")
                .contains("yes_no", "comparison")
                .endsWith("other")
                .hasSize(QuestionType.values().length)
                .doesNotHaveDuplicates();
    }
}
