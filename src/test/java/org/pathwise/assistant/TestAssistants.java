package org.pathwise.assistant;

import java.time.Clock;
import java.util.List;
import org.pathwise.guardrails.Guardrails;
import org.pathwise.retrieval.Embedder;
import org.pathwise.retrieval.PassageIndex;
import org.pathwise.retrieval.TestSearch;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Builds an {@link Assistant} over a given index, rules and database, wired as the application wires it. */
final class TestAssistants {

    private TestAssistants() {}

    static Assistant assistant(
            PassageIndex index,
            Embedder embedder,
            Guardrails rules,
            AssistantProperties properties,
            JdbcClient jdbc,
            List<Object> events) {
        return new Assistant(
                TestSearch.over(index),
                rules,
                AssistantConfiguration.composerFor(embedder, properties),
                AssistantConfiguration.condenserFor(properties),
                new InteractionStore(jdbc),
                events::add,
                properties,
                Clock.systemUTC());
    }
}
