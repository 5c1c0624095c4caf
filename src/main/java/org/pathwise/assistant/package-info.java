/**
 * Assistant: answers educators' questions from the library. The pipeline screens the question (guardrails), retrieves
 * passages, abstains when none is relevant enough, composes a cited answer (extractively by default), screens the
 * answer, stores the interaction and publishes {@link org.pathwise.assistant.Answered}.
 */
@ApplicationModule(
        displayName = "Assistant",
        allowedDependencies = {"retrieval", "guardrails", "stats", "security"})
package org.pathwise.assistant;

import org.springframework.modulith.ApplicationModule;
