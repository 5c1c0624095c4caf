package org.pathwise.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One evaluation run of a question set: what ran, on what, and what came out.
 *
 * @param id the run's id, also the name of its report folder
 * @param datasetSha256 the SHA-256 of the question set's bytes
 * @param libraryDocuments the number of documents in the library
 * @param librarySha256 a SHA-256 over the library's documents (source and content hash, in source order)
 * @param configuration the settings that shape answers (relevance threshold, passages, ...)
 * @param summary the summary metrics, as {@code eval --json} prints them
 * @param items every question's result
 */
record EvalRun(
        String id,
        Instant createdAt,
        String dataset,
        String datasetSha256,
        int libraryDocuments,
        String librarySha256,
        String composer,
        String model,
        String prompt,
        String policyVersion,
        Map<String, Object> configuration,
        Map<String, Object> summary,
        List<Map<String, Object>> items) {}
