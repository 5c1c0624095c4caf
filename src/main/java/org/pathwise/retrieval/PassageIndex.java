package org.pathwise.retrieval;

import java.util.Collection;
import java.util.List;

/**
 * The port through which passages are stored and found again.
 *
 * <p>Contract, checked for every adapter by {@code PassageIndexContract}:
 *
 * <ul>
 *   <li>{@link #index} replaces, for every document named by the given passages, all of that document's earlier
 *       passages, so indexing the same passages twice leaves the index as it was after the first time;
 *   <li>changes are visible to {@link #search} at once and survive a restart only after {@link #commit};
 *   <li>{@link #search} returns at most {@code k} hits, most relevant first, each passing the request's filter, and no
 *       hits on an empty index.
 * </ul>
 */
public interface PassageIndex extends AutoCloseable {

    /**
     * What an index with an approximate vector index can say about it: the exact nearest passages (a scan, for
     * measuring the approximate search's recall) and the vector index's size on disk.
     */
    interface VectorIndexProbe {

        /** The {@code k} passages nearest to a query by exact search, nearest first. */
        List<SearchHit> exactNearest(String query, int k);

        /** The size of the vector index, in bytes. */
        long vectorIndexBytes();

        /** Builds the vector index again from every stored vector and returns how long that took, in seconds. */
        double rebuildVectorIndex();

        /** How wide the approximate search looks (HNSW's {@code ef_search}). */
        int efSearch();
    }

    /**
     * What the index can say about its approximate vector index, when it has one; an index that wraps another (a
     * scratch index) answers for the one it wraps.
     */
    default java.util.Optional<VectorIndexProbe> vectorIndexProbe() {
        return this instanceof VectorIndexProbe probe ? java.util.Optional.of(probe) : java.util.Optional.empty();
    }

    /** Told how far a re-embedding has gone. */
    interface Progress {
        Progress NONE = (done, total) -> {};

        /**
         * @param done the passages embedded with the new model so far, those kept from an interrupted run included
         * @param total the passages to embed
         */
        void passages(long done, long total);
    }

    /**
     * The embedded index: a Lucene index in {@code folder}, created when missing.
     *
     * @throws IllegalStateException when the index was built with another embedding model, or another process has
     *     it open for writing
     */
    static PassageIndex lucene(java.nio.file.Path folder, Embedder embedder) {
        return LucenePassageIndex.open(folder, embedder);
    }

    /**
     * The server-mode index: passages in PostgreSQL's {@code passage} table, searched with pgvector and full-text
     * search.
     *
     * @throws IllegalStateException when the table holds vectors of another embedding model
     */
    static PassageIndex postgres(javax.sql.DataSource dataSource, Embedder embedder) {
        return PgVectorPassageIndex.open(dataSource, embedder);
    }

    /**
     * A Lucene index for one run (a benchmark) in a new folder under {@code parent}; closing it deletes the folder.
     *
     * @throws java.io.UncheckedIOException when the folder can't be created
     */
    static PassageIndex scratchLucene(java.nio.file.Path parent, Embedder embedder) {
        return ScratchIndex.lucene(parent, embedder);
    }

    /**
     * A pgvector index for one run (a benchmark) in a new schema of a PostgreSQL database, through a small connection
     * pool; closing it drops the schema.
     *
     * @param url a JDBC URL such as {@code jdbc:postgresql://127.0.0.1:5432/pathwise}
     * @throws IllegalStateException when the schema can't be created
     */
    static PassageIndex scratchPostgres(String url, String user, String password, Embedder embedder) {
        return ScratchIndex.postgres(url, user, password, embedder);
    }

    /**
     * Embeds and stores passages, replacing all earlier passages of the documents they belong to.
     *
     * @throws IllegalArgumentException when two passages share an id
     */
    void index(Collection<Passage> passages);

    /**
     * Stores passages with the vectors another index of the same embedding model computed, replacing all earlier
     * passages of their documents, as {@link #index} does but without embedding.
     *
     * @throws IllegalArgumentException when two passages share an id or a vector has the wrong number of dimensions
     */
    void restore(Collection<EmbeddedPassage> passages);

    /** Removes every passage of a document; does nothing when the index holds none. */
    void remove(String documentId);

    /** Makes every change so far durable. */
    void commit();

    /** Finds the passages that best match a query, most relevant first. */
    List<SearchHit> search(SearchRequest request);

    /**
     * How much of a query the given passages cover, from 0 to 1: the share of the query's terms that occur in the
     * passages, each term weighted by its inverse document frequency in the index, so that a rare or unknown term the
     * passages lack weighs most. Terms are analysed in each passage's language; the best language counts.
     */
    double coverage(String query, List<Passage> passages);

    /** The passages of one document in their order, empty when the index holds none. */
    List<Passage> passagesOf(String documentId);

    /** The passages of one document in their order, each with its stored vector: what {@link #restore} takes. */
    List<EmbeddedPassage> embeddedPassagesOf(String documentId);

    /**
     * Passages found by a search with their stored vectors, the sentences' among them, in the order given: what a
     * composer reads to choose an answer's sentences without embedding them.
     *
     * @throws IllegalArgumentException when the index holds no passage of that id
     */
    List<EmbeddedPassage> embedded(List<Passage> passages);

    /** The number of passages the index holds for one document. */
    int passageCount(String documentId);

    /** The number of passages in the index. */
    long size();

    /**
     * The words that occur in the index's passages of a language, each word read as that language's analysis reads
     * it (a word whose terms all occur counts): what a translation can match.
     */
    java.util.Set<String> known(java.util.Collection<String> words, String language);

    /** The number of passages in each language (BCP 47 tags as the passages give them), most passages first. */
    java.util.Map<String, Long> languages();

    /** What the index knows of itself: its embedding model and size. */
    IndexStats stats();

    @Override
    void close();
}
