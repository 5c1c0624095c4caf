package org.pathwise.library;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the library ({@code pathwise.library.*}).
 *
 * @param maxFileSize the largest file ingestion accepts
 * @param minPassageTokens a passage ends at a section boundary once it has this many tokens
 * @param maxPassageTokens no passage has more tokens than this
 * @param overlapTokens at most this many tokens of a passage are repeated at the start of the next
 * @param batchPassages passages embedded and committed together
 * @param sampleLibrary whether the bundled sample library is ingested when the library is empty at start-up
 */
@ConfigurationProperties("pathwise.library")
public record LibraryProperties(
        @DefaultValue("50MB") DataSize maxFileSize,
        @DefaultValue("200") int minPassageTokens,
        @DefaultValue("400") int maxPassageTokens,
        @DefaultValue("40") int overlapTokens,
        @DefaultValue("64") int batchPassages,
        @DefaultValue("true") boolean sampleLibrary) {

    public LibraryProperties {
        if (batchPassages < 1) {
            throw new IllegalArgumentException("pathwise.library.batch-passages must be >= 1, got " + batchPassages);
        }
    }
}
