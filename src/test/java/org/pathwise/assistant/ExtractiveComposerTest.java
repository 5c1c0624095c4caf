package org.pathwise.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.pathwise.retrieval.BlockKind;
import org.pathwise.retrieval.DocumentFacets;
import org.pathwise.retrieval.Passage;
import org.pathwise.retrieval.PassageText;
import org.pathwise.retrieval.SearchHit;

class ExtractiveComposerTest {

    private static final Pattern MARKER = Pattern.compile(" \\[(\\d+)]");

    private final ExtractiveComposer composer = new ExtractiveComposer();

    private static SearchHit hit(String id, String text, String language) {
        var facets =
                new DocumentFacets(id + ".md", "Title " + id, List.of("Ada"), "CC-BY-4.0", language, "", List.of(), "");
        return new SearchHit(Passage.of(id, 0, text, List.of(), "", facets), 1.0, "");
    }

    @Test
    void answersWithTheSentenceThatMatchesTheQuestionAndCitesItsPassage() {
        var hits = List.of(
                hit("a", "Rubrics describe levels of performance. They also speed up marking for large classes.", "en"),
                hit("b", "Normal text needs a contrast ratio of at least 4.5 to 1 against its background.", "en"));

        var composition = composer.compose(Requests.of("What contrast ratio does normal text need?", "en", hits));

        assertThat(composition.text())
                .startsWith("Normal text needs a contrast ratio of at least 4.5 to 1 against its background. [2]");
    }

    @RepeatedTest(25)
    void quotesOnePassageWordForWordAndCitesEverySentence(RepetitionInfo repetition) {
        var random = new Random(500L + repetition.getCurrentRepetition());
        var words = List.of(
                "feedback",
                "students",
                "rubric",
                "online",
                "video",
                "licence",
                "open",
                "data",
                "privacy",
                "quiz",
                "captions",
                "module",
                "design",
                "teachers",
                "assessment",
                "consent",
                "marking",
                "peer");
        var hits = new ArrayList<SearchHit>();
        for (int p = 0; p < 1 + random.nextInt(5); p++) {
            var text = new StringBuilder();
            for (int s = 0; s < 2 + random.nextInt(5); s++) {
                for (int w = 0; w < 4 + random.nextInt(12); w++) {
                    text.append(words.get(random.nextInt(words.size()))).append(' ');
                }
                text.setLength(text.length() - 1);
                text.append(random.nextBoolean() ? ". " : random.nextBoolean() ? "?\n\n" : ".\n- ");
            }
            hits.add(hit("p" + p, text.toString().strip(), "en"));
        }
        var question = words.get(random.nextInt(words.size())) + " " + words.get(random.nextInt(words.size())) + "?";

        var answer = composer.compose(Requests.of(question, "en", hits)).text();

        var matcher = MARKER.matcher(answer);
        int start = 0;
        var cited = new java.util.HashSet<Integer>();
        while (matcher.find()) {
            var sentence = answer.substring(start, matcher.start()).strip().replaceFirst("^(- |\\d+\\. )", "");
            int passage = Integer.parseInt(matcher.group(1));
            assertThat(passage).isBetween(1, hits.size());
            assertThat(hits.get(passage - 1).passage().text()).contains(sentence);
            assertThat(sentence).doesNotEndWith("?");
            cited.add(passage);
            start = matcher.end();
        }
        assertThat(answer.substring(start)).isBlank();
        assertThat(cited).hasSizeLessThanOrEqualTo(1);
    }

    @Test
    void quotesAWholeListWithTheSentenceThatIntroducesItForAHowToQuestion() {
        var text = new PassageText("en")
                .add(BlockKind.HEADING, "Accessible slides")
                .add(
                        BlockKind.PARAGRAPH,
                        "Slides are often shared after class. To make them accessible, follow four" + " habits:")
                .add(
                        BlockKind.LIST,
                        List.of(
                                "Use a font of at least 24 points.",
                                "Give every image a short alternative text.",
                                "Keep a contrast ratio of at least 4.5 to 1.",
                                "Give every slide a unique title."))
                .add(BlockKind.PARAGRAPH, "Screen readers read titles first.");
        var hits = List.of(structuredHit("slides", text), hit("other", "Video lectures should be short.", "en"));

        var answer = composer.compose(Requests.of("How can I make my slides accessible?", "en", hits))
                .text();

        assertThat(answer)
                .isEqualTo("To make them accessible, follow four habits: [1]\n"
                        + "- Use a font of at least 24 points. [1]\n"
                        + "- Give every image a short alternative text. [1]\n"
                        + "- Keep a contrast ratio of at least 4.5 to 1. [1]\n"
                        + "- Give every slide a unique title. [1]");
    }

