package org.pathwise.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentencesTest {

    @Test
    void splitsAnAnswerAfterMarkersThatFollowTheFinalPunctuation() {
        var answer =
                "Ask for about 8–10 hours a week, not 20. [1] One credit is 25–30 hours of work. [2] [3] D'où vient"
                        + " la classe inversée ? [1] Elle vient de 2007 [2].";

        var sentences = Sentences.splitAnswer(answer);

        assertThat(sentences)
                .containsExactly(
                        "Ask for about 8–10 hours a week, not 20. [1] ",
                        "One credit is 25–30 hours of work. [2] [3] ",
                        "D'où vient la classe inversée ? [1] ",
                        "Elle vient de 2007 [2].");
        assertThat(String.join("", sentences)).isEqualTo(answer);
    }

    @Test
    void leavesSentencesWithoutTrailingMarkersAsTheSentenceRulesSplitThem() {
        var text = "Rubrics help [1]. They make criteria explicit [2]. A version 2.0 [3] exists.";

        assertThat(Sentences.splitAnswer(text)).isEqualTo(Sentences.split(text));
        assertThat(Sentences.splitAnswer(text)).hasSize(3);
    }
}
