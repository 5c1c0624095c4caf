package org.pathwise.library;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class LicencesTest {

    @ParameterizedTest
    @CsvSource({
        "CC-BY-4.0,CC-BY-4.0",
        "cc-by-sa-4.0,CC-BY-SA-4.0",
        "CC BY 4.0,CC-BY-4.0",
        "CC BY-NC-SA 4.0,CC-BY-NC-SA-4.0",
        "https://creativecommons.org/licenses/by-nc/4.0/,CC-BY-NC-4.0",
        "http://creativecommons.org/publicdomain/zero/1.0/,CC0-1.0",
        "cc0,CC0-1.0",
        "mit,MIT",
        "LicenseRef-Campus-Only,LicenseRef-Campus-Only",
    })
    void normalisesTheWaysPeopleWriteALicence(String written, String spdx) {
        assertThat(Licences.normalise(written)).contains(spdx);
    }

    @ParameterizedTest
    @CsvSource({"free to use", "CC BY 9.9", "all rights reserved", "''"})
    void recognisesNoLicenceInOtherText(String written) {
        assertThat(Licences.normalise(written)).isEmpty();
    }

    static Stream<Arguments> licenseFiles() {
        return Stream.of(
                Arguments.of("SPDX-License-Identifier: CC-BY-SA-4.0", "CC-BY-SA-4.0"),
                Arguments.of(
                        "Instructional material is under the Creative Commons Attribution license. The full legal"
                                + " text of the CC BY 4.0 license is online. Software is under the MIT License.",
                        "CC-BY-4.0"),
                Arguments.of("Attribution-ShareAlike 4.0 International\n=====", "CC-BY-SA-4.0"),
                Arguments.of("MIT License\nCopyright (c) 2024", "MIT"),
                Arguments.of("see https://creativecommons.org/licenses/by-nc-nd/4.0/legalcode", "CC-BY-NC-ND-4.0"));
    }

    @ParameterizedTest
    @MethodSource("licenseFiles")
    void findsTheLicenceALicenseFileGrants(String text, String spdx) {
        assertThat(Licences.fromLicenseFile(text)).contains(spdx);
    }
}
