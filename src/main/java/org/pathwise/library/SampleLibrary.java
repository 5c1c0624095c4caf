package org.pathwise.library;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Ingests the sample library bundled in the jar when the service starts with an empty library, so that a new
 * installation can be searched at once. It is copied to {@code <data-dir>/sample-library} first, so sources are paths
 * relative to that folder.
 */
@ConditionalOnWebApplication
@Component
class SampleLibrary {

    private static final Logger log = LoggerFactory.getLogger(SampleLibrary.class);
    private static final String LOCATION = "sample-library";

    private final Library library;
    private final LibraryProperties properties;
    private final IngestMetrics metrics;
    private final Path dataDir;

    SampleLibrary(
            Library library,
            LibraryProperties properties,
            IngestMetrics metrics,
            @Value("${pathwise.data-dir}") Path dataDir) {
        this.library = library;
        this.properties = properties;
        this.metrics = metrics;
        this.dataDir = dataDir;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ingestWhenEmpty() {
        if (!properties.sampleLibrary() || library.size() > 0) {
            return;
        }
        var folder = extract(dataDir.resolve(LOCATION));
        var report = library.ingest(folder, true, metrics);
        log.info(
                "Ingested the sample library: {} documents, {} passages, {} failed",
                report.indexed().size(),
                report.passages(),
                report.failed().size());
    }

    /** Copies the bundled sample library to {@code target} and returns it. */
    static Path extract(Path target) {
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            for (var resource : resolver.getResources("classpath*:" + LOCATION + "/**/*.*")) {
                var url = resource.getURL().toString();
                var relative = url.substring(url.lastIndexOf(LOCATION + "/") + LOCATION.length() + 1);
                var file = target.resolve(relative).normalize();
                if (!file.startsWith(target)) {
                    continue;
                }
                Files.createDirectories(file.getParent());
                try (var in = resource.getInputStream()) {
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("can't extract the sample library: " + e.getMessage(), e);
        }
    }
}
