package org.pathwise.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockCookie;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Which interface language a request gets, which way it is written, and the links of the language menu. */
class InterfaceLanguagesTest {

    @ParameterizedTest
    @CsvSource({"ar, rtl", "ar-EG, rtl", "fa, rtl", "he, rtl", "ur, rtl", "en, ltr", "fr, ltr", "es, ltr", "zh, ltr"})
    void knowsWhichLanguagesAreWrittenFromRightToLeft(String tag, String direction) {
        assertThat(InterfaceLanguages.direction(Locale.forLanguageTag(tag))).isEqualTo(direction);
    }

    @ParameterizedTest
    @CsvSource({
        "'es-MX,es;q=0.9,en;q=0.5', es",
        "'de-DE,de;q=0.9,ar;q=0.8,fr;q=0.7', ar",
        "'de-CH,it;q=0.5', en",
        "'fr', fr"
    })
    void takesTheBrowsersFirstInterfaceLanguageElseEnglish(String acceptLanguage, String expected) {
        var request = new MockHttpServletRequest();
        request.addHeader("Accept-Language", acceptLanguage);

        assertThat(InterfaceLanguages.preferred(request).tag()).isEqualTo(expected);
    }

    @Test
    void aBrowserThatStatesNoLanguageGetsEnglishWhateverTheServersLocale() {
        // a servlet container offers its own default locale when the request names none
        var request = new MockHttpServletRequest() {
            @Override
            public Enumeration<Locale> getLocales() {
                return Collections.enumeration(List.of(Locale.FRENCH));
            }
        };

        assertThat(InterfaceLanguages.preferred(request)).isEqualTo(InterfaceLanguages.ENGLISH);
    }

    @Test
    void namesEachLanguageInItself() {
        assertThat(InterfaceLanguages.ALL)
                .extracting(InterfaceLanguages.Language::name)
                .containsExactly("English", "Français", "Español", "العربية");
    }

    @Test
    void aChosenLanguageIsKeptInACookieAndAnUnsupportedOneChangesNothing() {
        var resolver = new ChosenLanguageResolver();
        var request = new MockHttpServletRequest();
        request.addHeader("Accept-Language", "es");
        var response = new MockHttpServletResponse();

        resolver.setLocale(request, response, Locale.forLanguageTag("ar-SA"));
        assertThat(response.getCookie(ChosenLanguageResolver.COOKIE).getValue()).isEqualTo("ar");
        assertThat(resolver.resolveLocale(request).getLanguage()).isEqualTo("ar");

        var other = new MockHttpServletRequest();
        other.addHeader("Accept-Language", "es");
        var unchanged = new MockHttpServletResponse();
        resolver.setLocale(other, unchanged, Locale.GERMAN);
        assertThat(unchanged.getCookie(ChosenLanguageResolver.COOKIE)).isNull();
        assertThat(resolver.resolveLocale(other).getLanguage()).isEqualTo("es");
    }

    @ParameterizedTest
    @CsvSource({"de, fr", "'%%%', fr", "'', fr", "es, es"})
    void aCookieNamingNoInterfaceLanguageFallsBackOnTheBrowser(String cookie, String expected) {
        var request = new MockHttpServletRequest();
        request.addHeader("Accept-Language", "fr");
        request.setCookies(new MockCookie(ChosenLanguageResolver.COOKIE, cookie));

        assertThat(new ChosenLanguageResolver().resolveLocale(request).getLanguage())
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            nullValues = "null",
            value = {
                "null, ?lang=ar",
                "'q=contrast+ratio&language=fr', ?q=contrast+ratio&language=fr&lang=ar",
                "'lang=es&q=x&lang=fr', ?q=x&lang=ar",
                "'&&', ?lang=ar"
            })
    void aMenuLinkKeepsThePagesQueryAndSetsOnlyTheLanguage(String query, String href) {
        assertThat(LanguageMenu.href(query, "ar")).isEqualTo(href);
    }
}
