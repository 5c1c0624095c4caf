package org.pathwise.guardrails;

import java.util.Objects;
import java.util.Optional;
import org.pathwise.retrieval.Embedder;
import org.pathwise.retrieval.LanguageDetector;
import org.pathwise.stats.LogisticRegression;

/**
 * Tells whether a question tries to override the assistant's instructions (prompt injection) or to talk it out of
 * its rules (jailbreak), and why. Immutable and thread-safe.
 *
 * <p>The checks run cheapest first and the first that fires is the answer:
 *
 * <ol>
 *   <li>{@link InjectionSignal.Kind#PATTERN}: phrases in English, French, Spanish and German that tell the assistant
 *       to ignore or forget its instructions, to take another role (including "DAN" and "developer mode"), to reveal
 *       its prompt or to disregard its rules;
 *   <li>{@link InjectionSignal.Kind#ENCODED}: the same phrases hidden by invisible characters, Unicode tag characters
 *       (ASCII smuggling), Cyrillic or Greek look-alike letters and compatibility forms (NFKC), leetspeak, rot13, or
 *       base64 (runs of 16 or more characters that decode to text, checked again once decoded);
 *   <li>{@link InjectionSignal.Kind#CLASSIFIER}: a logistic regression over the question's embedding, trained on
 *       labelled injections with {@code pathwise train-injection-classifier}; it catches what no phrase names, such
 *       as role-play set-ups and injected tasks. It decides only on questions in the languages it was trained on
 *       ({@link InjectionClassifier#languages}): its embedding model is English, and a question's language is never
 *       evidence of an attack, so elsewhere the phrases and encodings decide alone.
 * </ol>
 *
 * <p>The classifier embeds the question as its weights file says (its {@code features} field): the bundled weights
 * use {@code passage-embedding}, the question embedded as a passage. The bundled embedding model has no instruction
 * for queries or passages, so that vector is the query vector of the search that follows, and {@link Embedder}'s cache
 * makes the classifier and the search share one inference. Phrase lists follow the attack families described
 * in OWASP's "LLM01: Prompt Injection" (OWASP Top 10 for LLM Applications, 2025) and in Greshake et al. (2023),
 * "Not what you've signed up for: Compromising real-world LLM-integrated applications with indirect prompt injection".
 */
final class PromptInjectionDetector {

    /** The name of the classifier's signal. */
    public static final String CLASSIFIER = "logistic-regression";

    /** How deep encodings are unwrapped: base64 inside base64 is decoded once more, not further. */
    private static final int MAX_DEPTH = 2;

    private static final LanguageDetector LANGUAGES = LanguageDetector.shared();

    private final Embedder embedder;
    private final InjectionClassifier classifier;
    private final LogisticRegression.Model model;

    /** A detector with a classifier; both null for the phrases and encodings alone. */
    PromptInjectionDetector(Embedder embedder, InjectionClassifier classifier) {
        if ((embedder == null) != (classifier == null)) {
            throw new IllegalArgumentException("embedder and classifier go together: both or neither");
        }
        if (classifier != null) {
            classifier.checkCompatible(embedder);
        }
        this.embedder = embedder;
        this.classifier = classifier;
        this.model = classifier == null ? null : classifier.model();
    }

    /**
     * The detector with every check, its classifier read from the weights bundled with the application.
     *
     * @throws IllegalArgumentException when {@code embedder} is not the model the bundled classifier was trained on
     */
    public static PromptInjectionDetector withBundledClassifier(Embedder embedder) {
        return new PromptInjectionDetector(Objects.requireNonNull(embedder, "embedder"), InjectionClassifier.bundled());
    }

    /** The detector without its classifier: phrases and encodings only, no embedding. */
    public static PromptInjectionDetector rulesOnly() {
        return new PromptInjectionDetector(null, null);
    }

    /** The classifier's decision threshold, a probability in (0, 1]; empty without a classifier. */
    public Optional<Double> classifierThreshold() {
        return classifier == null ? Optional.empty() : Optional.of(classifier.threshold());
    }

    /** How the classifier embeds a question ({@code passage-embedding}, ...); empty without a classifier. */
    Optional<String> classifierFeatures() {
        return classifier == null ? Optional.empty() : Optional.of(classifier.features());
    }

