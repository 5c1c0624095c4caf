package org.pathwise.library;

import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The values the library holds for the attributes a question or a search can be narrowed by (licence, language,
 * course), for pages of other modules that offer those filters. Pages call it as {@code @libraryFacets.values('course')}.
 */
@Component("libraryFacets")
class LibraryFacets {

    private static final Set<String> ATTRIBUTES = Set.of("licence", "language", "course");

    private final Library library;

    LibraryFacets(Library library) {
        this.library = library;
    }

    /** The distinct values of one attribute, sorted. */
    public List<String> values(String attribute) {
        if (!ATTRIBUTES.contains(attribute)) {
            throw new IllegalArgumentException("no facet " + attribute + ": use licence, language or course");
        }
        return library.values(attribute);
    }
}
