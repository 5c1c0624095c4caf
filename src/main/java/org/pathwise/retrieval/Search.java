package org.pathwise.retrieval;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import org.springframework.stereotype.Component;

/** Searches the passage index and times every search per mode ({@code pathwise.search} metric). */
@Component
public class Search {

    private final PassageIndex index;
    private final MeterRegistry meters;

    Search(PassageIndex index, MeterRegistry meters) {
        this.index = index;
        this.meters = meters;
    }

    /** See {@link PassageIndex#coverage}. */
    public double coverage(String query, List<Passage> passages) {
        return index.coverage(query, passages);
    }

    /** See {@link PassageIndex#embedded}. */
    public List<EmbeddedPassage> embedded(List<Passage> passages) {
        return index.embedded(passages);
    }

    public List<SearchHit> search(SearchRequest request) {
        return Timer.builder("pathwise.search")
                .description("Time to answer one search, query embedding included")
                .tag("mode", request.mode().label())
                .publishPercentileHistogram()
                .register(meters)
                .record(() -> index.search(request));
    }
}