    @Test
    void neverQuotesAHeadingOrAQuestionOfThePassage() {
        var text = new PassageText("en")
                .add(BlockKind.HEADING, "How do you run a workshop")
                .add(
                        BlockKind.PARAGRAPH,
                        "How do you run a workshop? Run a workshop with two instructors and a"
                                + " helper for every ten learners.");

        var answer = composer.compose(
                        Requests.of("How do you run a workshop?", "en", List.of(structuredHit("workshop", text))))
                .text();

        assertThat(answer).isEqualTo("Run a workshop with two instructors and a helper for every ten learners. [1]");
    }

    @Test
    void aQuantityQuestionGetsTheSentenceThatHoldsTheNumber() {
        var hits = List.of(hit(
                "workload",
                "Students need time to read and practise each week. A 5-credit module asks for about 8 to 10 hours of"
                        + " work a week. Workload should be planned with students in mind.",
                "en"));

        var answer = composer.compose(
                        Requests.of("How many hours a week should students work on a 5-credit module?", "en", hits))
                .text();

        assertThat(answer).contains("about 8 to 10 hours");
    }

    @Test
    void writesNothingWhenThereIsNoUnitToQuote() {
        var selection = AnswerSelector.Selection.none(QuestionType.OTHER);

        assertThat(composer.compose(new Composer.Request("q?", "en", List.of(), selection))
                        .text())
                .isEmpty();
    }

    private static SearchHit structuredHit(String id, PassageText text) {
        var facets =
                new DocumentFacets(id + ".md", "Title " + id, List.of("Ada"), "CC-BY-4.0", "en", "", List.of(), "");
        return new SearchHit(Passage.of(id, 0, text, List.of(), "", facets), 1.0, "");
    }

    @Test
    void groundingDropsMarkersThatPointAtNoGivenPassageAndRenumbersTheRest() {
        var hits = List.of(hit("a", "First passage text here.", "en"), hit("b", "Second passage text here.", "en"));

        var answer = Assistant.grounded(
                new Composer.Composition("B says so [2]. A agrees [1]. Made up [7].", "", "extractive", "", ""), hits);

        assertThat(answer).isInstanceOfSatisfying(Answer.Grounded.class, grounded -> {
            assertThat(grounded.text()).isEqualTo("B says so [1]. A agrees [2]. Made up .");
            assertThat(grounded.citations()).extracting(Citation::source).containsExactly("b.md", "a.md");
            assertThat(grounded.citations().getFirst().attribution()).isEqualTo("\"Title b\" by Ada, b.md, CC-BY-4.0");
            assertThat(grounded.note()).contains("removed");
        });
    }

    @Test
    void abstainsWhenTheCompositionCitesNothing() {
        var hits = List.of(hit("a", "Some passage.", "en"));

        assertThat(Assistant.grounded(
                        new Composer.Composition("An answer without a citation.", "", "extractive", "", ""), hits))
                .isInstanceOf(Answer.Abstained.class);
    }

    @Test
    void aCitationNamesThePassageSentencesThatTheAnswerQuotesWordForWord() {
        var hits = List.of(hit("a", "Captions help deaf learners. They also help everyone in a noisy room.", "en"));

        var quoting = Assistant.grounded(
                new Composer.Composition("They also help everyone in a noisy room. [1]", "", "extractive", "", ""),
                hits);
        var paraphrasing = Assistant.grounded(
                new Composer.Composition("Captions help in loud places [1].", "", "openai", "", ""), hits);

        assertThat(quoting)
                .isInstanceOfSatisfying(
                        Answer.Grounded.class,
                        grounded -> assertThat(grounded.citations().getFirst().sentences())
                                .containsExactly(1));
        assertThat(paraphrasing)
                .isInstanceOfSatisfying(
                        Answer.Grounded.class,
                        grounded -> assertThat(grounded.citations().getFirst().sentences())
                                .isEmpty());
    }
}
