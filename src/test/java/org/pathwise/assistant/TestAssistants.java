package org.pathwise.assistant;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.pathwise.guardrails.Guardrails;
import org.pathwise.retrieval.Embedder;
import org.pathwise.retrieval.LanguageDetector;
import org.pathwise.retrieval.PassageIndex;
import org.pathwise.retrieval.TestSearch;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Builds an {@link Assistant} over a given index, rules and database, wired as the application wires it. */
final class TestAssistants {

    private TestAssistants() {}

    /** A model that finds every question with a retrieved passage answerable. */
    static final Answerability ANSWERS_ALL = new Answerability(
            "any",
            Evidence.FEATURES,
            new double[Evidence.FEATURES.size()],
            ones(),
            new double[Evidence.FEATURES.size()],
            30,
            0.5,
            Map.of());

    /** An assistant that answers every question with a retrieved passage. */
    static Assistant assistant(
            PassageIndex index,
            Embedder embedder,
            Guardrails rules,
            AssistantProperties properties,
            JdbcClient jdbc,
            List<Object> events) {
        return assistant(index, embedder, rules, properties, jdbc, events, ANSWERS_ALL);
    }

    static Assistant assistant(
            PassageIndex index,
            Embedder embedder,
            Guardrails rules,
            AssistantProperties properties,
            JdbcClient jdbc,
            List<Object> events,
            Answerability answerability) {
        return new Assistant(
                TestSearch.over(index),
                rules,
                AssistantConfiguration.composerFor(properties),
                AssistantConfiguration.condenserFor(properties),
                new InteractionStore(jdbc),
                events::add,
                properties,
                Clock.systemUTC(),
                new AnswerSelector(embedder),
                answerability,
                LanguageDetector.shared());
    }

    private static double[] ones() {
        var ones = new double[Evidence.FEATURES.size()];
        java.util.Arrays.fill(ones, 1);
        return ones;
    }
}
