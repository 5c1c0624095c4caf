package org.pathwise.retrieval;

/**
 * A summary of a passage index.
 *
 * @param passages the number of passages
 * @param embeddingModel the id of the embedding model whose vectors the index holds
 * @param dimensions the vectors' dimensions
 */
record IndexStats(long passages, String embeddingModel, int dimensions) {}
