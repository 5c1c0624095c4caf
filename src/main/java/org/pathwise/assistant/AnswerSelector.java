package org.pathwise.assistant;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.pathwise.retrieval.BlockKind;
import org.pathwise.retrieval.EmbeddedPassage;
import org.pathwise.retrieval.Embedder;
import org.pathwise.retrieval.Passage;
import org.pathwise.retrieval.SearchHit;
import org.pathwise.retrieval.Sentence;
import org.pathwise.retrieval.TextTerms;

/**
 * Chooses what an extractive answer quotes: one answer unit, a run of sentences of one passage that answers the
 * question as a whole, rather than sentences gathered from everywhere.
 *
 * <p>Strategy: the candidates are, in every retrieved passage, each run of one to {@value #MAX_RUN} consecutive
 * sentences of one block of prose (consecutive paragraphs count as one block) or of one list; each whole list, table
 * or set of steps, with the sentence that introduces it; and, for a procedure, a block of code with the sentence that
 * introduces it. Headings, questions and code on their own are never candidates. Each candidate is scored by the
 * cosine similarity of its sentences' stored vectors to the question's vector (the best and the mean), the share of
 * the question's focus terms it holds (and with its passage's headings), how well its shape fits the question's type
 * ({@link QuestionType}: a number for a quantity, a list or steps for a procedure, a definition's "is"), the terms it
 * adds to the question's and the rank of its passage, less a cost for every word past what an answer needs, for
 * sentences that speak of the document itself and for prose that ends announcing what follows; the weights are in
 * {@link #WEIGHTS}. The best candidate is the answer.
 */
final class AnswerSelector {

    static final int MAX_RUN = 4;
    static final int MAX_ITEMS = 12;

    /** What a unit's score weighs. */
    static final List<String> FEATURES = List.of(
            "best_similarity", // the best cosine similarity of one of its sentences to the question
            "mean_similarity", // the mean over its sentences
            "focus", // the share of the question's focus terms it holds
            "focus_in_context", // the same, counting its passage's title and headings
            "new_terms", // its terms that are not the question's, up to 12, over 12: what it adds
            "fit", // how its shape and words fit the question's type
            "rank", // 1 / (1 + the rank of its passage, from 0)
            "excess_words", // tens of words past what an answer needs (70 for prose, 160 for a list)
            "meta", // the share of its sentences that speak of the document itself ("This section…")
            "open_colon", // prose that ends on a colon, announcing what it does not quote
            "passage_similarity"); // the cosine similarity of its passage, with its title and headings, to the question

    /**
     * The weight of each feature in a unit's score, fitted by coordinate ascent (sign-constrained where the sign is
     * known) to maximise the mean content-word F1 of the best unit against the reference answers of the calibration
     * question sets, each set counting alike: 762 answerable questions of {@code sample-library-calibration},
     * {@code carpentries-calibration}, {@code scifact-calibration} and {@code xquad-calibration}.
     */
    static final double[] WEIGHTS = {0.45, 0.5, 0.02, 0.3, 0.1, 1, 0.06, -1, -1, -0.2, 1};

    private static final int PROSE_WORDS = 70;
    private static final int LIST_WORDS = 160;

