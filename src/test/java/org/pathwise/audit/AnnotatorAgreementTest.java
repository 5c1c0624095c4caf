package org.pathwise.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AnnotatorAgreementTest {

    /**
     * Wikipedia, "Cohen's kappa", worked example (50 grant proposals, two readers saying yes or no): 20 both yes, 5
     * only the first, 10 only the second, 15 both no; po = 0.7, pe = 0.5, kappa = 0.4.
     * https://en.wikipedia.org/wiki/Cohen%27s_kappa#Simple_example
     */
    @Test
    void cohensKappaOfWikipediasGrantProposals() {
        var pairs = new ArrayList<String[]>();
        add(pairs, 20, "yes", "yes");
        add(pairs, 5, "yes", "no");
        add(pairs, 10, "no", "yes");
        add(pairs, 15, "no", "no");

        var kappa = AnnotatorAgreement.cohen(pairs);

        assertThat(kappa.method()).isEqualTo("cohen");
        assertThat(kappa.observed()).isCloseTo(0.7, within(1e-12));
        assertThat(kappa.expected()).isCloseTo(0.5, within(1e-12));
        assertThat(kappa.kappa()).isCloseTo(0.4, within(1e-12));
        assertThat(kappa.records()).isEqualTo(50);
    }

    private static void add(List<String[]> pairs, int times, String first, String second) {
        for (int i = 0; i < times; i++) {
            pairs.add(new String[] {first, second});
        }
    }

    /**
     * Wikipedia, "Fleiss' kappa", worked example (after Fleiss 1971): 14 raters put 10 subjects into 5 categories;
     * P-bar = 0.378, P-bar-e = 0.213, kappa = 0.210. https://en.wikipedia.org/wiki/Fleiss%27_kappa#Worked_example
     */
    @Test
    void fleissKappaOfWikipediasFourteenRaters() {
        int[][] table = {
            {0, 0, 0, 0, 14},
            {0, 2, 6, 4, 2},
            {0, 0, 3, 5, 6},
            {0, 3, 9, 2, 0},
            {2, 2, 8, 1, 1},
            {7, 7, 0, 0, 0},
            {3, 2, 6, 3, 0},
            {2, 5, 3, 2, 2},
            {6, 5, 2, 1, 0},
            {0, 2, 2, 3, 7}
        };
        var counts = new ArrayList<Map<String, Integer>>();
        for (var row : table) {
            var count = new HashMap<String, Integer>();
            for (int j = 0; j < row.length; j++) {
                if (row[j] > 0) {
                    count.put("category " + (j + 1), row[j]);
                }
            }
            counts.add(count);
        }

        var kappa = AnnotatorAgreement.fleiss(counts);

        assertThat(kappa.observed()).isCloseTo(0.378, within(5e-4));
        assertThat(kappa.expected()).isCloseTo(0.213, within(5e-4));
        assertThat(kappa.kappa()).isCloseTo(0.210, within(5e-4));
        assertThat(kappa.ratingsPerRecord()).isEqualTo(14);
    }

    @Test
    void twoAnnotatorsAcrossRecordsGiveCohensKappaOnTheRecordsBothLabelled() {
        var records = List.of(
                Map.of("ana", "correct", "ben", "correct"),
                Map.of("ana", "correct", "ben", "incorrect"),
                Map.of("ana", "harmful", "ben", "harmful"),
                Map.of("ana", "correct"));

        var kappa = AnnotatorAgreement.across(records);

        // po = 2/3; ana: correct 2/3, harmful 1/3; ben: correct, incorrect, harmful 1/3 each; pe = 2/9 + 1/9 = 1/3
        assertThat(kappa.method()).isEqualTo("cohen");
        assertThat(kappa.records()).isEqualTo(3);
        assertThat(kappa.annotators()).isEqualTo(2);
        assertThat(kappa.kappa()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void moreAnnotatorsGiveFleissKappaOnTheMostCommonNumberOfAnnotatorsAndCountTheOthers() {
        var records = List.of(
                Map.of("ana", "correct", "ben", "correct"),
                Map.of("ben", "incorrect", "cleo", "incorrect"),
                Map.of("ana", "correct", "cleo", "harmful"),
                Map.of("ana", "correct", "ben", "correct", "cleo", "incorrect"),
                Map.of("dan", "correct"));

        var kappa = AnnotatorAgreement.across(records);

        assertThat(kappa.method()).isEqualTo("fleiss");
        assertThat(kappa.ratingsPerRecord()).isEqualTo(2);
        assertThat(kappa.records()).isEqualTo(3);
        assertThat(kappa.leftOut()).isEqualTo(1);
        assertThat(kappa.annotators()).isEqualTo(3);
        // P = (1 + 1 + 0) / 3; labels: correct 3, incorrect 2, harmful 1 of 6; Pe = (9 + 4 + 1) / 36
        double observed = 2.0 / 3;
        double expected = 14.0 / 36;
        assertThat(kappa.kappa()).isCloseTo((observed - expected) / (1 - expected), within(1e-12));
    }

    @Test
    void thereIsNoKappaWithoutTwoAnnotatorsOnARecordAndItIsUndefinedWhenEveryLabelIsTheSame() {
        assertThat(AnnotatorAgreement.across(List.of(Map.of("ana", "correct"))))
                .isEqualTo(AnnotatorAgreement.Kappa.NONE);
        var same = AnnotatorAgreement.across(
                List.of(Map.of("ana", "correct", "ben", "correct"), Map.of("ana", "correct", "ben", "correct")));
        assertThat(same.kappa()).isNull();
        assertThat(same.observed()).isEqualTo(1.0);
        assertThat(same.records()).isEqualTo(2);
        assertThatThrownBy(() -> AnnotatorAgreement.fleiss(List.of(Map.of("a", 2), Map.of("a", 3))))
                .hasMessageContaining("same number of ratings per record");
    }
}
