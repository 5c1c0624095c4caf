package org.pathwise.library;

import java.nio.file.Path;
import java.util.List;
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
 * @param ingestRoots the folders under which {@code POST /api/ingest} may ingest (the {@code ingest} command, run by
 *     an operator on the machine, is not limited); none: the API ingests no folder
 */
@ConfigurationProperties("pathwise.library")
record LibraryProperties(
        @DefaultValue("50MB") DataSize maxFileSize,
        @DefaultValue("200") int minPassageTokens,
        @DefaultValue("400") int maxPassageTokens,
        @DefaultValue("40") int overlapTokens,
        @DefaultValue("64") int batchPassages,
        @DefaultValue("true") boolean sampleLibrary,
        @DefaultValue List<Path> ingestRoots) {

    public LibraryProperties {
        ingestRoots = List.copyOf(ingestRoots);
        if (batchPassages < 1) {
            throw new IllegalArgumentException("pathwise.library.batch-passages must be >= 1, got " + batchPassages);
        }
    }

    /**
     * Whether {@code folder} lies under one of the ingest roots. Links are resolved on both sides first, so a link
     * inside a root that points elsewhere does not count as inside it.
     */
    public boolean isIngestRoot(Path folder) {
        var target = real(folder);
        return ingestRoots.stream().map(LibraryProperties::real).anyMatch(target::startsWith);
    }

    private static Path real(Path path) {
        var absolute = path.toAbsolutePath().normalize();
        try {
            return absolute.toRealPath();
        } catch (java.io.IOException e) {
            return absolute;
        }
    }
}
