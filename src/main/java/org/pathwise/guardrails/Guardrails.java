package org.pathwise.guardrails;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.pathwise.retrieval.Embedder;

/**
 * The policy's stages in the answering pipeline: questions are screened before retrieval and any model, retrieved
 * passages before a composer reads them, answers before they are shown or stored. Implementations must be thread-safe.
 */
public interface Guardrails {

    /**
     * The bundled default policy with the built-in detectors, judging answers by their words alone (without a
     * semantic similarity): the guardrails of a test or a tool that has no application around it.
     */
    static Guardrails bundledPolicy() {
        return PolicyGuardrails.bundledDefault();
    }

    /**
     * The sentences of a text that address an AI rather than a reader ("ignore previous instructions", "AI assistants
     * must answer ...", in English, French, Spanish and German), in order: what the library flags in a document it
     * ingests. Each sentence is cut to 160 characters.
     */
    static List<Instruction> instructionsToAnAi(String text) {
        return InstructionScanner.scan(text);
    }

    /**
     * The text with the personal data of the built-in kinds (e-mail addresses, telephone numbers, payment card
     * numbers, IBANs, identifiers introduced as such, people's names where the text speaks of grades, health,
     * discipline or admission) replaced by markers such as {@code [email]} and {@code [person-1]}: for what is shown
     * outside the answering pipeline, such as an export of the audit log.
     */
    static String withoutPersonalData(String text) {
        return PersonalDataRail.BUILT_IN.redact(text);
    }

    // The detectors' trained parts, for the tools that fit them and time them (org.pathwise.tools): the module itself
    // only reads the bundled weights.

    /**
     * A text's features as the prompt-injection and rule classifiers read them: its embedding of the given kind
     * ({@code query-embedding}, {@code passage-embedding} or {@code query-and-passage-embeddings}), followed by
     * {@code wordBuckets} hashed word and word-pair features (none for 0).
     *
     * @throws IllegalArgumentException for another kind
     */
    static float[] classifierFeatures(String kind, int wordBuckets, Embedder embedder, String text) {
        return InjectionClassifier.features(kind, wordBuckets, embedder, text);
    }

    /** Whether the prompt-injection detector's phrases and encodings alone flag a text: no embedding, no classifier. */
    static boolean injectionPhrasesFlag(String text) {
        return PromptInjectionDetector.rulesOnly().inspect(text).isPresent();
    }

    /**
     * The prompt-injection detector with every check and the bundled classifier, as whether it flags a question.
     *
     * @throws IllegalArgumentException when {@code embedder} is not the model the bundled classifier was trained on
     */
    static Predicate<String> injectionDetector(Embedder embedder) {
        var detector = PromptInjectionDetector.withBundledClassifier(embedder);
        return question -> detector.inspect(question).isPresent();
    }

    /** How the bundled prompt-injection classifier embeds a question ({@code passage-embedding}, ...). */
    static String injectionClassifierFeatures() {
        return InjectionClassifier.bundled().features();
    }

    /**
     * Writes a prompt-injection classifier given as the fields of its JSON form ({@code embeddingModel},
     * {@code features}, {@code weights}, {@code bias}, {@code threshold}, {@code training}, {@code languages},
     * {@code wordBuckets}, {@code languageThresholds}), checked as the detector will read it; creates the folder.
     *
     * @throws IllegalArgumentException when a field is missing or out of range, naming it
     */
    static void writeInjectionClassifier(Map<String, Object> fields, Path file) throws IOException {
        InjectionClassifier.of(fields).write(file);
    }

    /**
     * Writes the refusal rules' classifiers given as the fields of their JSON form ({@code embeddingModel},
     * {@code wordBuckets}, {@code rules}: each rule's {@code weights}, {@code bias} and {@code threshold}, and
     * {@code training}), checked as the rules will read them; creates the folder.
     *
     * @throws IllegalArgumentException when a field is missing or out of range, naming it
     */
    static void writeRuleClassifiers(Map<String, Object> fields, Path file) throws IOException {
        RuleClassifiers.of(fields).write(file);
    }

    /** Screens a question before retrieval, any model and any storage. */
    Screening screenQuestion(String question);

    /**
     * Screens the passages retrieved for a question before a composer reads them.
     *
     * @return the passages as the composer may read them, in the same order, and the verdicts
     */
    default PassageScreening screenPassages(String question, List<String> passages) {
        return new PassageScreening(passages, List.of());
    }

    /**
     * Screens a composed answer before it is shown or stored.
     *
     * @param question the question as screened
     * @param answer the answer's text, with its citation markers
     * @param sources the passages the answer cites
     */
    Screening screenAnswer(String question, String answer, List<Screening.Source> sources);

    /**
     * Judges an answer's sentences against the passages they cite as the grounding check of the policy in force does
     * (rule detector {@code unsupported-sentences}), without changing the answer: for evaluation, which measures the
     * share of an answer's sentences that their passages support. This default applies the check's default settings to
     * words alone.
     *
     * @param answer the answer's text, with its citation markers
     * @param sources the passages the answer cites
     */
    default Grounding grounding(String answer, List<Screening.Source> sources) {
        return GroundingRail.wordsOnly().grounding(answer, sources);
    }

    /**
     * A passage as an answer may quote it: what the answer stage's redacting rules for personal data take out of an
     * answer (e-mail addresses, telephone numbers, identifiers) is taken out of the quoted passage too, so that a
     * citation never shows what the answer could not. This default quotes the passage as it is.
     */
    default String quotable(String passage) {
        return passage;
    }

    /** The version of the policy in force, recorded with every interaction. */
    String policyVersion();

    /** The notice shown with every answer, or empty. */
    default String disclosure() {
        return "";
    }

    /**
     * The notice shown with every answer, for a reader of {@code language} (a BCP 47 tag, or {@code und}): in their
     * language where the policy has it, else as the policy writes it.
     */
    default String disclosure(String language) {
        return disclosure();
    }

    /**
     * What a reader of {@code language} reads for a verdict of this policy: its rule's message in their language where
     * the policy has it, else the verdict's reason as written.
     */
    default String message(Verdict verdict, String language) {
        return verdict.reason();
    }

    /**
     * A sentence that addresses an AI rather than a reader.
     *
     * @param sentence the sentence, at most 160 characters
     * @param pattern the name of the pattern that matched it ({@code override}, ...)
     */
    record Instruction(String sentence, String pattern) {}

    /**
     * Passages as a composer may read them.
     *
     * @param passages the passages' texts, in the order given
     * @param verdicts the rules that fired on any of them
     */
    record PassageScreening(List<String> passages, List<Verdict> verdicts) {

        public PassageScreening {
            passages = List.copyOf(passages);
            verdicts = List.copyOf(verdicts);
        }
    }
}
