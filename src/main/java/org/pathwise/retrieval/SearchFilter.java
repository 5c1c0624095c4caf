package org.pathwise.retrieval;

import java.util.Set;

/**
 * Restricts a search to passages whose document matches every non-empty set: a set lists the accepted values of one
 * attribute (any of them matches), and an empty set places no restriction. A passage matches {@code competencies} when
 * its document addresses at least one of them.
 */
public record SearchFilter(
        Set<String> licences,
        Set<String> languages,
        Set<String> courses,
        Set<String> competencies,
        Set<String> resourceTypes) {

    /** No restriction. */
    public static final SearchFilter NONE = new SearchFilter(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    /** A page's choice of one licence, language and course, each blank for any. */
    public static SearchFilter chosen(String licence, String language, String course) {
        return new SearchFilter(one(licence), one(language), one(course), Set.of(), Set.of());
    }

    private static Set<String> one(String value) {
        return value.isBlank() ? Set.of() : Set.of(value);
    }

    /**
     * @throws IllegalArgumentException naming the attribute when a set is null or holds a null
     */
    public SearchFilter {
        licences = values("licence", licences);
        languages = values("language", languages);
        courses = values("course", courses);
        competencies = values("competency", competencies);
        resourceTypes = values("type", resourceTypes);
    }

    private static Set<String> values(String attribute, java.util.Collection<String> values) {
        if (values == null) {
            throw new IllegalArgumentException("the " + attribute + " filter must be a list of values, got null");
        }
        for (var value : values) {
            if (value == null) {
                throw new IllegalArgumentException(
                        "the " + attribute + " filter holds a null; give values such as \"en\" or leave it out");
            }
        }
        return Set.copyOf(values);
    }

    public boolean isEmpty() {
        return licences.isEmpty()
                && languages.isEmpty()
                && courses.isEmpty()
                && competencies.isEmpty()
                && resourceTypes.isEmpty();
    }

    /** Whether a passage with these facets passes the filter. */
    public boolean accepts(DocumentFacets facets) {
        return (licences.isEmpty() || licences.contains(facets.licence()))
                && (languages.isEmpty() || languages.contains(facets.language()))
                && (courses.isEmpty() || courses.contains(facets.course()))
                && (competencies.isEmpty() || facets.competencies().stream().anyMatch(competencies::contains))
                && (resourceTypes.isEmpty() || resourceTypes.contains(facets.resourceType()));
    }
}
