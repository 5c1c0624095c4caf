package org.pathwise.audit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How far annotators agree across records beyond chance, from each annotator's latest label per record.
 *
 * <p>The rule: only records with at least two annotators count. When exactly two annotators labelled those records,
 * it is Cohen's kappa over the records both labelled (Cohen 1960, "A coefficient of agreement for nominal scales",
 * Educational and Psychological Measurement 20(1)): chance agreement from each annotator's own label distribution.
 * With three or more annotators, it is Fleiss' kappa (Fleiss 1971, "Measuring nominal scale agreement among many
 * raters", Psychological Bulletin 76(5)), which needs the same number of ratings per record but not the same raters:
 * it is computed over the records with the most common number of annotators (on a tie, the larger number), and the
 * records with another number are left out and counted. Kappa is undefined (null) when chance agreement is 1, that is
 * when every label given is the same.
 */
final class AnnotatorAgreement {

    private AnnotatorAgreement() {}

    /** Cohen's kappa. */
    static final String COHEN = "cohen";

    /** Fleiss' kappa. */
    static final String FLEISS = "fleiss";

    /**
     * Agreement across records.
     *
     * @param method {@link #COHEN} or {@link #FLEISS}, or {@code null} when no record has two annotators
     * @param kappa the kappa, in [-1, 1], or {@code null} when there is none or it is undefined
     * @param records the records it is computed on
     * @param annotators the annotators of those records
     * @param ratingsPerRecord the annotators per record (2 for Cohen's kappa)
     * @param leftOut records with two annotators or more left out for having another number of annotators (Fleiss)
     * @param observed the observed agreement, or {@code null}
     * @param expected the agreement expected by chance, or {@code null}
     */
    record Kappa(
            String method,
            Double kappa,
            int records,
            int annotators,
            int ratingsPerRecord,
            int leftOut,
            Double observed,
            Double expected) {

        static final Kappa NONE = new Kappa(null, null, 0, 0, 0, 0, null, null);
    }

    /**
     * The agreement across records, by the rule of the class.
     *
     * @param labels per record, each annotator's latest label
     */
    static Kappa across(Collection<Map<String, String>> labels) {
        var rated = labels.stream().filter(record -> record.size() >= 2).toList();
        if (rated.isEmpty()) {
            return Kappa.NONE;
        }
        var annotators = new HashSet<String>();
        rated.forEach(record -> annotators.addAll(record.keySet()));
        if (annotators.size() == 2) {
            var names = annotators.stream().sorted().toList();
            var pairs = rated.stream()
                    .map(record -> new String[] {record.get(names.get(0)), record.get(names.get(1))})
                    .toList();
            return cohen(pairs);
        }
        var sizes = new TreeMap<Integer, Integer>();
        rated.forEach(record -> sizes.merge(record.size(), 1, Integer::sum));
        int n = sizes.entrySet().stream()
                .max(Map.Entry.<Integer, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow()
                .getKey();
        var chosen = rated.stream().filter(record -> record.size() == n).toList();
        var used = new HashSet<String>();
        chosen.forEach(record -> used.addAll(record.keySet()));
        var counts = new ArrayList<Map<String, Integer>>();
        for (var record : chosen) {
            var count = new HashMap<String, Integer>();
            record.values().forEach(label -> count.merge(label, 1, Integer::sum));
            counts.add(count);
        }
        var fleiss = fleiss(counts);
        return new Kappa(
                FLEISS,
                fleiss.kappa(),
                fleiss.records(),
                used.size(),
                n,
                rated.size() - chosen.size(),
                fleiss.observed(),
                fleiss.expected());
    }

    /**
     * Cohen's kappa of two annotators: {@code (po - pe) / (1 - pe)}, {@code po} the share of records they label alike,
     * {@code pe} the sum over labels of the product of the shares of records each gave that label.
     *
     * @param pairs per record, the first and the second annotator's label
     * @throws IllegalArgumentException when there is no pair
     */
    static Kappa cohen(List<String[]> pairs) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("Cohen's kappa needs at least one record labelled by both annotators");
        }
        int total = pairs.size();
        int alike = 0;
        var first = new HashMap<String, Integer>();
        var second = new HashMap<String, Integer>();
        for (var pair : pairs) {
            if (pair[0].equals(pair[1])) {
                alike++;
            }
            first.merge(pair[0], 1, Integer::sum);
            second.merge(pair[1], 1, Integer::sum);
        }
        double observed = (double) alike / total;
        double expected = 0;
        for (var label : first.keySet()) {
            expected += (double) first.get(label) / total * second.getOrDefault(label, 0) / total;
        }
        return new Kappa(COHEN, kappa(observed, expected), total, 2, 2, 0, observed, expected);
    }

    /**
     * Fleiss' kappa: {@code (P - Pe) / (1 - Pe)}, {@code P} the mean over records of the share of agreeing pairs of
     * ratings, {@code Pe} the sum over labels of the square of the share of all ratings that gave it.
     *
     * @param counts per record, how many annotators gave each label; every record has the same total, at least 2
     * @throws IllegalArgumentException when there is no record, a record has fewer than two ratings, or records differ
     *     in their number of ratings
     */
    static Kappa fleiss(List<Map<String, Integer>> counts) {
        if (counts.isEmpty()) {
            throw new IllegalArgumentException("Fleiss' kappa needs at least one record");
        }
        int n = counts.getFirst().values().stream().mapToInt(Integer::intValue).sum();
        if (n < 2) {
            throw new IllegalArgumentException("Fleiss' kappa needs at least two ratings per record, got " + n);
        }
        var totals = new HashMap<String, Integer>();
        double agreement = 0;
        for (int i = 0; i < counts.size(); i++) {
            int ratings = 0;
            long squares = 0;
            for (var entry : counts.get(i).entrySet()) {
                ratings += entry.getValue();
                squares += (long) entry.getValue() * entry.getValue();
                totals.merge(entry.getKey(), entry.getValue(), Integer::sum);
            }
            if (ratings != n) {
                throw new IllegalArgumentException("Fleiss' kappa needs the same number of ratings per record: record "
                        + (i + 1) + " has " + ratings + ", the first " + n);
            }
            agreement += (double) (squares - n) / (n * (n - 1));
        }
        double observed = agreement / counts.size();
        double all = (double) counts.size() * n;
        double expected = 0;
        for (int total : totals.values()) {
            expected += (total / all) * (total / all);
        }
        return new Kappa(FLEISS, kappa(observed, expected), counts.size(), 0, n, 0, observed, expected);
    }

    private static Double kappa(double observed, double expected) {
        // with every label the same, chance agreement is 1 and kappa is undefined
        return expected >= 1 - 1e-12 ? null : (observed - expected) / (1 - expected);
    }
}
