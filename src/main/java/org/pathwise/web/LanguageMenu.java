package org.pathwise.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The language menu of every page, and the direction its language is written in. Each entry is named in its own
 * language and links to the page the visitor is on, its query kept, with {@code lang} set to that language.
 */
@ControllerAdvice(annotations = Controller.class)
class LanguageMenu {

    /** An entry of the menu: the language's tag and name, the link that chooses it, and whether it is the current one. */
    record Choice(String tag, String name, String href, boolean current) {}

    @ModelAttribute("interfaceLanguages")
    List<Choice> interfaceLanguages(HttpServletRequest request, Locale locale) {
        return InterfaceLanguages.ALL.stream()
                .map(language -> new Choice(
                        language.tag(),
                        language.name(),
                        href(request.getQueryString(), language.tag()),
                        language.tag().equals(locale.getLanguage())))
                .toList();
    }

    @ModelAttribute("textDirection")
    String textDirection(Locale locale) {
        return InterfaceLanguages.direction(locale);
    }

    /** A link relative to the current page: its query (still percent-encoded) without any {@code lang}, then the tag. */
    static String href(String query, String tag) {
        var kept = query == null
                ? Stream.<String>empty()
                : Arrays.stream(query.split("&"))
                        .filter(parameter -> !parameter.isEmpty()
                                && !parameter.split("=", 2)[0].equals(LanguageConfiguration.PARAMETER));
        return Stream.concat(kept, Stream.of(LanguageConfiguration.PARAMETER + "=" + tag))
                .collect(Collectors.joining("&", "?", ""));
    }
}
