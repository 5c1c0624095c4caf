package org.pathwise.library;

/** Follows an ingestion run, for progress bars and metrics. */
interface IngestListener {

    IngestListener NONE = new IngestListener() {};

    /** The run found {@code documents} files to consider. */
    default void started(int documents) {}

    /** One document's outcome is final (indexed results only once their passages are committed). */
    default void processed(IngestResult result) {}
}
