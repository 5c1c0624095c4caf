package org.pathwise.assistant;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import org.pathwise.retrieval.Embedder;
import org.pathwise.retrieval.QueryTranslator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the composer from {@code pathwise.assistant.llm.provider}: extractive alone for {@code none}; otherwise the
 * language model, with the extractive composer as its fallback, and the model also condenses follow-ups.
 */
@Configuration(proxyBeanMethods = false)
class AssistantConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AssistantConfiguration.class);

    @Bean
    Composer composer(AssistantProperties properties) {
        return composerFor(properties);
    }

    @Bean
    AnswerSelector answerSelector(Embedder embedder) {
        return new AnswerSelector(embedder);
    }

    @Bean
    Answerability answerability(AssistantProperties properties, Embedder embedder) {
        var answerability = properties.answerability();
        if (!answerability.embeddingModel().equals(embedder.modelId())) {
            log.warn(
                    "The answerability model was fitted on similarities of the embedding model {}, and the library"
                            + " is embedded with {}: fit it again with train-answerability",
                    answerability.embeddingModel(),
                    embedder.modelId());
        }
        return answerability;
    }

    @Bean
    QuestionCondenser questionCondenser(AssistantProperties properties) {
        return condenserFor(properties);
    }

    /** The translator of questions for searching a library in other languages; none without a language model. */
    @Bean
    QueryTranslator queryTranslator(AssistantProperties properties) {
        return queryTranslatorFor(properties);
    }

    /** The query translator the settings ask for. */
    static QueryTranslator queryTranslatorFor(AssistantProperties properties) {
        var llm = properties.llm();
        if (llm.provider() == AssistantProperties.Provider.NONE) {
            return QueryTranslator.NONE;
        }
        return new LlmQueryTranslator(chatModel(llm), ChatPrompt.load(llm.translatePrompt(), llm.promptsFolder()));
    }

    /** The composer the settings ask for. */
    static Composer composerFor(AssistantProperties properties) {
        var extractive = new ExtractiveComposer();
        var llm = properties.llm();
        if (llm.provider() == AssistantProperties.Provider.NONE) {
            return extractive;
        }
        var prompt = ChatPrompt.load(llm.prompt(), llm.promptsFolder());
        log.info(
                "Answers are composed by the {} model {} with prompt {} ({}), extractively when it fails",
                llm.provider().label(),
                llm.model(),
                prompt.id(),
                prompt.location());
        var composer = new LlmComposer(
                llm.provider().label(),
                llm.model(),
                chatModel(llm),
                streamingChatModel(llm),
                prompt,
                llm.timeout(),
                llm.maxRetries());
        return new FallbackComposer(composer, extractive);
    }

    /** The follow-up condenser the settings ask for. */
    static QuestionCondenser condenserFor(AssistantProperties properties) {
        var llm = properties.llm();
        if (llm.provider() == AssistantProperties.Provider.NONE) {
            return QuestionCondenser.NONE;
        }
        return new LlmCondenser(chatModel(llm), ChatPrompt.load(llm.condensePrompt(), llm.promptsFolder()));
    }

    /** The blocking chat model; it retries a failed request {@code max-retries} times. */
    static ChatModel chatModel(AssistantProperties.Llm llm) {
        return switch (llm.provider()) {
            case OPENAI ->
                OpenAiChatModel.builder()
                        .baseUrl(blankToNull(llm.baseUrl()))
                        .apiKey(blankToNull(llm.apiKey()))
                        .modelName(llm.model())
                        .temperature(llm.temperature())
                        .timeout(llm.timeout())
                        .maxRetries(llm.maxRetries())
                        .build();
            case OLLAMA ->
                OllamaChatModel.builder()
                        .baseUrl(ollamaUrl(llm))
                        .modelName(llm.model())
                        .temperature(llm.temperature())
                        .timeout(llm.timeout())
                        .maxRetries(llm.maxRetries())
                        .build();
            case NONE -> throw new IllegalStateException("no language model is configured");
        };
    }

    /** The streaming chat model; {@link LlmComposer} retries a stream that failed before its first piece. */
    static StreamingChatModel streamingChatModel(AssistantProperties.Llm llm) {
        return switch (llm.provider()) {
            case OPENAI ->
                OpenAiStreamingChatModel.builder()
                        .baseUrl(blankToNull(llm.baseUrl()))
                        .apiKey(blankToNull(llm.apiKey()))
                        .modelName(llm.model())
                        .temperature(llm.temperature())
                        .timeout(llm.timeout())
                        .build();
            case OLLAMA ->
                OllamaStreamingChatModel.builder()
                        .baseUrl(ollamaUrl(llm))
                        .modelName(llm.model())
                        .temperature(llm.temperature())
                        .timeout(llm.timeout())
                        .build();
            case NONE -> throw new IllegalStateException("no language model is configured");
        };
    }

    private static String ollamaUrl(AssistantProperties.Llm llm) {
        return llm.baseUrl().isBlank() ? "http://localhost:11434" : llm.baseUrl();
    }

    /** LangChain4j's builders take {@code null}, not an empty string, for "the provider's default". */
    private static String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }
}
