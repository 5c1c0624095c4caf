package org.pathwise.assistant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the assistant ({@code pathwise.assistant.*}).
 *
 * @param relevanceThreshold the semantic score (cosine mapped to [0, 1]) the best passage must reach for an answer;
 *     below it the assistant abstains. Calibrated on {@code eval/datasets/sample-library.jsonl}.
 * @param passages how many passages are retrieved and given to the composer
 * @param maxSentences at most this many sentences in an extractive answer
 * @param maxWords at most this many words in an extractive answer
 */
@ConfigurationProperties("pathwise.assistant")
public record AssistantProperties(
        @DefaultValue("0.822") double relevanceThreshold,
        @DefaultValue("5") int passages,
        @DefaultValue("3") int maxSentences,
        @DefaultValue("90") int maxWords) {

    public AssistantProperties {
        if (relevanceThreshold < 0 || relevanceThreshold > 1) {
            throw new IllegalArgumentException(
                    "pathwise.assistant.relevance-threshold must be between 0 and 1, got " + relevanceThreshold);
        }
        if (passages < 1 || passages > 20) {
            throw new IllegalArgumentException("pathwise.assistant.passages must be between 1 and 20, got " + passages);
        }
    }
}
