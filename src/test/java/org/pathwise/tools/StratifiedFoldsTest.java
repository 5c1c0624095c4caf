package org.pathwise.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StratifiedFoldsTest {

    private static int[] labels(int n, double positiveShare, long seed) {
        var random = new Random(seed);
        var labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = random.nextDouble() < positiveShare ? 1 : 0;
        }
        return labels;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void everyExampleIsInExactlyOneFoldAndEachFoldKeepsTheClassBalance(long seed) {
        var labels = labels(546, 0.37, seed);
        int k = 5;

        var folds = StratifiedFolds.assign(labels, k, seed);

        var counts = new int[k][2];
        for (int i = 0; i < labels.length; i++) {
            assertThat(folds[i]).isBetween(0, k - 1);
            counts[folds[i]][labels[i]]++;
        }
        for (int label = 0; label <= 1; label++) {
            int min = Integer.MAX_VALUE, max = 0, total = 0;
            for (int f = 0; f < k; f++) {
                min = Math.min(min, counts[f][label]);
                max = Math.max(max, counts[f][label]);
                total += counts[f][label];
            }
            assertThat(max - min).as("class %d spread", label).isLessThanOrEqualTo(1);
            int expected = 0;
            for (int l : labels) {
                expected += l == label ? 1 : 0;
            }
            assertThat(total).isEqualTo(expected);
        }
        int smallest = Integer.MAX_VALUE, largest = 0;
        for (var fold : counts) {
            smallest = Math.min(smallest, fold[0] + fold[1]);
            largest = Math.max(largest, fold[0] + fold[1]);
        }
        assertThat(largest - smallest).isLessThanOrEqualTo(1);
    }

    @Test
    void theSameSeedGivesTheSameFoldsAndAnotherSeedOthers() {
        var labels = labels(200, 0.4, 9);

        assertThat(StratifiedFolds.assign(labels, 5, 7)).containsExactly(StratifiedFolds.assign(labels, 5, 7));
        assertThat(StratifiedFolds.assign(labels, 5, 8)).isNotEqualTo(StratifiedFolds.assign(labels, 5, 7));
    }

    @Test
    void refusesMoreFoldsThanTheSmallerClassHasExamples() {
        assertThatThrownBy(() -> StratifiedFolds.assign(new int[] {0, 0, 0, 1, 1}, 3, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("each class needs at least k = 3 examples, one has 2");
    }
}
