package org.pathwise.guardrails;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PersonalDataRailTest {

    private final PersonalDataRail rail = new PersonalDataRail();

    private Screening screen(String text) {
        return rail.apply(new Screening(text, List.of()));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Please send the feedback to amina.diallo@univ-example.edu today|amina.diallo|[email]|email",
                "Mon adresse est claire.martin@exemple.fr, merci|claire.martin|[email]|email",
                "Call me at +33 6 12 34 56 78 about the course|12 34 56 78|[phone]|phone",
                "Llámame al 612 345 678 mañana|612 345 678|[phone]|phone",
                "Student number 20231234 missed the quiz|20231234|Student number [id]|id",
                "Le numéro INE 1234567890A est-il valide ?|1234567890A|numéro INE [id]|id",
                "Mi DNI es 12345678Z, ¿puedo inscribirme?|12345678Z|DNI es [id]|id",
                "Pay with card 4111 1111 1111 1111 please|4111 1111|[card]|card",
                "Mon IBAN est FR76 3000 6000 0112 3456 7890 189|3000 6000|[iban]|iban",
                "La cuenta ES91 2100 0418 4502 0005 1332 es mía|2100 0418|[iban]|iban"
            })
    void redactsPersonalDataAndNamesOnlyItsKind(String text, String secret, String marker, String kind) {
        var screened = screen(text);

        assertThat(screened.text()).doesNotContain(secret).contains(marker);
        assertThat(screened.verdicts()).singleElement().satisfies(verdict -> {
            assertThat(verdict.rule()).isEqualTo(PersonalDataRail.RULE);
            assertThat(verdict.action()).isEqualTo(Verdict.Action.REDACT);
            assertThat(verdict.reason()).contains(kind).doesNotContain(secret);
        });
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "What contrast ratio does WCAG 2.1 require, 4.5:1?",
                "Un crédit ECTS représente 25 à 30 heures de travail.",
                "El curso dc-101 empieza el 12.05.2025 a las 10:30.",
                "Card 4111 1111 1111 1112 fails the checksum",
                "IBAN FR76 3000 6000 0112 3456 7890 188 fails the checksum",
                "Between 30 and 70 percent of first votes should be correct.",
                "Our student union meets in room 204."
            })
    void leavesTextWithoutPersonalDataAlone(String text) {
        var screened = screen(text);

        assertThat(screened.text()).isEqualTo(text);
        assertThat(screened.verdicts()).isEmpty();
    }

    @Test
    void checksCardAndIbanChecksums() {
        assertThat(PersonalDataRail.luhn("4111 1111 1111 1111")).isTrue();
        assertThat(PersonalDataRail.luhn("4111 1111 1111 1112")).isFalse();
        assertThat(PersonalDataRail.validIban("GB82 WEST 1234 5698 7654 32")).isTrue();
        assertThat(PersonalDataRail.validIban("GB82 WEST 1234 5698 7654 33")).isFalse();
    }
}
