package org.pathwise.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.pathwise.retrieval.DocumentFacets;
import org.pathwise.retrieval.FakeEmbeddingModel;
import org.pathwise.retrieval.Passage;
import org.pathwise.retrieval.SearchHit;

class ExtractiveComposerTest {

    private static final Pattern MARKER = Pattern.compile(" \\[(\\d+)]");

    private final ExtractiveComposer composer = new ExtractiveComposer(FakeEmbeddingModel.embedder("fake"), 3, 90);

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

        var composition = composer.compose("What contrast ratio does normal text need?", "en", hits);

        assertThat(composition.text())
                .startsWith("Normal text needs a contrast ratio of at least 4.5 to 1 against its background. [2]");
    }

    @RepeatedTest(25)
    void neverWritesAWordThatIsNotInTheCitedPassage(RepetitionInfo repetition) {
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
                text.append(random.nextBoolean() ? ". " : ".\n- ");
            }
            hits.add(hit("p" + p, text.toString().strip(), "en"));
        }
        var question = words.get(random.nextInt(words.size())) + " " + words.get(random.nextInt(words.size())) + "?";

        var answer = composer.compose(question, "en", hits).text();

        var matcher = MARKER.matcher(answer);
        int start = 0;
        int sentences = 0;
        while (matcher.find()) {
            var sentence = answer.substring(start, matcher.start()).strip();
            int passage = Integer.parseInt(matcher.group(1));
            assertThat(passage).isBetween(1, hits.size());
            assertThat(hits.get(passage - 1).passage().text()).contains(sentence);
            start = matcher.end();
            sentences++;
        }
        assertThat(answer.substring(start)).isBlank();
        assertThat(sentences).isBetween(hits.isEmpty() ? 0 : 1, 3);
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
}
