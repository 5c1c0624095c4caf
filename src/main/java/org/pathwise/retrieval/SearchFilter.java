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

    public SearchFilter {
        licences = Set.copyOf(licences);
        languages = Set.copyOf(languages);
        courses = Set.copyOf(courses);
        competencies = Set.copyOf(competencies);
        resourceTypes = Set.copyOf(resourceTypes);
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
