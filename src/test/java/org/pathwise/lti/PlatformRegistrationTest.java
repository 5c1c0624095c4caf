package org.pathwise.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlatformRegistrationTest {

    private static PlatformRegistration withJwks(String jwksUrl) {
        return new PlatformRegistration(
                " Moodle ",
                "https://moodle.example.edu",
                "client",
                "https://moodle.example.edu/mod/lti/auth.php",
                "https://moodle.example.edu/mod/lti/token.php",
                jwksUrl,
                List.of(" 1 ", "2", "1"));
    }

    @Test
    void stripsValuesAndDropsRepeatedDeployments() {
        var checked = withJwks("https://moodle.example.edu/mod/lti/certs.php").checked();

        assertThat(checked.name()).isEqualTo("Moodle");
        assertThat(checked.deploymentIds()).containsExactly("1", "2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8081/jwks", "http://127.0.0.1/jwks", "https://lms.example/keys"})
    void acceptsHttpsAndLocalHttp(String url) {
        assertThat(withJwks(url).checked().jwksUrl()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"http://moodle.example.edu/certs", "ftp://moodle.example.edu/certs", "certs.php", "https://"})
    void refusesOtherUrlsSayingWhich(String url) {
        assertThatThrownBy(() -> withJwks(url).checked())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the JWKS URL must be an https URL (http only on localhost), got '" + url + "'");
    }

    @Test
    void refusesABlankValueOrNoDeployment() {
        assertThatThrownBy(() -> new PlatformRegistration(
                                "", "i", "c", "https://a", "https://t", "https://j", List.of("1"))
                        .checked())
                .hasMessage("give the platform's name");
        assertThatThrownBy(() ->
                        new PlatformRegistration("n", "i", "c", "https://a", "https://t", "https://j", null).checked())
                .hasMessageStartingWith("give at least one deployment id");
    }
}
