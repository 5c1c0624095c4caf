package org.pathwise.guardrails;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * Keeps only the sentences of an answer that a cited passage supports. A sentence is supported when at least
 * {@code minOverlap} of its content words occur in one of the passages it cites (or, for a sentence without a marker,
 * in any cited passage). Sentences of fewer than {@link #MIN_WORDS} content words (a transition, "In short:") are
 * kept as they are. A sentence that fails the word test (a paraphrase, or an answer in another language than its
 * passages) is supported when its semantic similarity to a cited passage reaches {@code minSimilarity}. The rail
 * removes the other sentences and reports how many; when none is left the answer is empty and the assistant abstains.
 * {@link #grounding} gives the same judgement without changing the answer, for evaluation.
 *
 * <p>Serves the UNESCO Guidance for generative AI in education and research (2023) on accuracy and the EU AI Act,
 * Article 13 (transparency): an answer states only what its sources say.
 */
final class GroundingRail implements RuleSet.Rule {

    static final String RULE = "unsupported-sentences";
    static final int MIN_WORDS = 3;
    static final double DEFAULT_MIN_OVERLAP = 0.5;
    static final double DEFAULT_MIN_SIMILARITY = 0.8;
    private static final java.util.regex.Pattern MARKER = java.util.regex.Pattern.compile("\\[(\\d{1,6})]");

    /** The semantic similarity of a sentence to a passage, in [-1, 1]. */
    interface Similarity {
        double between(String sentence, String passage);
    }

    private final double minOverlap;
    private final double minSimilarity;
    private final Similarity similarity;

    /**
     * @param minOverlap the share of a sentence's content words a passage must hold, in (0, 1]
     * @param minSimilarity the semantic similarity that supports a sentence the word test missed
     * @param similarity how to measure it, or {@code null} for the word test alone
     */
    GroundingRail(double minOverlap, double minSimilarity, Similarity similarity) {
        if (!(minOverlap > 0 && minOverlap <= 1)) {
            throw new IllegalArgumentException("min_overlap must be in (0, 1], got " + minOverlap);
        }
        if (!(minSimilarity > 0 && minSimilarity <= 1)) {
            throw new IllegalArgumentException("min_similarity must be in (0, 1], got " + minSimilarity);
        }
        this.minOverlap = minOverlap;
        this.minSimilarity = minSimilarity;
        this.similarity = similarity;
    }

    /** The check with its default settings, judging sentences by their words alone. */
    static GroundingRail wordsOnly() {
        return new GroundingRail(DEFAULT_MIN_OVERLAP, DEFAULT_MIN_SIMILARITY, null);
    }

    @Override
    public Screening apply(Screening screening) {
        if (screening.sources().isEmpty()) {
            return screening;
        }
        var kept = new StringBuilder();
        var removed = new ArrayList<String>();
        var sentences = Sentences.splitAnswer(screening.text());
        var judged = judge(sentences, screening.sources());
        for (int i = 0; i < sentences.size(); i++) {
            if (judged.get(i) == Support.UNSUPPORTED) {
                removed.add(Sentences.withoutMarkers(sentences.get(i)));
            } else {
                kept.append(sentences.get(i));
            }
        }
        if (removed.isEmpty()) {
            return screening;
        }
        var excerpt = removed.getFirst();
        excerpt = excerpt.length() > 80 ? excerpt.substring(0, 80) + "…" : excerpt;
        return screening.with(
                kept.toString().strip(),
                new Verdict(
                        RULE,
                        Verdict.Action.REDACT,
                        removed.size() + " unsupported sentence(s) removed",
                        "",
                        Verdict.Severity.LOW,
                        removed.size() + " of "
                                + sentences.size() + " sentences unsupported, first: \""
                                + excerpt + "\""));
    }

    /**
     * How the check judges an answer's sentences against the passages they cite, without changing the answer; with no
     * passage, every sentence long enough to judge is unsupported.
     */
    Grounding grounding(String answer, List<Screening.Source> sources) {
        var sentences = Sentences.splitAnswer(answer);
        var judged = judge(sentences, sources);
        int supported =
                (int) judged.stream().filter(s -> s == Support.SUPPORTED).count();
        int unsupported =
                (int) judged.stream().filter(s -> s == Support.UNSUPPORTED).count();
        return new Grounding(sentences.size(), supported + unsupported, supported);
    }

    /** What the check made of one sentence. */
    private enum Support {
        SUPPORTED,
        UNSUPPORTED,
        /** Too few content words to hold a claim: kept as it is. */
        TOO_SHORT
    }

    private List<Support> judge(List<String> sentences, List<Screening.Source> sources) {
        var words = new java.util.HashMap<Integer, java.util.Set<String>>();
        for (var source : sources) {
            words.put(source.marker(), Sentences.contentWords(source.passage()));
        }
        return sentences.stream().map(s -> support(s, sources, words)).toList();
    }

    private Support support(
            String sentence,
            List<Screening.Source> sources,
            java.util.Map<Integer, java.util.Set<String>> passageWords) {
        var words = Sentences.contentWords(Sentences.withoutMarkers(sentence));
        if (words.size() < MIN_WORDS) {
            return Support.TOO_SHORT;
        }
        var cited = new HashSet<Integer>();
        var markers = MARKER.matcher(sentence);
        while (markers.find()) {
            cited.add(Integer.parseInt(markers.group(1)));
        }
        for (var source : sources) {
            if (!cited.isEmpty() && !cited.contains(source.marker())) {
                continue;
            }
            var passage = passageWords.get(source.marker());
            long shared = words.stream().filter(passage::contains).count();
            if (shared >= minOverlap * words.size()) {
                return Support.SUPPORTED;
            }
        }
        if (similarity == null) {
            return Support.UNSUPPORTED;
        }
        var plain = Sentences.withoutMarkers(sentence);
        for (var source : sources) {
            if ((cited.isEmpty() || cited.contains(source.marker()))
                    && similarity.between(plain, source.passage()) >= minSimilarity) {
                return Support.SUPPORTED;
            }
        }
        return Support.UNSUPPORTED;
    }
}
