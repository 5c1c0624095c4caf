package org.pathwise.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;

/**
 * The languages the pages are written in, one {@code messages_<tag>.properties} each, and which way each is written.
 * English is the fallback for a browser that prefers none of them.
 */
final class InterfaceLanguages {

    /** A language of the interface: its BCP 47 tag, and its name in itself, as a language menu names it. */
    record Language(String tag, String name) {

        Locale locale() {
            return Locale.forLanguageTag(tag);
        }
    }

    static final Language ENGLISH = new Language("en", "English");

    /** Every interface language, in the order the language menu lists them. */
    static final List<Language> ALL = List.of(
            ENGLISH, new Language("fr", "Français"), new Language("es", "Español"), new Language("ar", "العربية"));

    /** Languages written from right to left: in Arabic, Hebrew or Thaana script. */
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv");

    private InterfaceLanguages() {}

    /** The interface language of a locale, by its language alone ({@code es-MX} is Spanish); empty for any other. */
    static Optional<Language> of(Locale locale) {
        return ALL.stream()
                .filter(language -> language.tag().equals(locale.getLanguage()))
                .findFirst();
    }

    /** The first interface language among the browser's preferences (Accept-Language, best first), else English. */
    static Language preferred(HttpServletRequest request) {
        // without the header the servlet container offers the server's own locale, which is no one's preference
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return ENGLISH;
        }
        for (var locales = request.getLocales(); locales.hasMoreElements(); ) {
            var language = of(locales.nextElement());
            if (language.isPresent()) {
                return language.get();
            }
        }
        return ENGLISH;
    }

    /** The value of HTML's {@code dir} attribute for text in the language of {@code locale}: {@code rtl} or {@code ltr}. */
    static String direction(Locale locale) {
        return RIGHT_TO_LEFT.contains(locale.getLanguage()) ? "rtl" : "ltr";
    }
}
