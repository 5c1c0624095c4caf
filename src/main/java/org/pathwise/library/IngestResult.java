package org.pathwise.library;

/** What happened to one document in an ingestion run. */
sealed interface IngestResult {

    /** The document's source: its path relative to the ingested folder, or the uploaded file name. */
    String source();

    /** The document was new or had changed, and its passages are now in the index. */
    record Indexed(String source, String documentId, int passages, boolean replaced) implements IngestResult {}

    /** The document's content and metadata had not changed since it was last ingested. */
    record Unchanged(String source, String documentId) implements IngestResult {}

    /** The document could not be ingested; nothing of it is in the index. */
    record Failed(String source, IngestFailure failure) implements IngestResult {}
}
