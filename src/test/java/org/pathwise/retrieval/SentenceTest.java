package org.pathwise.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentenceTest {

    private static final String TEXT = "Rubrics help, e.g. in large classes.  Do they? Yes.\n";

    @Test
    void sentencesOfATextAreStrippedAndKeepAnAbbreviationInsideTheirSentence() {
        assertThat(Sentence.sentencesOf(TEXT, "en"))
                .containsExactly("Rubrics help, e.g. in large classes.", "Do they?", "Yes.");
    }

    @Test
    void splittingATextCutsItAtTheSameBoundariesAndGivesItBackWhenJoined() {
        var pieces = Sentence.split(TEXT, "en");

        assertThat(String.join("", pieces)).isEqualTo(TEXT);
        assertThat(pieces.stream().map(String::strip).filter(p -> !p.isEmpty()))
                .containsExactlyElementsOf(Sentence.sentencesOf(TEXT, "en"));
    }
}
