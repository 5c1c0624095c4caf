package org.pathwise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "+1", "-2+3", "@SUM(A1)", "\tlead", "\rlead"})
    void prefixesTextThatASpreadsheetWouldRunAsAFormula(String text) {
        assertThat(CsvCells.safe(text)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "plain", "a=b", " =x", "'quoted"})
    void leavesOtherTextAsItIs(String text) {
        assertThat(CsvCells.safe(text)).isEqualTo(text);
    }

    @org.junit.jupiter.api.Test
    void leavesNumbersAndMissingValuesAsTheyAre() {
        assertThat(CsvCells.safe(-1, null, 2.5, "-x")).containsExactly(-1, null, 2.5, "'-x");
    }
}
