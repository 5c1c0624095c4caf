package org.pathwise.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every page message goes through {@link MessageFormat} ({@code spring.messages.always-use-message-format}), so each
 * must be a valid pattern: an apostrophe written {@code ''}, literal braces quoted. Each translation has exactly the
 * keys of the English messages, with the same placeholders, and the Spanish and Arabic ones leave no English behind.
 */
class MessagesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    /** Every messages file of the interface, English first. */
    static java.util.stream.Stream<String> files() {
        return java.util.stream.Stream.of(
                "/messages.properties",
                "/messages_fr.properties",
                "/messages_es.properties",
                "/messages_ar.properties");
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyMessageIsAValidPatternWithoutAStrayQuote(String file) throws IOException {
        var messages = load(file);
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
            // against the text around the placeholders: "{0}; {1}" formats shorter than it is written, and rightly
            var written = PLACEHOLDER.matcher(pattern).replaceAll("");
            assertThat(formatted.length())
                    .as(key + ": an unpaired quote hides text")
                    .isGreaterThan(written.length() / 2);
        }
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyFileHasExactlyTheKeysOfTheEnglishMessagesEachOnce(String file) throws IOException {
        var keys = keysInOrder(file);
        assertThat(keys).as("keys written twice in " + file).doesNotHaveDuplicates();
        assertThat(Set.copyOf(keys))
                .as(file + " against messages.properties")
                .containsExactlyInAnyOrderElementsOf(keysInOrder("/messages.properties"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/messages_fr.properties", "/messages_es.properties", "/messages_ar.properties"})
    void everyTranslationKeepsThePlaceholdersOfTheEnglishMessage(String file) throws IOException {
        var english = load("/messages.properties");
        var translated = load(file);
        for (var key : english.stringPropertyNames()) {
            assertThat(placeholders(translated.getProperty(key, "")))
                    .as(file + " " + key)
                    .isEqualTo(placeholders(english.getProperty(key)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/messages_es.properties", "/messages_ar.properties"})
    void noMessageIsLeftInEnglish(String file) throws IOException {
        // the same in both languages: the product's name, a metric's name, units and a word Spanish shares
        var same = Set.of(
                "home.title",
                "home.heading",
                "runs.ndcg",
                "run.question.ms",
                "path.hours",
                "library.document.url",
                "error.title");
        var english = load("/messages.properties");
        var translated = load(file);
        var untranslated = english.stringPropertyNames().stream()
                .filter(key -> !same.contains(key))
                .filter(key -> english.getProperty(key).equals(translated.getProperty(key)))
                .sorted()
                .toList();
        assertThat(untranslated).as("messages of " + file + " still in English").isEmpty();
        if (file.contains("_ar")) {
            var arabic = Pattern.compile("\\p{IsArabic}");
            var withoutArabic = translated.stringPropertyNames().stream()
                    .filter(key ->
                            !Set.of("home.title", "home.heading", "runs.ndcg").contains(key))
                    .filter(key -> !arabic.matcher(translated.getProperty(key)).find())
                    .sorted()
                    .toList();
            assertThat(withoutArabic)
                    .as("Arabic messages without a word of Arabic")
                    .isEmpty();
        }
    }

    /** The message keys that pages put in their {@code <title>}, read from the templates. */
    private static Set<String> titleKeys() throws IOException {
        var title = Pattern.compile("<title th:text=\"#\\{([\\w.]+)(?:\\(|})");
        var keys = new TreeSet<String>();
        try (var templates = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/resources/templates"))) {
            for (var template :
                    templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                title.matcher(java.nio.file.Files.readString(template))
                        .results()
                        .forEach(m -> keys.add(m.group(1)));
            }
        }
        return keys;
    }

    @ParameterizedTest
    @MethodSource("files")
    void everyPagesTitleNamesPathwise(String file) throws IOException {
        var messages = load(file);
        var keys = titleKeys();
        assertThat(keys).contains("ask.title", "users.title", "lti.title");
        for (var key : keys) {
            assertThat(messages.getProperty(key)).as(key + " in " + file).contains("Pathwise");
        }
    }

    private static Properties load(String file) throws IOException {
        var messages = new Properties();
        try (var in = new InputStreamReader(MessagesTest.class.getResourceAsStream(file), StandardCharsets.UTF_8)) {
            messages.load(in);
        }
        return messages;
    }

    /** The keys as written, duplicates kept ({@link Properties} keeps only the last of a key written twice). */
    private static List<String> keysInOrder(String file) throws IOException {
        var keys = new ArrayList<String>();
        String text;
        try (var in = MessagesTest.class.getResourceAsStream(file)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (var lines = new BufferedReader(new StringReader(text))) {
            for (var line = lines.readLine(); line != null; line = lines.readLine()) {
                var stripped = line.strip();
                if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith("!")) {
                    continue;
                }
                // one message a line in these files: no continuation lines
                var single = new Properties();
                single.load(new StringReader(stripped));
                keys.addAll(single.stringPropertyNames());
            }
        }
        return keys;
    }

    private static Set<String> placeholders(String pattern) {
        return PLACEHOLDER
                .matcher(pattern)
                .results()
                .map(MatchResult::group)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
