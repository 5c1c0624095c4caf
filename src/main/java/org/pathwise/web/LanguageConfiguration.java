package org.pathwise.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * How a request's interface language is chosen: {@code ?lang=es} on any page (a GET) chooses Spanish and remembers it
 * in a cookie; {@code ?lang=} alone forgets the choice; without one, the browser's Accept-Language decides.
 */
@Configuration(proxyBeanMethods = false)
class LanguageConfiguration implements WebMvcConfigurer {

    /** The query parameter that chooses the interface language. */
    static final String PARAMETER = "lang";

    /** Named {@code localeResolver}, as the dispatcher servlet looks it up, in place of Spring Boot's. */
    @Bean
    LocaleResolver localeResolver() {
        return new ChosenLanguageResolver();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var change = new LocaleChangeInterceptor();
        change.setParamName(PARAMETER);
        change.setHttpMethods("GET");
        // a value that is no locale at all (?lang=%3Cx%3E) is ignored like a language the pages are not written in
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
