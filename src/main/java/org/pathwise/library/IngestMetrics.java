package org.pathwise.library;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** Counts ingested documents by outcome ({@code pathwise.ingest.documents}) and indexed passages. */
@Component
class IngestMetrics implements IngestListener {

    private final MeterRegistry meters;

    IngestMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void processed(IngestResult result) {
        var outcome = switch (result) {
            case IngestResult.Indexed indexed -> {
                meters.counter("pathwise.ingest.passages").increment(indexed.passages());
                yield "indexed";
            }
            case IngestResult.Unchanged unchanged -> "unchanged";
            case IngestResult.Failed failed -> "failed";
        };
        meters.counter("pathwise.ingest.documents", "outcome", outcome).increment();
    }
}
