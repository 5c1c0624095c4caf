package org.pathwise.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.pathwise.retrieval.SearchHit;

class StreamedMarkersTest {

    private final List<SearchHit> hits = List.of(
            LanguageModelContract.hit("a", "First passage.", List.of()),
            LanguageModelContract.hit("b", "Second passage.", List.of()),
            LanguageModelContract.hit("c", "Third passage.", List.of()));

    private static String stream(String text, int[] cuts, int passages) {
        var out = new StringBuilder();
        var markers = new StreamedMarkers(passages, out::append);
        int start = 0;
        for (int cut : cuts) {
            markers.accept(text.substring(start, cut));
            start = cut;
        }
        markers.accept(text.substring(start));
        markers.finish();
        return out.toString();
    }

    @Test
    void renumbersMarkersSplitAcrossPiecesAndDropsThoseOfNoPassage() {
        var text = "C says [3]. A says [1][3]. Nothing says [12]. An array [x] and [ 2] stay. Ends with [";

        var streamed = stream(text, new int[] {8, 9, 22, 43, 44, 80}, 3);

        assertThat(streamed)
                .isEqualTo("C says [1]. A says [2][1]. Nothing says . An array [x] and [ 2] stay. Ends with [");
    }

    @RepeatedTest(50)
    void streamsTheSameTextAsTheWholeAnswerIsGrounded(RepetitionInfo repetition) {
        var random = new Random(900L + repetition.getCurrentRepetition());
        var parts = List.of("word ", "[", "]", "1", "2", "3", "4", "0", "99999999999", " ", ".", "[2]", "[4]", "x");
        var text = new StringBuilder();
        for (int i = 0; i < 10 + random.nextInt(60); i++) {
            text.append(parts.get(random.nextInt(parts.size())));
        }
        var cuts = random.ints(random.nextInt(8), 0, text.length() + 1).sorted().toArray();

        var streamed = stream(text.toString(), cuts, hits.size());

        var answer = Assistant.grounded(new Composer.Composition(text.toString(), "", "openai", "m", "p"), hits);
        if (answer instanceof Answer.Grounded grounded) {
            assertThat(Assistant.tidy(streamed)).isEqualTo(grounded.text());
        } else {
            assertThat(streamed).doesNotContainPattern("\\[\\d+]");
        }
    }

    @Test
    void handsOnEveryPieceThatHoldsText() {
        var pieces = new ArrayList<String>();
        var markers = new StreamedMarkers(2, pieces::add);

        for (var piece : List.of("Normal text", " needs 4.5 to 1 [", "2", "].")) {
            markers.accept(piece);
        }
        markers.finish();

        assertThat(pieces).containsExactly("Normal text", " needs 4.5 to 1 ", "[1].");
    }
}
