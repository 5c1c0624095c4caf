package org.pathwise.assistant;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the assistant ({@code pathwise.assistant.*}).
 *
 * @param relevanceThreshold the evidence score ({@link Assistant.Evidence}: the best passage's semantic score plus
 *     {@code coverageWeight} times the query-term coverage) a question needs for an answer; below it the assistant
 *     abstains. Calibrated on {@code eval/datasets/sample-library.jsonl}.
 * @param coverageWeight how much the coverage of the question's terms adds to the semantic score
 * @param passages how many passages are retrieved and given to the composer
 * @param maxSentences at most this many sentences in an extractive answer
 * @param maxWords at most this many words in an extractive answer
 */
@ConfigurationProperties("pathwise.assistant")
public record AssistantProperties(
        @DefaultValue("0.925") double relevanceThreshold,
        @DefaultValue("0.17") double coverageWeight,
        @DefaultValue("5") int passages,
        @DefaultValue("3") int maxSentences,
        @DefaultValue("90") int maxWords) {

    public AssistantProperties {
        if (relevanceThreshold < 0 || relevanceThreshold > 2) {
            throw new IllegalArgumentException(
                    "pathwise.assistant.relevance-threshold must be between 0 and 2, got " + relevanceThreshold);
        }
        if (coverageWeight < 0 || coverageWeight > 1) {
            throw new IllegalArgumentException(
                    "pathwise.assistant.coverage-weight must be between 0 and 1, got " + coverageWeight);
        }
        if (passages < 1 || passages > 20) {
            throw new IllegalArgumentException("pathwise.assistant.passages must be between 1 and 20, got " + passages);
        }
    }
}
