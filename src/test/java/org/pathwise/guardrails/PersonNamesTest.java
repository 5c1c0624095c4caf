package org.pathwise.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonNamesTest {

    @Test
    void replacesEachNameWithOnePseudonymInEveryLanguage() {
        var result = PersonNames.pseudonymise(
                "Awa Ndiaye a échoué au rattrapage ; mon élève Inès aussi. Comment aider Awa Ndiaye ?",
                PersonNames.Mode.SENSITIVE);

        assertThat(result.text())
                .isEqualTo(
                        "[person-1] a échoué au rattrapage ; mon élève [person-2] aussi. Comment aider [person-1] ?");
        assertThat(result.pseudonyms())
                .containsEntry("Awa Ndiaye", "[person-1]")
                .containsEntry("Inès", "[person-2]");
    }

    @Test
    void leavesNamesAloneWhereNothingPersonalIsSaid() {
        var text = "¿Cómo usar los poemas de Pablo Neruda para enseñar figuras retóricas?";

        assertThat(PersonNames.pseudonymise(text, PersonNames.Mode.SENSITIVE).text())
                .isEqualTo(text);
        assertThat(PersonNames.pseudonymise(text, PersonNames.Mode.ALWAYS).text())
                .isEqualTo("¿Cómo usar los poemas de [person-1] para enseñar figuras retóricas?");
        assertThat(PersonNames.pseudonymise(text, PersonNames.Mode.OFF).pseudonyms())
                .isEmpty();
    }

    @Test
    void placesInstitutionsAndQuestionWordsAreNotPeople() {
        var text = "What Grade Boundaries does Universidad de Chile use when students fail the exam?";

        assertThat(PersonNames.pseudonymise(text, PersonNames.Mode.SENSITIVE).text())
                .isEqualTo(text);
    }
}
