package org.pathwise.evaluation;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The part of a question set a question belongs to. Models, thresholds and weights are fitted on calibration questions
 * only; test questions are only reported on, and the regression gate runs them.
 */
enum Split {
    CALIBRATION,
    TEST;

    /** {@code calibration} or {@code test}, as a question set's {@code split} key and a report write it. */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The split of a question that does not name one: its set's, from the set's file name ({@code …calibration….jsonl}
     * is calibration, every other set is test, so that a set nobody marked is never fitted on).
     */
    static Split ofSet(String name) {
        var file = Path.of(name).getFileName();
        return file != null && file.toString().toLowerCase(Locale.ROOT).contains("calibration") ? CALIBRATION : TEST;
    }

    /**
     * The split a question set's line names.
     *
     * @throws IllegalArgumentException when it is neither {@code calibration} nor {@code test}
     */
    static Split of(String label) {
        for (var split : values()) {
            if (split.label().equals(label)) {
                return split;
            }
        }
        throw new IllegalArgumentException("split must be calibration or test, got " + label);
    }

    /** Which questions of a set a run asks: {@code eval --split test|calibration|all}. */
    enum Selection {
        TEST,
        CALIBRATION,
        ALL;

        boolean holds(Split split) {
            return this == ALL || name().equals(split.name());
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
