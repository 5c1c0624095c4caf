package org.pathwise.library;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A document of the library.
 *
 * @param id stable id derived from the source
 * @param source path relative to the folder it was ingested from, or the uploaded file name
 * @param metadata its OER metadata
 * @param mediaType the detected media type, for example {@code text/markdown}
 * @param sizeBytes the file's size
 * @param contentHash SHA-256 of the file and of the metadata given beside it, hex
 * @param passages how many passages it was split into
 * @param ingestedAt when it was last indexed
 */
public record LibraryDocument(
        String id,
        String source,
        DocumentMetadata metadata,
        String mediaType,
        long sizeBytes,
        String contentHash,
        int passages,
        Instant ingestedAt,
        List<String> warnings) {

    public LibraryDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(ingestedAt, "ingestedAt");
        warnings = List.copyOf(warnings);
    }
}
