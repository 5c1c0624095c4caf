package org.pathwise.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticRegressionTest {

    /** Two Gaussian clouds, 4 standard deviations apart along the first axis, in {@code d} dimensions. */
    private static double[][] clouds(int n, int d, long seed, int[] labels, double separation) {
        var random = new Random(seed);
        var x = new double[n][d];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            for (int j = 0; j < d; j++) {
                x[i][j] = random.nextGaussian();
            }
            x[i][0] += labels[i] == 1 ? separation / 2 : -separation / 2;
        }
        return x;
    }

    @Test
    void fitsLinearlySeparableDataPerfectly() {
        var y = new int[200];
        var x = clouds(200, 5, 7, y, 20);

        var model = LogisticRegression.fit(x, y, 1e-3, true);

        for (int i = 0; i < x.length; i++) {
            assertThat(model.probability(x[i]) >= 0.5).as("row %d", i).isEqualTo(y[i] == 1);
        }
    }

    @Test
    void givesTheSameModelForTheSameDataBitForBit() {
        var y = new int[150];
        var x = clouds(150, 8, 11, y, 2);

        var first = LogisticRegression.fit(x, y, 1e-2, true);
        var second = LogisticRegression.fit(x, y, 1e-2, true);

        assertThat(second.weights()).containsExactly(first.weights());
        assertThat(second.bias()).isEqualTo(first.bias());
    }

    @Test
    void reachesTheSameOptimumWhateverTheOrderOfTheRows() {
        var y = new int[120];
        var x = clouds(120, 4, 3, y, 2);
        var reversedX = new double[x.length][];
        var reversedY = new int[y.length];
        for (int i = 0; i < x.length; i++) {
            reversedX[i] = x[x.length - 1 - i];
            reversedY[i] = y[y.length - 1 - i];
        }

        var model = LogisticRegression.fit(x, y, 1e-2, false);
        var reversed = LogisticRegression.fit(reversedX, reversedY, 1e-2, false);

        for (int j = 0; j < 4; j++) {
            assertThat(reversed.weights()[j]).isCloseTo(model.weights()[j], within(1e-6));
        }
        assertThat(reversed.bias()).isCloseTo(model.bias(), within(1e-6));
    }

    @Test
    void setsTheGradientToZeroAtTheOptimum() {
        var y = new int[100];
        var x = clouds(100, 3, 5, y, 1);
        double l2 = 0.05;

        var model = LogisticRegression.fit(x, y, l2, false);

        // d/dβ_j of the mean log loss plus (l2/2)|β|² must vanish
        var w = model.weights();
        for (int j = 0; j <= 3; j++) {
            double gradient = 0;
            for (int i = 0; i < x.length; i++) {
                double residual = model.probability(x[i]) - y[i];
                gradient += residual * (j < 3 ? x[i][j] : 1) / x.length;
            }
            if (j < 3) {
                gradient += l2 * w[j];
            }
            assertThat(gradient).as("partial derivative %d", j).isCloseTo(0, within(1e-8));
        }
    }

    @Test
    void aStrongerPenaltyGivesSmallerWeights() {
        var y = new int[100];
        var x = clouds(100, 3, 9, y, 3);

        var loose = LogisticRegression.fit(x, y, 1e-3, true);
        var tight = LogisticRegression.fit(x, y, 1, true);

        assertThat(norm(tight.weights())).isLessThan(norm(loose.weights()));
    }

    @Test
    void balancingMovesTheBoundaryTowardsTheRareClass() {
        var random = new Random(1);
        var x = new double[200][1];
        var y = new int[200];
        for (int i = 0; i < 200; i++) {
            y[i] = i < 20 ? 1 : 0;
            x[i][0] = random.nextGaussian() + (y[i] == 1 ? 1 : -1);
        }

        var plain = LogisticRegression.fit(x, y, 1e-3, false);
        var balanced = LogisticRegression.fit(x, y, 1e-3, true);

        assertThat(balanced.probability(new double[] {0})).isGreaterThan(plain.probability(new double[] {0}));
    }

    @Test
    void rejectsAPenaltyThatIsNotPositive() {
        assertThatThrownBy(() -> LogisticRegression.fit(new double[][] {{1}}, new int[] {1}, 0, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("l2 must be > 0, got 0.0");
    }

    @Test
    void rejectsALabelOtherThanZeroOrOne() {
        assertThatThrownBy(() -> LogisticRegression.fit(new double[][] {{1}, {2}}, new int[] {0, 2}, 1, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("labels must be 0 or 1, got 2 at row 1");
    }

    private static double norm(double[] w) {
        double sum = 0;
        for (double v : w) {
            sum += v * v;
        }
        return Math.sqrt(sum);
    }

    @Test
    void aWeightOfTwoFitsAsTheExampleTwice() {
        double[][] x = {{0.1}, {0.4}, {0.5}, {0.9}, {1.3}};
        int[] y = {0, 1, 0, 1, 1};
        double[][] duplicated = {{0.1}, {0.4}, {0.5}, {0.5}, {0.9}, {1.3}};
        int[] duplicatedY = {0, 1, 0, 0, 1, 1};

        var weighted = LogisticRegression.fit(x, y, new double[] {1, 1, 2, 1, 1}, 1e-2);
        var repeated = LogisticRegression.fit(duplicated, duplicatedY, new double[] {1, 1, 1, 1, 1, 1}, 1e-2);

        assertThat(weighted.weights()[0]).isCloseTo(repeated.weights()[0], org.assertj.core.data.Offset.offset(1e-9));
        assertThat(weighted.bias()).isCloseTo(repeated.bias(), org.assertj.core.data.Offset.offset(1e-9));
        assertThatThrownBy(() -> LogisticRegression.fit(x, y, new double[] {1, 1, 0, 1, 1}, 1e-2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 2");
    }
}
