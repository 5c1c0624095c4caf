package org.pathwise.retrieval;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Builds a {@link Search} outside Spring, for tests of other modules. */
public final class TestSearch {

    private TestSearch() {}

    /** A search over the index that records its timings in a registry of its own. */
    public static Search over(PassageIndex index) {
        return new Search(index, new SimpleMeterRegistry(), DictionaryTranslator.none());
    }
}
