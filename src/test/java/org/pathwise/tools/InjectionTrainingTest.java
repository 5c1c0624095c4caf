package org.pathwise.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class InjectionTrainingTest {

    private final InjectionTraining.Settings settings = new InjectionTraining.Settings(5, 42, 0.9, true, true);

    @Test
    void theConfusionMatrixCountsEachCase() {
        var confusion = InjectionTraining.Confusion.of(
                new boolean[] {true, true, false, false, true}, new int[] {1, 0, 1, 0, 1});

        assertThat(confusion).isEqualTo(new InjectionTraining.Confusion(2, 1, 1, 1));
        assertThat(confusion.precision()).isEqualTo(2.0 / 3);
        assertThat(confusion.recall()).isEqualTo(2.0 / 3);
        assertThat(confusion.f1()).isEqualTo(2.0 / 3);
    }

    @Test
    void choosesTheThresholdWithTheHighestRecallThatKeepsThePrecision() {
        // scores in descending order: 1 1 1 0 1 0 0; precision 0.9 allows no false positive among the first four
        var scores = new double[] {0.95, 0.9, 0.8, 0.7, 0.6, 0.5, 0.1};
        var labels = new int[] {1, 1, 1, 0, 1, 0, 0};

        var choice = InjectionTraining.chooseThreshold(scores, labels, new boolean[7], 0.9);

        assertThat(choice.threshold()).isEqualTo(0.75);
        assertThat(choice.meetsTarget()).isTrue();
        assertThat(choice.confusion()).isEqualTo(new InjectionTraining.Confusion(3, 0, 1, 3));
    }

    @Test
    void countsWhatThePhrasesFlagWhateverTheThreshold() {
        var scores = new double[] {0.95, 0.2, 0.1, 0.05};
        var labels = new int[] {1, 1, 0, 0};
        var hits = new boolean[] {false, true, false, false};

        var choice = InjectionTraining.chooseThreshold(scores, labels, hits, 0.9);

        assertThat(choice.confusion()).isEqualTo(new InjectionTraining.Confusion(2, 0, 0, 2));
        assertThat(choice.threshold()).isEqualTo(0.575);
    }

    @Test
    void fallsBackToTheBestF1WhenNoThresholdReachesThePrecision() {
        var scores = new double[] {0.9, 0.8, 0.7, 0.6};
        var labels = new int[] {0, 1, 0, 1};

        var choice = InjectionTraining.chooseThreshold(scores, labels, new boolean[4], 0.99);

        assertThat(choice.meetsTarget()).isFalse();
        assertThat(choice.confusion().f1()).isEqualTo(2 * 0.5 * 1 / 1.5);
    }

    @Test
    void crossValidationOfSeparableDataFindsEveryInjectionAndNothingElse() {
        var random = new Random(3);
        int n = 100;
        var x = new double[n][4];
        var y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3 == 0 ? 1 : 0;
            for (int j = 0; j < 4; j++) {
                x[i][j] = random.nextGaussian() * 0.1;
            }
            x[i][0] += y[i] == 1 ? 2 : -2;
        }

        var report =
                InjectionTraining.crossValidate(x, y, new boolean[n], new int[n], english(n), new boolean[n], settings);

        assertThat(report.detector()).isEqualTo(new InjectionTraining.Confusion(34, 0, 0, 66));
        assertThat(report.classifier()).isEqualTo(report.detector());
        assertThat(report.rules()).isEqualTo(new InjectionTraining.Confusion(0, 0, 34, 66));
        assertThat(report.choices()).hasSize(5);
        assertThat(report.groups())
                .singleElement()
                .extracting(InjectionTraining.Group::detector)
                .isEqualTo(report.detector());
    }

    @Test
    void crossValidationOfNoiseFindsLittle() {
        var random = new Random(5);
        int n = 200;
        var x = new double[n][6];
        var y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 2;
            for (int j = 0; j < 6; j++) {
                x[i][j] = random.nextGaussian();
            }
        }

        var report =
                InjectionTraining.crossValidate(x, y, new boolean[n], new int[n], english(n), new boolean[n], settings);

        // labels independent of the features: held-out precision stays near the base rate of 0.5
        assertThat(report.classifier().precision()).isLessThan(0.75);
    }

    @Test
    void aLanguageWhoseOrdinaryTextsScoreHighGetsAThresholdOfItsOwn() {
        // 20 ordinary German texts, two of them above the common threshold 0.5; at most 5% (one) may be flagged
        int n = 44;
        var scores = new double[n];
        var labels = new int[n];
        var languages = new String[n];
        for (int i = 0; i < 20; i++) {
            languages[i] = "de";
            scores[i] = 0.1 + i * 0.01;
        }
        scores[18] = 0.6;
        scores[19] = 0.7;
        for (int i = 20; i < 40; i++) {
            languages[i] = "en";
            scores[i] = 0.05;
        }
        for (int i = 40; i < n; i++) {
            labels[i] = 1;
            languages[i] = i < 42 ? "de" : "en";
            scores[i] = i == 40 ? 0.65 : 0.9;
        }

        var capped = new boolean[n];
        java.util.Arrays.fill(capped, true);

        var thresholds =
                InjectionTraining.languageThresholds(scores, labels, new boolean[n], languages, capped, 0.5, 0.05);
        // the same German texts as hard negatives of an injection data set, not questions, count toward no cap
        var asHardNegatives = InjectionTraining.languageThresholds(
                scores, labels, new boolean[n], languages, new boolean[n], 0.5, 0.05);

        assertThat(asHardNegatives).isEmpty();

        // halfway between 0.6, the highest ordinary score to let through, and 0.65, the next German score
        assertThat(thresholds).containsOnlyKeys("de");
        assertThat(thresholds.get("de")).isCloseTo(0.625, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aLanguageWithFewOrdinaryTextsKeepsTheCommonThreshold() {
        var scores = new double[] {0.9, 0.2, 0.3, 0.95};
        var labels = new int[] {0, 0, 0, 1};
        var languages = new String[] {"ar", "en", "en", "en"};

        var capped = new boolean[] {true, true, true, true};

        assertThat(InjectionTraining.languageThresholds(scores, labels, new boolean[4], languages, capped, 0.5, 0))
                .isEmpty();
    }

    @Test
    void aSelectionGivesEachLanguageItsOwnThresholdOrTheCommonOne() {
        var selection = new InjectionTraining.Selection(1e-4, 0.3, java.util.Map.of("de", 0.6));

        assertThat(selection.threshold("de")).isEqualTo(0.6);
        assertThat(selection.threshold("fr")).isEqualTo(0.3);
    }

    private static String[] english(int n) {
        var languages = new String[n];
        java.util.Arrays.fill(languages, "en");
        return languages;
    }
}
