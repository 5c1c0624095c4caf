/**
 * Retrieval: the {@link org.pathwise.retrieval.PassageIndex} port that stores passages and finds them again,
 * the embedding of passages and queries, and lexical (BM25), semantic (HNSW vectors) and hybrid (reciprocal rank
 * fusion) search with filters. The Lucene adapter keeps the index on disk under the data directory.
 */
@ApplicationModule(displayName = "Retrieval")
package org.pathwise.retrieval;

import org.springframework.modulith.ApplicationModule;
