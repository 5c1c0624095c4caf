package org.pathwise.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every page message goes through {@link MessageFormat} ({@code spring.messages.always-use-message-format}), so each
 * must be a valid pattern: an apostrophe written {@code ''}, literal braces quoted.
 */
class MessagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"/messages.properties", "/messages_fr.properties"})
    void everyMessageIsAValidPatternWithoutAStrayQuote(String file) throws IOException {
        var messages = new Properties();
        try (var in = new InputStreamReader(MessagesTest.class.getResourceAsStream(file), StandardCharsets.UTF_8)) {
            messages.load(in);
        }
        assertThat(messages).isNotEmpty();
        for (var key : messages.stringPropertyNames()) {
            var pattern = messages.getProperty(key);
            assertThatCode(() -> new MessageFormat(pattern, Locale.ROOT).format(new Object[] {1, 2, 3, 4, 5, 6}))
                    .as(key)
                    .doesNotThrowAnyException();
            var formatted = new MessageFormat(pattern, Locale.ROOT).format(new Object[] {1, 2, 3, 4, 5, 6});
            if (pattern.contains("''")) {
                assertThat(formatted).as(key).contains("'");
            }
            assertThat(formatted.length())
                    .as(key + ": an unpaired quote hides text")
                    .isGreaterThan(pattern.length() / 2);
        }
    }
}