    private static final Pattern NUMBER = Pattern.compile(
            "\\d|\\b(one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|hundred|half|dozen|un|une|deux"
                    + "|trois|quatre|cinq|six|sept|huit|neuf|dix|cent|moitié|uno|una|dos|tres|cuatro|cinco|seis|siete"
                    + "|ocho|nueve|diez|cien|mitad)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A sentence that speaks of the document rather than its subject: "This section…", "In this episode we…". */
    private static final Pattern META = Pattern.compile(
            "(this|the following|in this|the next|the previous|in the next|in the previous) (section|episode|chapter"
                    + "|lesson|guide|unit|module|exercise|activity|page|part|document)\\b|we will (now )?(discuss|look"
                    + "|cover|see|explore|learn)|(cette|dans cette|la section|ce chapitre|cet épisode|ce guide)\\b"
                    + "|(esta|en esta|este|en este) (sección|capítulo|guía|unidad|lección)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern DEFINES = Pattern.compile(
            "\\b(is|are|means|refers to|describes|est|sont|désigne|signifie|es|son|significa|se refiere a|ist|sind"
                    + "|bedeutet)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern REASONS = Pattern.compile(
            "\\b(because|since|so that|in order to|as a result|therefore|helps?|allows?|reduces?|parce que|car|afin"
                    + " de|pour que|permet|porque|ya que|para que|debido a|permite|weil|damit)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern CONTRASTS = Pattern.compile(
            "\\b(than|whereas|while|unlike|both|instead|rather|but|plus que|moins que|tandis que|alors que|contrairement"
                    + "|más que|menos que|mientras|en cambio|als|während)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ADVISES = Pattern.compile(
            "\\b(should|recommend|better|avoid|must|never|always|doit|devrait|conseill|éviter|debe|debería|conviene|evit"
                    + "|sollte)\\w*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /**
     * A candidate answer: sentences of one passage, in order.
     *
     * @param passage the passage's index in the hits given, from 0
     * @param sentences the indices of its sentences in the passage ({@link Passage#sentences()}), ascending
     * @param shape whether it is prose, a whole list (or table, or steps) or code with its introduction
     * @param score how well it answers, higher is better; comparable only within one selection
     * @param similarity the best cosine similarity of one of its sentences to the question
     * @param focus the share of the question's focus terms it holds, from 0 to 1
     * @param features what its score weighs, in the order of {@link #FEATURES}
     */
    record Unit(
            int passage,
            List<Integer> sentences,
            Shape shape,
            double score,
            double similarity,
            double focus,
            double[] features) {
        Unit {
            sentences = List.copyOf(sentences);
        }
    }

    enum Shape {
        PROSE,
        LIST,
        CODE
    }

    /**
     * What the selector chose for a question.
     *
     * @param type the kind of answer the question asks for
     * @param best the best unit, or {@code null} when no passage holds a sentence an answer can quote
     */
    record Selection(QuestionType type, Unit best) {

        static Selection none(QuestionType type) {
            return new Selection(type, null);
        }
    }

    private final Embedder embedder;

    AnswerSelector(Embedder embedder) {
        this.embedder = embedder;
    }

    /**
     * Selects the answer unit.
     *
     * @param hits the passages a composer may quote, most relevant first
     * @param stored the same passages as the index stores them, with their sentences' vectors; a hit whose text differs
     *     from the stored one (a rule took text out of it) or that is missing gets its sentences embedded now
     */
    Selection select(String question, List<SearchHit> hits, List<EmbeddedPassage> stored) {
        return select(question, question, hits, stored);
    }

    /**
     * Chooses the unit for a question searched in another language: its type is read from the question as asked, the
     * units are compared with the question as searched ({@link org.pathwise.retrieval.Search#searchable}), in the
     * passages' language.
     */
    Selection select(String question, String searched, List<SearchHit> hits, List<EmbeddedPassage> stored) {
        var type = QuestionClassifier.typeOf(question);
        Unit best = null;
        for (var unit : units(searched, type, hits, stored)) {
            if (best == null || unit.score() > best.score()) {
                best = unit;
            }
        }
        return new Selection(type, best);
    }

    /** Every candidate unit of the passages, scored, passage by passage in order. */
    private List<Unit> units(String question, QuestionType type, List<SearchHit> hits, List<EmbeddedPassage> stored) {
        var questionVector = embedder.embedQuery(question);
        var byId = new HashMap<String, EmbeddedPassage>();
        stored.forEach(e -> byId.put(e.passage().id(), e));
        var focusByAnalysis = new HashMap<String, Set<String>>();
        var termsByAnalysis = new HashMap<String, Set<String>>();
        var units = new ArrayList<Unit>();
        for (int p = 0; p < hits.size(); p++) {
            var passage = hits.get(p).passage();
            var passageLanguage = passage.facets().language();
            var analysis = TextTerms.analysis(passageLanguage);
            var scored = new Scoring(
                    p,
                    passage,
                    vectors(passage, byId.get(passage.id())),
                    Embedder.cosine(questionVector, passageVector(passage, byId.get(passage.id()))),
                    questionVector,
                    focusByAnalysis.computeIfAbsent(
                            analysis, key -> QuestionClassifier.focus(question, type, passageLanguage)),
                    termsByAnalysis.computeIfAbsent(analysis, key -> TextTerms.matched(question, passageLanguage)),
                    type);
            for (var candidate : candidates(passage, type)) {
                units.add(scored.unit(candidate.sentences(), candidate.shape()));
            }
        }
        return units;
    }

    private record Candidate(List<Integer> sentences, Shape shape) {}

    /** Every candidate unit of a passage. */
    static List<Candidate> candidates(Passage passage, QuestionType type) {
        var sentences = passage.sentences();
        var candidates = new ArrayList<Candidate>();
        int i = 0;
        while (i < sentences.size()) {
            var kind = sentences.get(i).kind();
            int end = i;
            while (end + 1 < sentences.size() && sameRun(sentences.get(end), sentences.get(end + 1))) {
                end++;
            }
            if (kind.itemised()) {
                var list = new ArrayList<Integer>();
                int lead = leadIn(passage, i);
                if (lead >= 0) {
                    list.add(lead);
                }
                var items = new HashSet<Integer>();
                for (int s = i;
                        s <= end
                                && (items.size() < MAX_ITEMS
                                        || items.contains(sentences.get(s).item()));
                        s++) {
                    items.add(sentences.get(s).item());
                    if (!isQuestion(passage, s)) {
                        list.add(s);
                    }
                }
                if (list.size() > (lead >= 0 ? 1 : 0)) {
                    candidates.add(new Candidate(list, Shape.LIST));
                }
            }
            if (kind == BlockKind.CODE) {
                int lead = leadIn(passage, i);
                if (lead >= 0 && type == QuestionType.PROCEDURE) {
                    candidates.add(new Candidate(List.of(lead, i), Shape.CODE));
                }
            } else if (kind.prose()) {
                for (int from = i; from <= end; from++) {
                    for (int to = from; to <= end && to < from + MAX_RUN && !isQuestion(passage, to); to++) {
                        candidates.add(new Candidate(range(from, to), Shape.PROSE));
                    }
                }
            }
            i = end + 1;
        }
        return candidates;
    }

    /** Whether two consecutive sentences belong to one run: one block, or two paragraphs, or two quotations. */
    private static boolean sameRun(Sentence a, Sentence b) {
        if (a.block() == b.block()) {
            return true;
        }
        return a.kind() == b.kind() && (a.kind() == BlockKind.PARAGRAPH || a.kind() == BlockKind.QUOTE);
    }

    /** The sentence that introduces the block starting at {@code first}: the prose sentence just before it, or -1. */
    private static int leadIn(Passage passage, int first) {
        if (first == 0) {
            return -1;
        }
        var before = passage.sentences().get(first - 1);
        if (before.kind() != BlockKind.PARAGRAPH || isQuestion(passage, first - 1)) {
            return -1;
        }
        return first - 1;
    }

    private static boolean isQuestion(Passage passage, int sentence) {
        return Sentence.isQuestion(passage.sentence(sentence));
    }

    private static List<Integer> range(int from, int to) {
        var range = new ArrayList<Integer>(to - from + 1);
        for (int i = from; i <= to; i++) {
            range.add(i);
        }
        return range;
    }

    /** The vector of a passage with its context: the stored one, or computed now when the stored text differs. */
    private float[] passageVector(Passage passage, EmbeddedPassage stored) {
        if (stored != null && stored.passage().text().equals(passage.text())) {
            return stored.vector();
        }
        return embedder.embedPassage(passage.textWithContext());
    }

    /** The vectors of a passage's sentences: those stored, or computed now when the stored text differs. */
    private List<float[]> vectors(Passage passage, EmbeddedPassage stored) {
        if (stored != null && stored.passage().text().equals(passage.text())) {
            var vectors = new ArrayList<float[]>(passage.sentences().size());
            for (int i = 0; i < passage.sentences().size(); i++) {
                vectors.add(stored.sentenceVector(i));
            }
            return vectors;
        }
        return EmbeddedPassage.sentenceVectors(passage, embedder);
    }

    /** Scores candidate units of one passage. */
    private static final class Scoring {
        private final int index;
        private final Passage passage;
        private final List<float[]> vectors;
        private final double passageSimilarity;
        private final float[] question;
        private final Set<String> focus;
        private final QuestionType type;
        private final Map<Integer, Set<String>> terms = new HashMap<>();
        private final Set<String> contextTerms;
        private final Set<String> questionTerms;

        Scoring(
                int index,
                Passage passage,
                List<float[]> vectors,
                double passageSimilarity,
                float[] question,
                Set<String> focus,
                Set<String> questionTerms,
                QuestionType type) {
            this.index = index;
            this.passage = passage;
            this.vectors = vectors;
            this.passageSimilarity = passageSimilarity;
            this.question = question;
            this.focus = focus;
            this.type = type;
            this.questionTerms = questionTerms;
            this.contextTerms = TextTerms.matched(
                    passage.facets().title() + " " + String.join(" ", passage.headingPath()),
                    passage.facets().language());
        }

        Unit unit(List<Integer> sentences, Shape shape) {
            var features = features(sentences, shape);
            double score = 0;
            for (int i = 0; i < WEIGHTS.length; i++) {
                score += WEIGHTS[i] * features[i];
            }
            return new Unit(index, sentences, shape, score, features[0], features[2], features);
        }

        /** A unit's features, in the order of {@link #FEATURES}. */
        double[] features(List<Integer> sentences, Shape shape) {
            double best = 0;
            double sum = 0;
            int measured = 0;
            int meta = 0;
            var held = new HashSet<String>();
            var text = new StringBuilder();
            int words = 0;
            String last = "";
            for (int s : sentences) {
                var sentence = passage.sentences().get(s);
                var content = sentence.in(passage.text());
                text.append(content).append(' ');
                words += content.split("\\s+").length;
                held.addAll(terms.computeIfAbsent(
                        s, k -> TextTerms.matched(content, passage.facets().language())));
                if (sentence.kind() != BlockKind.CODE) {
                    double similarity = Embedder.cosine(question, vectors.get(s));
                    best = Math.max(best, similarity);
                    sum += similarity;
                    measured++;
                }
                if (META.matcher(content).lookingAt()) {
                    meta++;
                }
                last = content;
            }
            double mean = measured == 0 ? 0 : sum / measured;
            var withContext = new HashSet<>(held);
            withContext.addAll(contextTerms);
            var novel = new HashSet<>(held);
            novel.removeAll(questionTerms);
            int allowed = shape == Shape.PROSE ? PROSE_WORDS : LIST_WORDS;
            return new double[] {
                best,
                mean,
                share(held),
                share(withContext),
                Math.min(1, novel.size() / 12.0),
                fit(shape, text.toString(), sentences.size()),
                1.0 / (1 + index),
                Math.max(0, words - allowed) / 10.0,
                (double) meta / sentences.size(),
                shape == Shape.PROSE && last.endsWith(":") ? 1 : 0,
                passageSimilarity
            };
        }

        private double share(Set<String> held) {
            if (focus.isEmpty()) {
                return 0;
            }
            return (double) focus.stream().filter(held::contains).count() / focus.size();
        }

        /** How well a unit's shape and words fit the kind of answer asked for. */
        private double fit(Shape shape, String text, int sentences) {
            return switch (type) {
                case QUANTITY -> NUMBER.matcher(text).find() ? 0.12 : 0;
                case PROCEDURE ->
                    switch (shape) {
                        case LIST -> 0.1;
                        case CODE -> 0.08;
                        case PROSE -> 0;
                    };
                case LIST -> shape == Shape.LIST ? 0.12 : 0;
                case DEFINITION ->
                    (shape == Shape.PROSE && DEFINES.matcher(text).find() ? 0.06 : 0)
                            - (shape == Shape.LIST ? 0.05 : 0);
                case REASON -> REASONS.matcher(text).find() ? 0.06 : 0;
                case COMPARISON -> CONTRASTS.matcher(text).find() ? 0.06 : 0;
                case YES_NO -> (ADVISES.matcher(text).find() ? 0.03 : 0) + (sentences <= 2 ? 0.02 : 0);
                case CHOICE, OTHER -> 0;
            };
        }
    }
}
