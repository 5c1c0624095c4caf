package org.pathwise.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The interface language of a request: the one the visitor chose, kept in a cookie, else the browser's first
 * {@linkplain InterfaceLanguages#preferred preferred} interface language, else English. It resolves to nothing but an
 * interface language: a choice or a cookie naming another language changes nothing, a malformed cookie is ignored
 * rather than failing the page, and an empty choice ({@code ?lang=}) empties the cookie, so that the browser decides
 * again.
 */
final class ChosenLanguageResolver extends CookieLocaleResolver {

    static final String COOKIE = "pathwise-language";

    ChosenLanguageResolver() {
        super(COOKIE);
        setCookieMaxAge(Duration.ofDays(365));
        setCookieHttpOnly(true);
        setRejectInvalidCookies(false);
        setDefaultLocaleFunction(
                request -> InterfaceLanguages.preferred(request).locale());
    }

    @Override
    protected Locale parseLocaleValue(String value) {
        var locale = super.parseLocaleValue(value);
        return locale == null
                ? null
                : InterfaceLanguages.of(locale)
                        .map(InterfaceLanguages.Language::locale)
                        .orElse(null);
    }

    @Override
    public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
        var locale = context == null ? null : context.getLocale();
        if (locale == null) {
            super.setLocaleContext(request, response, null);
            return;
        }
        var language = InterfaceLanguages.of(locale);
        if (language.isPresent()) {
            super.setLocaleContext(
                    request, response, new SimpleLocaleContext(language.get().locale()));
        }
    }
}
