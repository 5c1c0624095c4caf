package org.pathwise.guardrails;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.pathwise.retrieval.Embedder;
import org.pathwise.stats.LogisticRegression;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trained part of {@link PromptInjectionDetector}: a logistic regression over a question's embedding, its
 * decision threshold, and how it was trained, as stored in {@value #RESOURCE}.
 *
 * @param embeddingModel the {@link Embedder#modelId()} the weights were trained on; other models' vectors mean nothing
 *     to them
 * @param features how the question is embedded: {@value #QUERY_EMBEDDING} ({@link Embedder#embedQuery}, with the
 *     model's query instruction) or {@value #PASSAGE_EMBEDDING} ({@link Embedder#embedPassage}, with its passage
 *     instruction) or {@value #BOTH_EMBEDDINGS} (the two, one after the other); for a model with the same prefix for
 *     both, as the bundled one, the first two are the same vector, and the search that follows reuses it
 * @param weights one weight per dimension of the embedding
 * @param bias the intercept
 * @param threshold the probability from which a question counts as an injection, in (0, 1]
 * @param training how the model was trained and what cross-validation measured
 * @param languages the languages (BCP 47, as {@link org.pathwise.retrieval.LanguageDetector} names them) in which the
 *     classifier decides: those its training data held enough injections and ordinary texts of; the detector leaves a
 *     question in any other language, or of no detectable language, to its phrases and encodings. Empty: every
 *     language, as classifiers trained before this field existed did
 * @param wordBuckets how many hashed word features follow the embedding ({@link #words}), 0 for none
 * @param languageThresholds higher thresholds for the languages whose ordinary questions the classifier scores higher
 *     than others (chosen by the training command, {@code train-injection-classifier}); any other language has {@code threshold}
 */
record InjectionClassifier(
        String embeddingModel,
        String features,
        double[] weights,
        double bias,
        double threshold,
        Training training,
        List<String> languages,
        int wordBuckets,
        Map<String, Double> languageThresholds) {

    /** The bundled model, on the class path. */
    static final String RESOURCE = "/guardrails/prompt-injection-classifier.json";

    static final String QUERY_EMBEDDING = "query-embedding";
    static final String PASSAGE_EMBEDDING = "passage-embedding";
    static final String BOTH_EMBEDDINGS = "query-and-passage-embeddings";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // a classifier written before wordBuckets existed has none
            .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /**
     * How the model was trained.
     *
     * @param data the training file's name, and its source and licence when given
     * @param examples how many labelled texts it had
     * @param positives how many of them were injections
     * @param folds the number of cross-validation folds
     * @param seed the seed of the fold split
     * @param l2 the penalty chosen by cross-validation
     * @param balanced whether both classes were weighted equally
     * @param cascade whether only the texts that the phrases and encodings let through were used
     * @param crossValidation what nested cross-validation measured, by name
     */
    record Training(
            String data,
            int examples,
            int positives,
            int folds,
            long seed,
            double l2,
            boolean balanced,
            boolean cascade,
            Map<String, Map<String, Object>> crossValidation) {

        Training {
            crossValidation = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(crossValidation));
        }
    }

    InjectionClassifier {
        if (embeddingModel == null || embeddingModel.isBlank()) {
            throw new IllegalArgumentException("embeddingModel must not be blank");
        }
        if (!List.of(QUERY_EMBEDDING, PASSAGE_EMBEDDING, BOTH_EMBEDDINGS).contains(features)) {
            throw new IllegalArgumentException("features must be " + QUERY_EMBEDDING + ", " + PASSAGE_EMBEDDING + " or "
                    + BOTH_EMBEDDINGS + ", got " + features);
        }
        if (weights == null || weights.length == 0) {
            throw new IllegalArgumentException("weights must not be empty");
        }
        weights = weights.clone();
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
        }
        if (training == null) {
            throw new IllegalArgumentException("training must not be null");
        }
        languages = languages == null ? List.of() : List.copyOf(languages);
        if (wordBuckets < 0) {
            throw new IllegalArgumentException("wordBuckets must be >= 0, got " + wordBuckets);
        }
        languageThresholds = languageThresholds == null
                ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(languageThresholds));
        languageThresholds.forEach((language, value) -> {
            if (!(value >= threshold && value <= 1)) {
                throw new IllegalArgumentException(
                        "the threshold for " + language + " must be in [threshold, 1], got " + value);
            }
        });
    }

    /** The decision threshold for a question in this language. */
    double threshold(String language) {
        return languageThresholds.getOrDefault(language, threshold);
    }

    /** Whether the classifier decides on a question in this language. */
    boolean decidesIn(String language) {
        return languages.isEmpty() || languages.contains(language);
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** The bundled classifier. */
    static InjectionClassifier bundled() {
        try (var in = InjectionClassifier.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return read(in, RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException("can't read " + RESOURCE, e);
        }
    }

    /** Reads a classifier written by {@link #write}. */
    static InjectionClassifier read(InputStream in, String name) {
        try {
            return JSON.readValue(in, InjectionClassifier.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(
                    name + ": not a prompt-injection classifier: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A classifier given as the fields of its JSON form, checked as {@link #read} checks it.
     *
     * @throws IllegalArgumentException when a field is missing or out of range
     */
    static InjectionClassifier of(Map<String, Object> fields) {
        try {
            return JSON.convertValue(fields, InjectionClassifier.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not a prompt-injection classifier: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes the classifier as JSON, creating the folder when needed. */
    void write(Path file) throws IOException {
        var parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.writeString(file, JSON.writeValueAsString(this) + System.lineSeparator());
    }

    /** The model, for scoring. */
    LogisticRegression.Model model() {
        return new LogisticRegression.Model(weights, bias);
    }

    /**
     * The question's features as this classifier was trained on them.
     *
     * @throws IllegalArgumentException when the embedder is not the model the classifier was trained on
     */
    float[] features(Embedder embedder, String question) {
        return features(features, wordBuckets, embedder, question);
    }

    /** A text's embedding features of the given kind, followed by its hashed words when {@code wordBuckets > 0}. */
    static float[] features(String kind, int wordBuckets, Embedder embedder, String text) {
        var embedding = features(kind, embedder, text);
        if (wordBuckets == 0) {
            return embedding;
        }
        var all = java.util.Arrays.copyOf(embedding, embedding.length + wordBuckets);
        var words = words(text, wordBuckets);
        System.arraycopy(words, 0, all, embedding.length, wordBuckets);
        return all;
    }

    /**
     * The words and pairs of adjacent words of a text (folded as the phrases see it, lower-cased), each hashed into one
     * of {@code buckets} features ({@link String#hashCode}, which the Java specification fixes), present or absent,
     * the vector scaled to length 1. They let the classifier learn the vocabulary of injections ("pretend", "from now
     * on", "vergiss") that a sentence embedding blurs.
     */
    static float[] words(String text, int buckets) {
        var tokens = InjectionTexts.fold(text, true)
                .toLowerCase(java.util.Locale.ROOT)
                .split("[^\\p{L}\\p{N}']+");
        var present = new java.util.BitSet(buckets);
        String previous = null;
        for (var token : tokens) {
            if (token.isEmpty()) {
                continue;
            }
            present.set(Math.floorMod(token.hashCode(), buckets));
            if (previous != null) {
                present.set(Math.floorMod((previous + " " + token).hashCode(), buckets));
            }
            previous = token;
        }
        var vector = new float[buckets];
        int count = present.cardinality();
        if (count > 0) {
            float value = (float) (1 / Math.sqrt(count));
            present.stream().forEach(i -> vector[i] = value);
        }
        return vector;
    }

    /** A text's features of the given kind. */
    static float[] features(String kind, Embedder embedder, String text) {
        return switch (kind) {
            case QUERY_EMBEDDING -> embedder.embedQuery(text);
            case PASSAGE_EMBEDDING -> embedder.embedPassage(text);
            case BOTH_EMBEDDINGS -> {
                var query = embedder.embedQuery(text);
                var passage = embedder.embedPassage(text);
                var both = java.util.Arrays.copyOf(query, query.length + passage.length);
                System.arraycopy(passage, 0, both, query.length, passage.length);
                yield both;
            }
            default -> throw new IllegalArgumentException("unknown features " + kind);
        };
    }

    /** Checks that an embedder produces the vectors this classifier was trained on. */
    void checkCompatible(Embedder embedder) {
        int perText = features.equals(BOTH_EMBEDDINGS) ? 2 : 1;
        if (!embeddingModel.equals(embedder.modelId())
                || embedder.dimensions() * perText + wordBuckets != weights.length) {
            throw new IllegalArgumentException("the prompt-injection classifier was trained on " + embeddingModel
                    + " (" + weights.length + " dimensions), but the embedding model is " + embedder.modelId() + " ("
                    + embedder.dimensions() + " dimensions); retrain it with train-injection-classifier");
        }
    }
}
