package org.pathwise.assistant;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.pathwise.retrieval.Embedder;
import org.pathwise.retrieval.SearchHit;
import org.pathwise.retrieval.TextTerms;

/**
 * The offline composer: answers with the sentences of the retrieved passages that best answer the question, word for
 * word, each followed by the marker of its passage. It never writes a word that is not in a source.
 *
 * <p>Strategy: every sentence of the passages is scored by term overlap with the question (after the language's
 * stemming), the rank of its passage and its position in the passage; the best {@value #SHORTLIST} are then scored
 * again with the cosine similarity of their embedding to the question's. The best sentences (at most two a passage,
 * {@code maxSentences} and {@code maxWords} in all, none much weaker than the best) are put back in reading order:
 * by passage rank, then by position. Sentences in the question's language are preferred, so that the answer is in the
 * question's language where the sources allow.
 */
final class ExtractiveComposer implements Composer {

    static final int SHORTLIST = 3;

    /**
     * Only a sentence's first words are embedded: enough to place it, and embedding time grows with length (on 2
     * cores a 30-word sentence takes about 17 ms).
     */
    static final int EMBEDDED_WORDS = 24;

    private static final int MIN_WORDS = 4;
    private static final int MAX_SENTENCE_WORDS = 80;
    private static final double KEEP_RATIO = 0.75;

    private static final int CACHED_SENTENCES = 4096;

