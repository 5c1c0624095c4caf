package org.pathwise.tools;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pathwise.stats.LogisticRegression;

/**
 * Trains the detector's classifier and measures the detector by nested, stratified k-fold cross-validation.
 *
 * <p>The outer loop holds out one fold at a time. On the other folds alone, an inner cross-validation chooses the L2
 * penalty and the decision threshold; a model fitted on those folds with that penalty then scores the held-out fold,
 * which is counted once. No held-out example ever influences the model, the penalty or the threshold that judge it
 * (Varma and Simon 2006, "Bias in error estimation when using cross-validation for model selection").
 *
 * <p>The threshold is the one that gives the detector (phrases and encodings, or else the classifier) the highest
 * recall whose precision reaches the target; when none does, the one with the highest F1. A language whose ordinary
 * texts that threshold would flag more often than the settings allow gets a higher threshold of its own, chosen on the
 * same cross-validated scores ({@link #languageThresholds}): a classifier over an English embedding scores some
 * languages' ordinary questions higher than others, and a question's language must not make it look like an attack.
 */
final class InjectionTraining {

    /** How many ordinary texts a language needs for a threshold of its own. */
    static final int MIN_PER_LANGUAGE = 20;

    /** The L2 penalties tried, in order; on a tie the larger (simpler model) wins. */
    static final double[] L2_GRID = {1e-8, 1e-7, 1e-6, 1e-5, 1e-4, 1e-3};

    private InjectionTraining() {}

    /**
     * A confusion matrix.
     *
     * @param tp injections flagged
     * @param fp ordinary texts flagged
     * @param fn injections missed
     * @param tn ordinary texts let through
     */
    record Confusion(int tp, int fp, int fn, int tn) {

        Confusion {
            if (tp < 0 || fp < 0 || fn < 0 || tn < 0) {
                throw new IllegalArgumentException("counts must not be negative");
            }
        }

        static Confusion of(boolean[] predicted, int[] labels) {
            int tp = 0, fp = 0, fn = 0, tn = 0;
            for (int i = 0; i < labels.length; i++) {
                if (predicted[i]) {
                    if (labels[i] == 1) tp++;
                    else fp++;
                } else if (labels[i] == 1) fn++;
                else tn++;
            }
            return new Confusion(tp, fp, fn, tn);
        }

        /** TP / (TP + FP); 1 when nothing is flagged, as nothing flagged is wrong. */
        double precision() {
            return tp + fp == 0 ? 1 : (double) tp / (tp + fp);
        }

