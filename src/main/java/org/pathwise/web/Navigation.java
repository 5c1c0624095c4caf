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
 * The navigation of every page: the entries the signed-in user's role may use, grouped by what they are for (learn,
 * administer, research), the current one marked. A user who sees entries of one group only sees them side by side;
 * one who sees several groups sees each as a menu. Adding a page to the navigation is one line in {@link #ENTRIES} (and
 * its label in the message bundles).
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

    /** What an entry is for; the message key names the group's menu. */
    enum Group {
        NONE(""),
        LEARN("nav.group.learn"),
        ADMINISTER("nav.group.administer"),
        RESEARCH("nav.group.research");

        final String labelKey;

        Group(String labelKey) {
            this.labelKey = labelKey;
        }
    }

    /** One navigation entry: its path, the message key of its label, who sees it and its group. */
    record Entry(String path, String labelKey, Audience audience, Group group) {}

    /** An entry as the layout renders it. */
    record Item(String path, String labelKey, boolean current) {}

    /**
     * A run of entries as the layout renders it: a menu named by {@code labelKey}, or entries side by side.
     *
     * @param labelKey the group's label, empty for entries of no group
     * @param menu whether the entries fold into a menu
     * @param items the entries
     */
    record Section(String labelKey, boolean menu, List<Item> items) {

        /** Whether the current page is one of the entries. */
        public boolean current() {
            return items.stream().anyMatch(Item::current);
        }
    }

    static final List<Entry> ENTRIES = List.of(
            new Entry("/", "nav.home", Audience.EVERYONE, Group.NONE),
            new Entry("/ask", "nav.ask", Audience.ASKERS, Group.LEARN),
            new Entry("/library", "nav.library", Audience.SIGNED_IN, Group.LEARN),
            new Entry("/pathways/path", "nav.path", Audience.ASKERS, Group.LEARN),
            new Entry("/pathways/questionnaire", "nav.questionnaire", Audience.ASKERS, Group.LEARN),
            new Entry("/library/upload", "nav.upload", Audience.ADMIN, Group.ADMINISTER),
            new Entry("/pathways/admin/catalogue", "nav.catalogue", Audience.ADMIN, Group.ADMINISTER),
            new Entry("/pathways/admin/cohorts", "nav.cohorts", Audience.ADMIN, Group.ADMINISTER),
            new Entry("/admin/users", "nav.users", Audience.ADMIN, Group.ADMINISTER),
            new Entry("/admin/lti", "nav.lti", Audience.ADMIN, Group.ADMINISTER),
            new Entry("/admin/policy", "nav.policy", Audience.ADMIN, Group.ADMINISTER),
            new Entry("/admin/review", "nav.review", Audience.ADMIN, Group.ADMINISTER),
            new Entry("/audit", "nav.audit", Audience.AUDITORS, Group.RESEARCH),
            new Entry("/audit/runs", "nav.runs", Audience.AUDITORS, Group.RESEARCH),
            new Entry("/account", "nav.account", Audience.SIGNED_IN, Group.NONE));

    @ModelAttribute("navigation")
    List<Section> navigation(HttpServletRequest request) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        var path = request.getRequestURI().substring(request.getContextPath().length());
        var current = ENTRIES.stream()
                .filter(entry -> entry.path().equals("/") ? path.equals("/") : path.startsWith(entry.path()))
                .map(Entry::path)
                .reduce((a, b) -> b.length() > a.length() ? b : a)
                .orElse("");
        var visible = ENTRIES.stream()
                .filter(entry -> visible(entry.audience(), authentication))
                .toList();
        boolean menus = visible.stream()
                        .map(Entry::group)
                        .filter(group -> group != Group.NONE)
                        .distinct()
                        .count()
                > 1;
        var sections = new java.util.ArrayList<Section>();
        Group group = null;
        List<Item> items = null;
        for (var entry : visible) {
            if (entry.group() != group) {
                group = entry.group();
                items = new java.util.ArrayList<>();
                sections.add(new Section(group.labelKey, menus && group != Group.NONE, items));
            }
            items.add(new Item(entry.path(), entry.labelKey(), entry.path().equals(current)));
        }
        return sections.stream()
                .map(section -> new Section(section.labelKey(), section.menu(), List.copyOf(section.items())))
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