    private final Embedder embedder;
    private final java.util.Map<String, float[]> cache =
            java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, float[]> eldest) {
                    return size() > CACHED_SENTENCES;
                }
            });
    private final int maxSentences;
    private final int maxWords;

    ExtractiveComposer(Embedder embedder, int maxSentences, int maxWords) {
        this.embedder = embedder;
        this.maxSentences = maxSentences;
        this.maxWords = maxWords;
    }

    @Override
    public String name() {
        return "extractive";
    }

    @Override
    public String model() {
        return "";
    }

    @Override
    public String prompt() {
        return "";
    }

    private record Sentence(int passage, int position, String text, String language, double lexical) {}

    private record Scored(Sentence sentence, double score) {}

    @Override
    public Composition compose(String question, String language, List<SearchHit> passages) {
        var questionTerms = new HashMap<String, Set<String>>();
        var sentences = new ArrayList<Sentence>();
        for (int p = 0; p < passages.size(); p++) {
            var passageLanguage = passages.get(p).passage().facets().language();
            var terms = questionTerms.computeIfAbsent(passageLanguage, l -> TextTerms.of(question, l));
            var split = sentences(passages.get(p).passage().text(), passageLanguage);
            for (int s = 0; s < split.size(); s++) {
                var text = split.get(s);
                int words = text.split("\\s+").length;
                if (words < MIN_WORDS || words > MAX_SENTENCE_WORDS) {
                    continue;
                }
                var sentenceTerms = TextTerms.of(text, passageLanguage);
                long shared = terms.stream().filter(sentenceTerms::contains).count();
                double overlap = terms.isEmpty() ? 0 : (double) shared / terms.size();
                sentences.add(new Sentence(p, s, text, passageLanguage, overlap));
            }
        }
        if (sentences.isEmpty()) {
            return new Composition("", "", name(), "", "");
        }
        var shortlist = sentences.stream()
                .map(s -> new Scored(s, 0.6 * s.lexical() + prior(s, language)))
                .sorted(Comparator.comparingDouble(Scored::score).reversed())
                .limit(SHORTLIST)
                .toList();
        var questionVector = embedder.embedQuery(question);
        var vectors = vectors(shortlist.stream().map(s -> s.sentence().text()).toList());
        var rescored = new ArrayList<Scored>();
        for (int i = 0; i < shortlist.size(); i++) {
            var sentence = shortlist.get(i).sentence();
            double similarity = Embedder.cosine(questionVector, vectors.get(i));
            rescored.add(
                    new Scored(sentence, 0.55 * similarity + 0.3 * sentence.lexical() + prior(sentence, language)));
        }
        rescored.sort(Comparator.comparingDouble(Scored::score).reversed());
        var chosen = new ArrayList<Sentence>();
        var perPassage = new HashMap<Integer, Integer>();
        int words = 0;
        double best = rescored.getFirst().score();
        for (var candidate : rescored) {
            var sentence = candidate.sentence();
            int length = sentence.text().split("\\s+").length;
            if (chosen.size() == maxSentences) {
                break;
            }
            if (!chosen.isEmpty() && (candidate.score() < KEEP_RATIO * best || words + length > maxWords)) {
                continue;
            }
            if (perPassage.getOrDefault(sentence.passage(), 0) == 2 || duplicates(sentence, chosen)) {
                continue;
            }
            chosen.add(sentence);
            perPassage.merge(sentence.passage(), 1, Integer::sum);
            words += length;
        }
        chosen.sort(Comparator.comparingInt(Sentence::passage).thenComparingInt(Sentence::position));
        var answer = new StringBuilder();
        for (var sentence : chosen) {
            if (!answer.isEmpty()) {
                answer.append(' ');
            }
            answer.append(sentence.text())
                    .append(" [")
                    .append(sentence.passage() + 1)
                    .append(']');
        }
        return new Composition(answer.toString(), "", name(), "", "");
    }

    /**
     * The sentences' embeddings. The library's sentences recur from one question to the next, so their vectors are
     * kept (up to {@value #CACHED_SENTENCES}); only new sentences are embedded.
     */
    private List<float[]> vectors(List<String> sentences) {
        var missing =
                sentences.stream().filter(s -> !cache.containsKey(s)).distinct().toList();
        if (!missing.isEmpty()) {
            var computed = embedder.embedPassages(
                    missing.stream().map(ExtractiveComposer::head).toList());
            for (int i = 0; i < missing.size(); i++) {
                cache.put(missing.get(i), computed.get(i));
            }
        }
        return sentences.stream()
                .map(s -> {
                    var vector = cache.get(s);
                    return vector != null ? vector : embedder.embedPassage(s);
                })
                .toList();
    }

    private static String head(String sentence) {
        var words = sentence.split("\\s+");
        return words.length <= EMBEDDED_WORDS
                ? sentence
                : String.join(" ", java.util.Arrays.copyOf(words, EMBEDDED_WORDS));
    }

    /** Prefers sentences of better-ranked passages, earlier in their passage, in the question's language. */
    private static double prior(Sentence sentence, String questionLanguage) {
        double rank = 0.1 / (1 + sentence.passage());
        double position = 0.05 / (1 + sentence.position());
        double language = sameLanguage(sentence.language(), questionLanguage) ? 0.1 : 0;
        return rank + position + language;
    }

    private static boolean sameLanguage(String a, String b) {
        return a.split("-")[0].equalsIgnoreCase(b.split("-")[0]);
    }

    private static boolean duplicates(Sentence sentence, List<Sentence> chosen) {
        return chosen.stream()
                .anyMatch(c ->
                        c.text().contains(sentence.text()) || sentence.text().contains(c.text()));
    }

    /**
     * The passage's sentences, verbatim but for surrounding white space and list bullets; a line break ends a
     * sentence, so list items and headings stay apart.
     */
    static List<String> sentences(String text, String language) {
        var result = new ArrayList<String>();
        var iterator = BreakIterator.getSentenceInstance(Locale.forLanguageTag(language));
        for (var line : text.split("\\n+")) {
            var trimmed = line.strip().replaceFirst("^([-*+]|\\d+[.)])\\s+", "");
            iterator.setText(trimmed);
            int start = iterator.first();
            for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
                var sentence = trimmed.substring(start, end).strip();
                if (!sentence.isEmpty()) {
                    result.add(sentence);
                }
            }
        }
        return result;
    }
}
