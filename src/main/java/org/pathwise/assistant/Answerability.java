package org.pathwise.assistant;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.pathwise.stats.LogisticRegression;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether the library answers a question: a logistic regression over the {@link Evidence} that retrieval and answer
 * selection found, each feature standardised, and the probability from which the assistant answers rather than
 * abstains. The bundled model, {@value #RESOURCE}, was fitted by {@code train-answerability} on calibration question
 * sets only (see {@code eval/datasets/README.md}); the sets that measure it were never used to fit it.
 *
 * @param embeddingModel the embedding model the similarities were measured with; another model's scores mean
 *     something else
 * @param features the names of the features, in the order of {@link Evidence#FEATURES}
 * @param means each feature's mean in the training data
 * @param scales each feature's standard deviation in the training data (1 where it did not vary)
 * @param weights the weight of each standardised feature
 * @param bias the intercept
 * @param threshold the probability from which a question counts as answerable, in (0, 1)
 * @param training how the model was fitted and what it measured
 * @param otherLanguage the model for a question in another language than the passage that matches it best
 *     ({@link Evidence#otherLanguage()}), which reads only the features that do not count shared words; {@code null}
 *     when this model decides for every question
 */
record Answerability(
        String embeddingModel,
        List<String> features,
        double[] means,
        double[] scales,
        double[] weights,
        double bias,
        double threshold,
        Map<String, Object> training,
        Answerability otherLanguage) {

    /** The bundled model, on the class path. */
    static final String RESOURCE = "/assistant/answerability.json";

    /** Where the training command writes the bundled model by default, from the project's folder. */
    static final Path SOURCE_PATH = Path.of("src/main/resources" + RESOURCE);

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    Answerability {
        features = List.copyOf(features);
        training = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(training));
        if (!features.equals(Evidence.FEATURES)) {
            throw new IllegalArgumentException("the answerability model reads the features " + features
                    + ", this version measures " + Evidence.FEATURES + ": train it again with train-answerability");
        }
        int n = features.size();
        if (means.length != n || scales.length != n || weights.length != n) {
            throw new IllegalArgumentException("the answerability model needs " + n
                    + " means, scales and weights, got " + means.length + ", " + scales.length + " and "
                    + weights.length);
        }
        if (!(threshold > 0 && threshold < 1)) {
            throw new IllegalArgumentException("the answerability threshold must be in (0, 1), got " + threshold);
        }
        if (otherLanguage != null && otherLanguage.otherLanguage() != null) {
            throw new IllegalArgumentException(
                    "the answerability model for questions in another language has no model of its own for them");
        }
        if (otherLanguage != null && !otherLanguage.embeddingModel().equals(embeddingModel)) {
            throw new IllegalArgumentException("the answerability models were fitted on two embedding models, "
                    + embeddingModel + " and " + otherLanguage.embeddingModel());
        }
        means = means.clone();
        scales = scales.clone();
        weights = weights.clone();
    }

    /** A model that decides for every question, whatever its language. */
    Answerability(
            String embeddingModel,
            List<String> features,
            double[] means,
            double[] scales,
            double[] weights,
            double bias,
            double threshold,
            Map<String, Object> training) {
        this(embeddingModel, features, means, scales, weights, bias, threshold, training, null);
    }

    /** The probability that the library answers the question the evidence is about. */
    double probability(Evidence evidence) {
        var deciding = deciding(evidence);
        return deciding.model().probability(deciding.standardised(evidence.features()));
    }

    /** Whether the library answers the question the evidence is about: its score clears the deciding model's threshold. */
    boolean answers(Evidence evidence) {
        return evidence.score() >= deciding(evidence).threshold();
    }

    /** This model, or the one for questions in another language when the evidence is about such a question. */
    private Answerability deciding(Evidence evidence) {
        return evidence.otherLanguage() && otherLanguage != null ? otherLanguage : this;
    }

    /** The features standardised as the model was fitted on them. */
    double[] standardised(double[] features) {
        var x = new double[features.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (features[i] - means[i]) / scales[i];
        }
        return x;
    }

    /** The same model answering from another threshold, whatever the question's language. */
    Answerability withThreshold(double newThreshold) {
        return new Answerability(
                embeddingModel,
                features,
                means,
                scales,
                weights,
                bias,
                newThreshold,
                training,
                otherLanguage == null ? null : otherLanguage.withThreshold(newThreshold));
    }

    private LogisticRegression.Model model() {
        return new LogisticRegression.Model(weights, bias);
    }

    /** The bundled model. */
    static Answerability bundled() {
        try (InputStream in = Answerability.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the answerability model " + RESOURCE + " is missing from the class path");
            }
            return JSON.readValue(in, Answerability.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JacksonException e) {
            throw new IllegalStateException(
                    "the answerability model " + RESOURCE + " is malformed: " + e.getMessage(), e);
        }
    }

    /**
     * A model from a file.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    static Answerability read(Path file) {
        try {
            return JSON.readValue(Files.readString(file), Answerability.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("can't read the answerability model " + file + ": " + e.getMessage(), e);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "the answerability model " + file + " is malformed: " + e.getMessage(), e);
        }
    }

    void write(Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, JSON.writeValueAsString(this) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("can't write " + file + ": " + e.getMessage(), e);
        }
    }
}
