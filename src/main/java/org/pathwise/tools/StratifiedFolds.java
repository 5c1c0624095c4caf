package org.pathwise.tools;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Stratified k-fold splits: each class is shuffled with a seeded {@link Random} and dealt to the folds in turn, so the
 * folds are disjoint, cover every example, differ in size by at most one per class, and keep the class proportions of
 * the whole (Kohavi 1995, "A study of cross-validation and bootstrap for accuracy estimation and model selection").
 */
final class StratifiedFolds {

    private StratifiedFolds() {}

    /**
     * The fold of each example, from 0 to {@code k - 1}.
     *
     * @param labels the class of each example, 0 or 1
     * @param k the number of folds, at least 2 and at most the size of the smaller class
     * @param seed the seed of the shuffle; the same seed gives the same folds
     */
    static int[] assign(int[] labels, int k, long seed) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2, got " + k);
        }
        var classes = List.of(new ArrayList<Integer>(), new ArrayList<Integer>());
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("labels must be 0 or 1, got " + labels[i] + " at " + i);
            }
            classes.get(labels[i]).add(i);
        }
        for (var members : classes) {
            if (members.size() < k) {
                throw new IllegalArgumentException(
                        "each class needs at least k = " + k + " examples, one has " + members.size());
            }
        }
        var random = new Random(seed);
        var folds = new int[labels.length];
        int next = 0;
        for (var members : classes) {
            Collections.shuffle(members, random);
            // continue dealing where the previous class stopped, so the folds' total sizes stay balanced too
            for (int index : members) {
                folds[index] = next;
                next = (next + 1) % k;
            }
        }
        return folds;
    }
}
