package org.pathwise.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The navigation of every page: the entries the signed-in user's role may use, the current one marked. Adding a page
 * to the navigation is one line in {@link #ENTRIES} (and its label in the message bundles).
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class Navigation {

    /** Who sees an entry. */
    enum Audience {
        EVERYONE,
        SIGNED_IN,
        /** Educators and administrators: the people who ask. */
        ASKERS,
        /** Researchers and administrators: the people who audit. */
        AUDITORS,
        ADMIN
    }

    /** One navigation entry: its path, the message key of its label, and who sees it. */
    record Entry(String path, String labelKey, Audience audience) {}

    /** An entry as the layout renders it. */
    record Item(String path, String labelKey, boolean current) {}

    static final List<Entry> ENTRIES = List.of(
            new Entry("/", "nav.home", Audience.EVERYONE),
            new Entry("/ask", "nav.ask", Audience.ASKERS),
            new Entry("/library", "nav.library", Audience.SIGNED_IN),
            new Entry("/library/upload", "nav.upload", Audience.ADMIN),
            new Entry("/pathways/path", "nav.path", Audience.ASKERS),
            new Entry("/pathways/questionnaire", "nav.questionnaire", Audience.ASKERS),
            new Entry("/pathways/admin/catalogue", "nav.catalogue", Audience.ADMIN),
            new Entry("/pathways/admin/cohorts", "nav.cohorts", Audience.ADMIN),
            new Entry("/admin/users", "nav.users", Audience.ADMIN),
            new Entry("/admin/policy", "nav.policy", Audience.ADMIN),
            new Entry("/admin/review", "nav.review", Audience.ADMIN),
            new Entry("/audit", "nav.audit", Audience.AUDITORS),
            new Entry("/account", "nav.account", Audience.SIGNED_IN));

    @ModelAttribute("navigation")
    List<Item> navigation(HttpServletRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var path = request.getRequestURI().substring(request.getContextPath().length());
        var current = ENTRIES.stream()
                .filter(entry -> entry.path().equals("/") ? path.equals("/") : path.startsWith(entry.path()))
                .map(Entry::path)
                .reduce((a, b) -> b.length() > a.length() ? b : a)
                .orElse("");
        return ENTRIES.stream()
                .filter(entry -> visible(entry.audience(), authentication))
                .map(entry ->
                        new Item(entry.path(), entry.labelKey(), entry.path().equals(current)))
                .toList();
    }

    private static boolean hasAny(Authentication authentication, Set<String> authorities) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(authorities::contains);
    }

    private static boolean visible(Audience audience, Authentication authentication) {
        boolean signedIn = authentication != null
                && authentication.isAuthenticated()
                && !"anonymousUser".equals(authentication.getPrincipal());
        return switch (audience) {
            case EVERYONE -> true;
            case SIGNED_IN -> signedIn;
            case ASKERS -> signedIn && hasAny(authentication, Set.of("ROLE_EDUCATOR", "ROLE_ADMIN"));
            case AUDITORS -> signedIn && hasAny(authentication, Set.of("ROLE_RESEARCHER", "ROLE_ADMIN"));
            case ADMIN -> signedIn && hasAny(authentication, Set.of("ROLE_ADMIN"));
        };
    }
}