        /** TP / (TP + FN); 1 when there is no injection. */
        double recall() {
            return tp + fn == 0 ? 1 : (double) tp / (tp + fn);
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    /**
     * What to train.
     *
     * @param folds the number of folds, outer and inner
     * @param seed the seed of the outer split; inner splits use seeds derived from it
     * @param minPrecision the precision the threshold must reach, in (0, 1]
     * @param balanced whether both classes weigh the same in the fit
     * @param cascade whether the detector's classifier learns only from the texts that the phrases and encodings let
     *     through, the only ones it will ever see in the detector
     * @param maxOrdinaryRate the largest share of a language's ordinary texts that the detector may flag, in [0, 1];
     *     1 for one threshold in every language
     */
    record Settings(
            int folds, long seed, double minPrecision, boolean balanced, boolean cascade, double maxOrdinaryRate) {

        Settings {
            if (folds < 2) {
                throw new IllegalArgumentException("folds must be at least 2, got " + folds);
            }
            if (!(minPrecision > 0 && minPrecision <= 1)) {
                throw new IllegalArgumentException("minPrecision must be in (0, 1], got " + minPrecision);
            }
            if (!(maxOrdinaryRate >= 0 && maxOrdinaryRate <= 1)) {
                throw new IllegalArgumentException("maxOrdinaryRate must be in [0, 1], got " + maxOrdinaryRate);
            }
        }

        /** The settings with one threshold in every language. */
        Settings(int folds, long seed, double minPrecision, boolean balanced, boolean cascade) {
            this(folds, seed, minPrecision, balanced, cascade, 1);
        }
    }

    /**
     * The penalty and thresholds chosen on some training data.
     *
     * @param l2 the L2 penalty
     * @param threshold the decision threshold on the classifier's probability
     * @param languageThresholds the higher thresholds of the languages whose ordinary texts need one, by language
     */
    record Selection(double l2, double threshold, Map<String, Double> languageThresholds) {

        Selection {
            languageThresholds = Collections.unmodifiableMap(new TreeMap<>(languageThresholds));
        }

        /** One threshold in every language. */
        Selection(double l2, double threshold) {
            this(l2, threshold, Map.of());
        }

        /** The threshold for a text in this language. */
        double threshold(String language) {
            return languageThresholds.getOrDefault(language, threshold);
        }
    }

    /**
     * What one outer fold's training part chose.
     *
     * @param detector for the classifier inside the detector
     * @param classifier for the classifier on its own
     */
    record FoldChoice(Selection detector, Selection classifier) {}

    /**
     * What nested cross-validation measured.
     *
     * @param detector phrases, encodings and then the classifier, at the detector's threshold
     * @param classifier the classifier alone, trained on every text, at its own threshold
     * @param rules phrases and encodings alone (nothing to train)
     * @param choices what each outer fold's training part chose, in fold order
     * @param groups the same three figures for each group of examples (such as the file they came from), in group
     *     order
     */
    record Report(
            Confusion detector, Confusion classifier, Confusion rules, List<FoldChoice> choices, List<Group> groups) {

        Report {
            choices = List.copyOf(choices);
            groups = List.copyOf(groups);
        }
    }

    /**
     * The held-out figures of one group of examples.
     *
     * @param detector phrases, encodings and then the classifier
     * @param classifier the classifier alone
     * @param rules phrases and encodings alone
     */
    record Group(Confusion detector, Confusion classifier, Confusion rules) {}

    /**
     * Nested cross-validation of the detector and of the classifier alone.
     *
     * @param x each example's features
     * @param y each example's label
     * @param ruleHits whether the phrases and encodings flag each example
     * @param groups the group of each example, from 0, for figures per group; the split ignores them
     * @param languages the language of each example, for the thresholds of languages
     * @param capped whether an ordinary example counts toward its language's cap on what is flagged
     *     ({@link Settings#maxOrdinaryRate}): the ordinary questions users ask, as opposed to the hard negatives of an
     *     injection data set, which the precision target already weighs
     */
    static Report crossValidate(
            double[][] x,
            int[] y,
            boolean[] ruleHits,
            int[] groups,
            String[] languages,
            boolean[] capped,
            Settings settings) {
        var folds = StratifiedFolds.assign(y, settings.folds(), settings.seed());
        var detector = new boolean[y.length];
        var classifier = new boolean[y.length];
        var choices = new ArrayList<FoldChoice>();
        var none = new boolean[y.length];
        for (int fold = 0; fold < settings.folds(); fold++) {
            var train = indices(folds, fold, false);
            var test = indices(folds, fold, true);
            var trainX = rows(x, train);
            var trainY = pick(y, train);
            var trainHits = pick(ruleHits, train);
            long seed = settings.seed() + 1 + fold;
            var trainLanguages = pick(languages, train);
            var trainCapped = pick(capped, train);
            var forDetector =
                    select(trainX, trainY, trainHits, trainLanguages, trainCapped, settings.cascade(), settings, seed);
            var alone = select(
                    trainX, trainY, new boolean[train.length], trainLanguages, trainCapped, false, settings, seed);
            choices.add(new FoldChoice(forDetector, alone));
            var detectorModel = fit(trainX, trainY, trainHits, settings.cascade(), forDetector.l2(), settings);
            var aloneModel = fit(trainX, trainY, none, false, alone.l2(), settings);
            for (int i : test) {
                detector[i] = ruleHits[i] || detectorModel.probability(x[i]) >= forDetector.threshold(languages[i]);
                classifier[i] = aloneModel.probability(x[i]) >= alone.threshold(languages[i]);
            }
        }
        var byGroup = new ArrayList<Group>();
        int groupCount = java.util.Arrays.stream(groups).max().orElse(-1) + 1;
        for (int group = 0; group < groupCount; group++) {
            int g = group;
            var members = java.util.stream.IntStream.range(0, y.length)
                    .filter(i -> groups[i] == g)
                    .toArray();
            var labels = pick(y, members);
            byGroup.add(new Group(
                    Confusion.of(pick(detector, members), labels),
                    Confusion.of(pick(classifier, members), labels),
                    Confusion.of(pick(ruleHits, members), labels)));
        }
        return new Report(
                Confusion.of(detector, y), Confusion.of(classifier, y), Confusion.of(ruleHits, y), choices, byGroup);
    }

    /**
     * Fits a model on the examples, or with {@code cascade} on those that the phrases and encodings do not flag.
     */
    static LogisticRegression.Model fit(
            double[][] x, int[] y, boolean[] ruleHits, boolean cascade, double l2, Settings settings) {
        if (!cascade) {
            return LogisticRegression.fit(x, y, l2, settings.balanced());
        }
        var kept = java.util.stream.IntStream.range(0, y.length)
                .filter(i -> !ruleHits[i])
                .toArray();
        return LogisticRegression.fit(rows(x, kept), pick(y, kept), l2, settings.balanced());
    }

    /**
     * Chooses the penalty and the thresholds by cross-validation on {@code x} alone: a threshold is judged on what
     * {@code ruleHits || probability >= threshold} flags, with {@code cascade} the models learn from the examples
     * without a rule hit only. The languages' own thresholds are set on the scores of the chosen penalty.
     */
    static Selection select(
            double[][] x,
            int[] y,
            boolean[] ruleHits,
            String[] languages,
            boolean[] capped,
            boolean cascade,
            Settings settings,
            long seed) {
        var folds = StratifiedFolds.assign(y, settings.folds(), seed);
        Selection best = null;
        Choice bestChoice = null;
        double[] bestScores = null;
        for (double l2 : L2_GRID) {
            var scores = new double[y.length];
            for (int fold = 0; fold < settings.folds(); fold++) {
                var train = indices(folds, fold, false);
                var model = fit(rows(x, train), pick(y, train), pick(ruleHits, train), cascade, l2, settings);
                for (int i : indices(folds, fold, true)) {
                    scores[i] = model.probability(x[i]);
                }
            }
            var choice = chooseThreshold(scores, y, ruleHits, settings.minPrecision());
            if (bestChoice == null || choice.betterThan(bestChoice) || choice.sameAs(bestChoice)) {
                bestChoice = choice;
                best = new Selection(l2, choice.threshold());
                bestScores = scores;
            }
        }
        return new Selection(
                best.l2(),
                best.threshold(),
                languageThresholds(
                        bestScores, y, ruleHits, languages, capped, best.threshold(), settings.maxOrdinaryRate()));
    }

    /**
     * The thresholds above {@code threshold} that languages need so that the detector ({@code hits || score >=
     * threshold}) flags at most {@code maxRate} of their ordinary texts ({@code capped} ones); languages with fewer than
     * {@value #MIN_PER_LANGUAGE} ordinary texts, or that need no higher threshold, are left out. Like
     * {@link #chooseThreshold}, a threshold lies halfway between the highest ordinary score it must let through and
     * the next higher score of that language.
     */
    static Map<String, Double> languageThresholds(
            double[] scores,
            int[] y,
            boolean[] hits,
            String[] languages,
            boolean[] capped,
            double threshold,
            double maxRate) {
        var ordinary = new TreeMap<String, List<Integer>>();
        for (int i = 0; i < y.length; i++) {
            if (y[i] == 0 && capped[i] && !"und".equals(languages[i])) {
                ordinary.computeIfAbsent(languages[i], k -> new ArrayList<>()).add(i);
            }
        }
        var thresholds = new TreeMap<String, Double>();
        ordinary.forEach((language, members) -> {
            if (members.size() < MIN_PER_LANGUAGE) {
                return;
            }
            int flaggedAnyway = (int) members.stream().filter(i -> hits[i]).count();
            int allowed = Math.max(0, (int) Math.floor(maxRate * members.size() + 1e-9) - flaggedAnyway);
            var descending = members.stream()
                    .filter(i -> !hits[i])
                    .mapToDouble(i -> scores[i])
                    .boxed()
                    .sorted(Collections.reverseOrder())
                    .toList();
            if (descending.size() <= allowed) {
                return;
            }
            double highestLetThrough = descending.get(allowed);
            if (highestLetThrough < threshold) {
                return;
            }
            double next = 1;
            for (int i = 0; i < y.length; i++) {
                if (language.equals(languages[i]) && scores[i] > highestLetThrough && scores[i] < next) {
                    next = scores[i];
                }
            }
            thresholds.put(language, (highestLetThrough + next) / 2);
        });
        return thresholds;
    }

    /**
     * A threshold and what it gives.
     *
     * @param threshold flag when the probability is at least this
     * @param confusion the confusion matrix of the detector at that threshold
     * @param meetsTarget whether the precision reaches the target
     */
    record Choice(double threshold, Confusion confusion, boolean meetsTarget) {

        boolean betterThan(Choice other) {
            if (meetsTarget != other.meetsTarget) {
                return meetsTarget;
            }
            if (meetsTarget && confusion.recall() != other.confusion.recall()) {
                return confusion.recall() > other.confusion.recall();
            }
            return confusion.f1() > other.confusion.f1();
        }

        boolean sameAs(Choice other) {
            return !betterThan(other) && !other.betterThan(this);
        }
    }

    /**
     * The threshold on the scores that gives {@code hits || score >= threshold} the highest recall with precision at
     * least {@code minPrecision} (on a tie, the higher precision, then the higher threshold); when no threshold
     * reaches the precision, the one with the highest F1. The threshold returned lies halfway between the chosen score
     * and the next lower one, which makes the same decisions on these scores and leaves a margin for new ones.
     */
    static Choice chooseThreshold(double[] scores, int[] y, boolean[] hits, double minPrecision) {
        var candidates = Arrays.stream(scores)
                .distinct()
                .boxed()
                .sorted((a, b) -> Double.compare(b, a))
                .toList();
        Choice best = null;
        int bestAt = -1;
        for (int at = 0; at < candidates.size(); at++) {
            double threshold = candidates.get(at);
            var predicted = new boolean[y.length];
            for (int i = 0; i < y.length; i++) {
                predicted[i] = hits[i] || scores[i] >= threshold;
            }
            var confusion = Confusion.of(predicted, y);
            var choice = new Choice(threshold, confusion, confusion.precision() >= minPrecision);
            if (best == null
                    || choice.betterThan(best)
                    || (choice.sameAs(best)
                            && confusion.precision() > best.confusion().precision())) {
                best = choice;
                bestAt = at;
            }
        }
        // halfway to the next lower score: the same decisions on these scores, with a margin for new ones
        return bestAt + 1 < candidates.size()
                ? new Choice(
                        (candidates.get(bestAt) + candidates.get(bestAt + 1)) / 2, best.confusion(), best.meetsTarget())
                : best;
    }

    private static int[] indices(int[] folds, int fold, boolean inFold) {
        return java.util.stream.IntStream.range(0, folds.length)
                .filter(i -> (folds[i] == fold) == inFold)
                .toArray();
    }

    private static double[][] rows(double[][] x, int[] indices) {
        var rows = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            rows[i] = x[indices[i]];
        }
        return rows;
    }

    private static int[] pick(int[] values, int[] indices) {
        var picked = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = values[indices[i]];
        }
        return picked;
    }

    private static String[] pick(String[] values, int[] indices) {
        var picked = new String[indices.length];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = values[indices[i]];
        }
        return picked;
    }

    private static boolean[] pick(boolean[] values, int[] indices) {
        var picked = new boolean[indices.length];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = values[indices[i]];
        }
        return picked;
    }
}