    /**
     * Inspects a question.
     *
     * @return the first signal that fired, or empty when the question looks like an ordinary question
     */
    public Optional<InjectionSignal> inspect(String question) {
        Objects.requireNonNull(question, "question");
        if (question.isBlank()) {
            return Optional.empty();
        }
        var signal = rules(question, 0, null);
        if (signal.isPresent() || classifier == null) {
            return signal;
        }
        var language = LANGUAGES.detect(question);
        // a plain question addresses no one and orders nothing: the classifier may not refuse it on its topic alone
        if (!classifier.decidesIn(language) || PlainQuestions.isPlain(question)) {
            return signal;
        }
        return classify(question, language);
    }

    /** The phrases and encodings alone. */
    Optional<InjectionSignal> rules(String question) {
        return rules(question, 0, null);
    }

    /** The classifier alone; empty when its probability stays below the threshold of the question's language. */
    Optional<InjectionSignal> classify(String question, String language) {
        double probability = probability(question);
        if (probability < classifier.threshold(language)) {
            return Optional.empty();
        }
        return Optional.of(new InjectionSignal(
                InjectionSignal.Kind.CLASSIFIER,
                CLASSIFIER,
                InjectionTexts.excerpt(question, 0, Math.min(question.length(), InjectionSignal.MAX_EVIDENCE)),
                probability));
    }

    /** The classifier's probability that a question is an injection. */
    double probability(String question) {
        if (classifier == null) {
            throw new IllegalStateException("this detector has no classifier");
        }
        return model.probability(classifier.features(embedder, question));
    }

    /**
     * The phrase checks on a text and on each form that could hide a phrase in it; {@code via} names the encoding
     * the text was found in, null for the question itself.
     */
    private static Optional<InjectionSignal> rules(String text, int depth, String via) {
        var match = InjectionPatterns.find(InjectionTexts.fold(text, false));
        if (match.isPresent()) {
            return Optional.of(
                    via == null
                            ? signal(InjectionSignal.Kind.PATTERN, match.get().name(), text, match.get())
                            : signal(InjectionSignal.Kind.ENCODED, via, text, match.get()));
        }
        var visible = text;
        if (InjectionTexts.hasInvisible(text)) {
            var tags = InjectionTexts.tagText(text);
            if (!tags.isEmpty()) {
                var hidden = InjectionPatterns.find(InjectionTexts.fold(tags, true));
                if (hidden.isPresent()) {
                    return Optional.of(encoded(via, "unicode-tags", tags, hidden.get()));
                }
            }
            visible = InjectionTexts.stripInvisible(text);
            var unhidden = InjectionPatterns.find(InjectionTexts.fold(visible, false));
            if (unhidden.isPresent()) {
                return Optional.of(encoded(via, "invisible-unicode", visible, unhidden.get()));
            }
        }
        var normal = InjectionTexts.nfkc(visible);
        var folded = InjectionTexts.fold(normal, true);
        if (!normal.equals(visible) || InjectionTexts.hasHomoglyphs(normal)) {
            var unmasked = InjectionPatterns.find(folded);
            if (unmasked.isPresent()) {
                return Optional.of(encoded(via, "homoglyphs", folded, unmasked.get()));
            }
        }
        if (InjectionTexts.hasLeet(folded)) {
            var plain = InjectionTexts.leet(folded);
            var unleeted = InjectionPatterns.find(plain);
            if (unleeted.isPresent()) {
                return Optional.of(encoded(via, "leetspeak", plain, unleeted.get()));
            }
        }
        var rotated = InjectionTexts.rot13(folded);
        var unrotated = InjectionPatterns.find(rotated);
        if (unrotated.isPresent()) {
            return Optional.of(encoded(via, "rot13", rotated, unrotated.get()));
        }
        if (depth < MAX_DEPTH) {
            for (var decoded : InjectionTexts.base64Texts(normal)) {
                var inside = rules(decoded, depth + 1, via == null ? "base64" : via + "+base64");
                if (inside.isPresent()) {
                    return inside;
                }
            }
        }
        return Optional.empty();
    }

    private static InjectionSignal encoded(String via, String encoding, String text, InjectionPatterns.Match match) {
        return signal(InjectionSignal.Kind.ENCODED, via == null ? encoding : via + "+" + encoding, text, match);
    }

    private static InjectionSignal signal(
            InjectionSignal.Kind kind, String name, String text, InjectionPatterns.Match match) {
        return new InjectionSignal(kind, name, InjectionTexts.excerpt(text, match.start(), match.end()), 1);
    }
}
