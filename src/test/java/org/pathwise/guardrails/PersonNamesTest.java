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

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {
                "Kwabena Asare has severe asthma and we go on a field trip by the river. What goes in the risk plan?",
                "Los papás de Lucía Torres se están separando. ¿Cómo la apoyo en clase?",
                "Nadia Haddad est réfugiée et vit chez sa tante. Quels services d'accompagnement lui proposer ?",
                "Scores: Hana Sato 38, Luca Bianchi 71. How do I pitch feedback at each level?"
            })
    void namesNextToHealthFamilyStatusOrAScoreArePersonal(String text) {
        var result = PersonNames.pseudonymise(text, PersonNames.Mode.SENSITIVE);

        assertThat(result.pseudonyms()).as(text).isNotEmpty();
        result.pseudonyms().keySet().forEach(name -> assertThat(result.text()).doesNotContain(name));
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
