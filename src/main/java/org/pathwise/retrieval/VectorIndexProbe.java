package org.pathwise.retrieval;

import java.util.List;

/**
 * What an index with an approximate vector index can say about it: the exact nearest passages (a scan, for measuring
 * the approximate search's recall) and the vector index's size on disk.
 */
public interface VectorIndexProbe {

    /** The {@code k} passages nearest to a query by exact search, nearest first. */
    List<SearchHit> exactNearest(String query, int k);

    /** The size of the vector index, in bytes. */
    long vectorIndexBytes();

    /** Builds the vector index again from every stored vector and returns how long that took, in seconds. */
    double rebuildVectorIndex();

    /** How wide the approximate search looks (HNSW's {@code ef_search}). */
    int efSearch();
}
