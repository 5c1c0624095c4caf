package org.pathwise.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CitationViewTest {

    private static AskResponse.CitationView citing(List<Integer> sentences) {
        return new AskResponse.CitationView(
                1, "a.md", "A", "", "#a", "CC-BY-4.0", "A", "text", 0.5, "d1", "d1#3", "en", sentences);
    }

    @Test
    void linksTheFirstQuotedSentenceAndNamesEveryQuotedOne() {
        assertThat(citing(List.of(2, 3)).pageLink()).isEqualTo("/library/documents/d1?quote=p3-s2,p3-s3#p3-s2");
    }

    @Test
    void linksThePassageWhenTheAnswerQuotesNoWholeSentence() {
        assertThat(citing(List.of()).pageLink()).isEqualTo("/library/documents/d1#p3");
    }
}
