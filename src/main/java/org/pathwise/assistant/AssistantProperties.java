package org.pathwise.assistant;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the assistant ({@code pathwise.assistant.*}).
 *
 * @param answerabilityModel a file with an answerability model that {@code train-answerability} wrote, or empty for the
 *     bundled one ({@link Answerability}); it decides from the {@link Evidence} whether the library answers a question
 * @param answerabilityThreshold the probability from which a question is answered rather than abstained from, in
 *     (0, 1), or empty for the model's own (calibrated with it on the calibration question sets)
 * @param passages how many passages are retrieved and given to the composer
 * @param llm the language model that composes answers, if any ({@code pathwise.assistant.llm.*})
 */
@ConfigurationProperties("pathwise.assistant")
record AssistantProperties(
        @DefaultValue("") String answerabilityModel,
        Double answerabilityThreshold,
        @DefaultValue("5") int passages,
        @DefaultValue Llm llm) {

    public AssistantProperties {
        Objects.requireNonNull(answerabilityModel, "answerabilityModel");
        if (answerabilityThreshold != null && !(answerabilityThreshold > 0 && answerabilityThreshold < 1)) {
            throw new IllegalArgumentException(
                    "pathwise.assistant.answerability-threshold must be between 0 and 1 (exclusive), got "
                            + answerabilityThreshold);
        }
        if (passages < 1 || passages > 20) {
            throw new IllegalArgumentException("pathwise.assistant.passages must be between 1 and 20, got " + passages);
        }
    }

    /** The answerability model these settings ask for. */
    Answerability answerability() {
        var model = answerabilityModel.isBlank()
                ? Answerability.bundled()
                : Answerability.read(Path.of(answerabilityModel));
        return answerabilityThreshold == null ? model : model.withThreshold(answerabilityThreshold);
    }

    /** Which kind of server composes answers: none (extractive answers only), OpenAI-compatible, or Ollama. */
    public enum Provider {
        NONE,
        OPENAI,
        OLLAMA;

        /** The provider's name as configured and recorded ({@code openai}, ...). */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The language model that composes answers ({@code pathwise.assistant.llm.*}).
     *
     * @param provider {@code none} (the default: extractive answers only), {@code openai} (any server that speaks the
     *     OpenAI chat-completions protocol: OpenAI, vLLM, LM Studio, llama.cpp's server) or {@code ollama}
     * @param baseUrl the server's URL, for example {@code http://localhost:8000/v1} for vLLM; empty for the provider's
     *     default ({@code https://api.openai.com/v1}, {@code http://localhost:11434})
     * @param apiKey the key sent as a bearer token, or empty when the server needs none
     * @param model the model's id on that server; required unless the provider is {@code none}
     * @param timeout how long one request may wait for the server (for a streamed answer: between two pieces)
     * @param maxRetries how many times a failed request is tried again, so at most {@code 1 + maxRetries} requests
     * @param temperature the sampling temperature; 0 for the most reproducible answers
     * @param prompt the answer prompt's id and version: {@code prompts-dir/<prompt>.md}
     * @param condensePrompt the prompt that turns a follow-up into a standalone question
     * @param promptsDir where prompts are read from, relative to the working directory; a prompt missing there is
     *     read from the copy inside the application. A string, not a {@code Path}: Spring would resolve a relative
     *     path against the class path first and find the copy inside the application instead.
     * @param translatePrompt the prompt that writes a question in the library's languages for searching, when it is
     *     written in none of them
     */
    public record Llm(
            @DefaultValue("none") Provider provider,
            @DefaultValue("") String baseUrl,
            @DefaultValue("") String apiKey,
            @DefaultValue("") String model,
            @DefaultValue("30s") Duration timeout,
            @DefaultValue("2") int maxRetries,
            @DefaultValue("0") double temperature,
            @DefaultValue("answer/v2") String prompt,
            @DefaultValue("condense/v1") String condensePrompt,
            @DefaultValue("prompts") String promptsDir,
            @DefaultValue("translate/v1") String translatePrompt) {

        private static final Pattern PROMPT_ID = Pattern.compile("[a-z0-9-]+/v[0-9]+");

        /** Settings without a language model. */
        public static final Llm NONE = new Llm(
                Provider.NONE,
                "",
                "",
                "",
                Duration.ofSeconds(30),
                2,
                0,
                "answer/v2",
                "condense/v1",
                "prompts",
                "translate/v1");

        public Llm {
            Objects.requireNonNull(promptsDir, "promptsDir");
            if (provider != Provider.NONE && model.isBlank()) {
                throw new IllegalArgumentException(
                        "pathwise.assistant.llm.model must name the model when the provider is " + provider.label());
            }
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("pathwise.assistant.llm.timeout must be positive, got " + timeout);
            }
            if (maxRetries < 0 || maxRetries > 10) {
                throw new IllegalArgumentException(
                        "pathwise.assistant.llm.max-retries must be between 0 and 10, got " + maxRetries);
            }
            if (temperature < 0 || temperature > 2) {
                throw new IllegalArgumentException(
                        "pathwise.assistant.llm.temperature must be between 0 and 2, got " + temperature);
            }
            for (var id : new String[] {prompt, condensePrompt, translatePrompt}) {
                if (!PROMPT_ID.matcher(id).matches()) {
                    throw new IllegalArgumentException(
                            "a prompt is named like answer/v1 (name/version, lower case), got '" + id + "'");
                }
            }
        }

        /** The folder prompts are read from first. */
        public Path promptsFolder() {
            return Path.of(promptsDir);
        }
    }
}
