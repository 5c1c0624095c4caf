package org.pathwise.retrieval;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Searches the passage index and times every search per mode ({@code pathwise.search} metric).
 *
 * <p>A question in a language the library is not written in is searched as its dictionary translations into the
 * library's languages ({@link DictionaryTranslator}) instead of as it is, their rankings fused by
 * {@link ReciprocalRankFusion}. The words a dictionary lacks, often names and numbers, stay in the translation as they
 * are written. The question as it is is left out: an English embedding model places a Spanish or Arabic question
 * almost at random, and on XQuAD's calibration questions fusing its ranking with the translation's lowered the
 * expected paragraph in the top 5 from 0.90 to 0.84 for Spanish and from 0.79 to 0.31 for Arabic. Semantic rankings
 * are merged by their cosine similarities instead, which share one scale.
 */
@Component
public class Search {

    /** Hits taken from each ranking before fusing the question's and its translations'. */
    private static final int FUSION_DEPTH = 30;

    /**
     * The least share of the index's passages that makes a language one of the library's: a few passages detected in
     * a language by mistake must not stop questions in it from being translated.
     */
    static final double LIBRARY_LANGUAGE_SHARE = 0.05;

    /** The translations of the last questions: one question is searched several times in a row. */
    private final com.github.benmanes.caffeine.cache.Cache<String, List<DictionaryTranslator.Translation>>
            translations = Caffeine.newBuilder()
                    .maximumSize(1_000)
                    .expireAfterWrite(Duration.ofSeconds(30))
                    .build();

    /** The library's languages, counted again at most this often. */
    private final LoadingCache<String, List<String>> libraryLanguages;

    private final PassageIndex index;
    private final MeterRegistry meters;
    private final DictionaryTranslator translator;
    private final ReciprocalRankFusion fusion = new ReciprocalRankFusion();

    Search(PassageIndex index, MeterRegistry meters, DictionaryTranslator translator) {
        this.index = index;
        this.meters = meters;
        this.translator = translator;
        this.libraryLanguages = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofSeconds(30))
                .build(key -> libraryLanguages(index.languages()));
    }

    /** The languages that hold at least {@link #LIBRARY_LANGUAGE_SHARE} of the passages, most passages first. */
    static List<String> libraryLanguages(Map<String, Long> passagesPerLanguage) {
        long total =
                passagesPerLanguage.values().stream().mapToLong(Long::longValue).sum();
        return passagesPerLanguage.entrySet().stream()
                .filter(e -> !e.getKey().equals("und") && e.getValue() >= LIBRARY_LANGUAGE_SHARE * total)
                .map(Map.Entry::getKey)
                .toList();
    }

    private List<DictionaryTranslator.Translation> translate(String query) {
        return translations.get(query, q -> translator.translate(q, libraryLanguages.get(""), index::known));
    }

    /**
     * See {@link PassageIndex#coverage}; for a question with dictionary translations, the best coverage of the
     * question and its translations.
     */
    public double coverage(String query, List<Passage> passages) {
        double coverage = index.coverage(query, passages);
        for (var translation : translate(query)) {
            coverage = Math.max(coverage, index.coverage(translation.text(), passages));
        }
        return coverage;
    }

    /**
     * The question as search reads it: its first translation into the library's languages when it is written in none
     * of them ({@link DictionaryTranslator}), else the question itself. What compares a question with passages'
     * sentences should compare this.
     */
    public String searchable(String query) {
        var translations = translate(query);
        return translations.isEmpty() ? query : translations.getFirst().closest();
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
                .record(() -> searchAcrossLanguages(request));
    }

    private List<SearchHit> searchAcrossLanguages(SearchRequest request) {
        var translations = translate(request.query());
        if (translations.isEmpty()) {
            return index.search(request);
        }
        if (translations.size() == 1) {
            return index.search(request.withQuery(translations.getFirst().text(), request.k()));
        }
        int depth = Math.max(request.k(), FUSION_DEPTH);
        var rankings = new ArrayList<List<SearchHit>>();
        for (var translation : translations) {
            rankings.add(index.search(request.withQuery(translation.text(), depth)));
        }
        if (request.mode() == SearchMode.SEMANTIC) {
            // cosine similarities of the question and of its translations are on one scale: the best one counts
            var best = new LinkedHashMap<String, SearchHit>();
            rankings.forEach(ranking -> ranking.forEach(
                    hit -> best.merge(hit.passage().id(), hit, (a, b) -> b.score() > a.score() ? b : a)));
            return best.values().stream()
                    .sorted(Comparator.comparingDouble(SearchHit::score).reversed())
                    .limit(request.k())
                    .toList();
        }
        return fusion.fuse(rankings, hit -> hit.passage().id()).stream()
                .limit(request.k())
                .map(fused -> new SearchHit(
                        fused.item().passage(), fused.score(), fused.item().snippet()))
                .toList();
    }
}
