package org.pathwise.guardrails;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pathwise.retrieval.Embedder;
import org.pathwise.stats.LogisticRegression;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * One logistic regression per refusal rule over a question's embedding and hashed words
 * ({@link InjectionClassifier#features(String, int, Embedder, String)}), as stored in {@value #RESOURCE}: the second
 * reader of a rule, for wordings its request structures ({@link Intent}) miss. Trained with
 * {@code pathwise train-rule-classifiers} on the guardrail calibration sets only.
 *
 * @param embeddingModel the embedding model the weights belong to
 * @param wordBuckets how many hashed word features follow the embedding
 * @param rules each rule's model and threshold
 * @param training the data, and what cross-validation measured per rule
 */
record RuleClassifiers(String embeddingModel, int wordBuckets, Map<String, Rule> rules, Map<String, Object> training) {

    static final String RESOURCE = "/guardrails/rule-classifiers.json";

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /**
     * One rule's classifier.
     *
     * @param threshold the probability from which the rule fires, chosen for precision in cross-validation
     */
    record Rule(double[] weights, double bias, double threshold) {

        Rule {
            weights = weights.clone();
            if (!(threshold > 0 && threshold <= 1)) {
                throw new IllegalArgumentException("threshold must be in (0, 1], got " + threshold);
            }
        }

        @Override
        public double[] weights() {
            return weights.clone();
        }

        LogisticRegression.Model model() {
            return new LogisticRegression.Model(weights, bias);
        }
    }

    RuleClassifiers {
        rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
        training = training == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(training));
    }

    /**
     * The bundled classifiers, read once; empty when the application holds none (before the first
     * {@code train-rule-classifiers}), and the rules then read questions by their structure alone.
     */
    static java.util.Optional<RuleClassifiers> bundled() {
        return Bundled.CLASSIFIERS;
    }

    private static final class Bundled {

        static final java.util.Optional<RuleClassifiers> CLASSIFIERS = load();

        private static java.util.Optional<RuleClassifiers> load() {
            try (var in = RuleClassifiers.class.getResourceAsStream(RESOURCE)) {
                return in == null ? java.util.Optional.empty() : java.util.Optional.of(read(in, RESOURCE));
            } catch (IOException e) {
                throw new UncheckedIOException("can't read " + RESOURCE, e);
            }
        }
    }

    static RuleClassifiers read(InputStream in, String name) {
        try {
            return JSON.readValue(in, RuleClassifiers.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException(name + ": not rule classifiers: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Classifiers given as the fields of their JSON form, checked as {@link #read} checks them.
     *
     * @throws IllegalArgumentException when a field is missing or out of range
     */
    static RuleClassifiers of(Map<String, Object> fields) {
        try {
            return JSON.convertValue(fields, RuleClassifiers.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not rule classifiers: " + e.getOriginalMessage(), e);
        }
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, JSON.writeValueAsString(this) + System.lineSeparator());
    }

    /** A question's features as the classifiers read them. */
    float[] features(Embedder embedder, String question) {
        if (!embeddingModel.equals(embedder.modelId())) {
            throw new IllegalArgumentException(
                    "the rule classifiers were trained on " + embeddingModel + ", but the embedding model is "
                            + embedder.modelId() + "; retrain them with train-rule-classifiers");
        }
        return InjectionClassifier.features(InjectionClassifier.PASSAGE_EMBEDDING, wordBuckets, embedder, question);
    }

    /**
     * A rule that fires when its own detector does or, failing that, when its classifier scores the question at or
     * above its threshold; the verdict's evidence then says so. The question is embedded only when the detector found
     * nothing, and the embedder's cache shares that vector with the search.
     */
    RuleSet.Rule around(String rule, RuleSet.Rule detector, Embedder embedder) {
        var classifier = rules.get(rule);
        if (classifier == null) {
            return detector;
        }
        var model = classifier.model();
        return screening -> {
            var found = detector.apply(screening);
            if (found != screening) {
                return found;
            }
            double probability = model.probability(features(embedder, screening.text()));
            if (probability < classifier.threshold()) {
                return screening;
            }
            var evidence = String.format(java.util.Locale.ROOT, "classifier %.2f", probability);
            return screening.with(
                    screening.text(),
                    new Verdict(rule, Verdict.Action.REFUSE, evidence, "", Verdict.Severity.MEDIUM, evidence));
        };
    }
}
