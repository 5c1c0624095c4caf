package org.pathwise.retrieval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassageTest {

    private static DocumentFacets facets(String title) {
        return new DocumentFacets("a.md", title, List.of("Ada Author"), "", "en", "", List.of(), "");
    }

    @Test
    void putsTheTitleAndHeadingsTheTextLacksBeforeIt() {
        var passage = Passage.of(
                "d", 0, "Rubrics make criteria explicit.", List.of("Assessment", "Rubrics"), "", facets("Guide"));

        assertThat(passage.textWithContext()).isEqualTo("Guide › Assessment\nRubrics make criteria explicit.");
    }

    @Test
    void leavesTheTextAloneWhenItHasNoContextToAdd() {
        var passage = Passage.of("d", 0, "Guide to rubrics.", List.of("Guide"), "", facets("Guide"));

        assertThat(passage.textWithContext()).isEqualTo("Guide to rubrics.");
    }

    @Test
    void refusesABlankTextOrANegativeOrdinal() {
        assertThatThrownBy(() -> Passage.of("d", 0, " ", List.of(), "", facets("")))
                .hasMessage("text must not be blank");
        assertThatThrownBy(() -> Passage.of("d", -1, "x", List.of(), "", facets("")))
                .hasMessage("ordinal must be >= 0, got -1");
    }
}
