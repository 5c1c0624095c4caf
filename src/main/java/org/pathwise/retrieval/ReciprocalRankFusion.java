package org.pathwise.retrieval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, SIGIR 2009): an item's fused score is the sum over the
 * rankings that contain it of {@code 1 / (k + rank)}, with ranks starting at 1 and {@code k = 60} by default.
 *
 * <p>LangChain4j's {@code ReciprocalRankFuser} implements the same formula but returns no scores; search hits need
 * them, so this class keeps them. Ties keep the order in which items were first seen.
 */
final class ReciprocalRankFusion {

    /** The constant recommended by Cormack et al. */
    public static final int DEFAULT_K = 60;

    private final int k;

    public ReciprocalRankFusion(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be >= 1, got " + k);
        }
        this.k = k;
    }

    public ReciprocalRankFusion() {
        this(DEFAULT_K);
    }

    /** An item with its fused score. */
    public record Fused<T>(T item, double score) {}

    /**
     * Fuses rankings, each most relevant first, into one ranking, most relevant first.
     *
     * @param key identifies an item across rankings
     */
    public <T> List<Fused<T>> fuse(List<List<T>> rankings, Function<T, ?> key) {
        var scores = new LinkedHashMap<Object, Double>();
        var items = new LinkedHashMap<Object, T>();
        for (var ranking : rankings) {
            for (int i = 0; i < ranking.size(); i++) {
                var item = ranking.get(i);
                var id = key.apply(item);
                items.putIfAbsent(id, item);
                scores.merge(id, 1.0 / (k + i + 1), Double::sum);
            }
        }
        var fused = new ArrayList<Fused<T>>(scores.size());
        for (Map.Entry<Object, Double> entry : scores.entrySet()) {
            fused.add(new Fused<>(items.get(entry.getKey()), entry.getValue()));
        }
        fused.sort(Comparator.comparingDouble((Fused<T> f) -> f.score()).reversed());
        return fused;
    }
}
