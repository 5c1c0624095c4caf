package org.pathwise.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ReciprocalRankFusionTest {

    private final ReciprocalRankFusion fusion = new ReciprocalRankFusion(60);

    @Test
    void sumsReciprocalRanksAcrossRankings() {
        var fused = fusion.fuse(List.of(List.of("a", "b", "c"), List.of("c", "a")), Function.identity());

        assertThat(fused).extracting(ReciprocalRankFusion.Fused::item).containsExactly("a", "c", "b");
        assertThat(fused.get(0).score()).isCloseTo(1.0 / 61 + 1.0 / 62, within(1e-12));
        assertThat(fused.get(1).score()).isCloseTo(1.0 / 63 + 1.0 / 61, within(1e-12));
        assertThat(fused.get(2).score()).isCloseTo(1.0 / 62, within(1e-12));
    }

    @Test
    void anItemInBothRankingsBeatsTheTopOfOne() {
        var fused = fusion.fuse(List.of(List.of("x", "both"), List.of("y", "both")), Function.identity());

        assertThat(fused.getFirst().item()).isEqualTo("both");
    }

    @Test
    void fusingNothingGivesNothing() {
        assertThat(fusion.fuse(List.of(List.<String>of(), List.<String>of()), Function.identity()))
                .isEmpty();
    }
}
