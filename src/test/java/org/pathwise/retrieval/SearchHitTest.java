package org.pathwise.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SearchHitTest {

    private final ReciprocalRankFusion fusion = new ReciprocalRankFusion();

    @Test
    void aHybridHitThatBothSearchesRankFirstAgreesFullyAndOneThatOnlyOneRanksFirstHalfAsMuch() {
        var both = fusion.fuse(List.of(List.of("a"), List.of("a")), Function.identity());
        var one = fusion.fuse(List.of(List.of("a"), List.<String>of()), Function.identity());

        assertThat(hit(both.getFirst().score()).agreement()).isCloseTo(1, within(1e-12));
        assertThat(hit(one.getFirst().score()).agreement()).isCloseTo(0.5, within(1e-12));
        assertThat(hit(0).agreement()).isZero();
        assertThat(hit(1).agreement()).as("never above 1").isEqualTo(1);
    }

    private static SearchHit hit(double score) {
        return new SearchHit(null, score, "");
    }
}
