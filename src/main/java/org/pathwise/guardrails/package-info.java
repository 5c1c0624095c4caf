/**
 * Guardrails: the ethics policy and the rails that enforce it on questions and answers. Every decision is a
 * {@link org.pathwise.guardrails.Verdict} naming the rule and its reason, recorded with the interaction. The
 * {@link org.pathwise.guardrails.Guardrails} port is the assistant's input and output stage. It depends on retrieval
 * for the {@link org.pathwise.retrieval.Embedder} alone: the prompt-injection classifier reads the question's embedding,
 * the same vector the search that follows uses.
 */
@ApplicationModule(
        displayName = "Guardrails",
        allowedDependencies = {"retrieval", "stats"})
package org.pathwise.guardrails;

import org.springframework.modulith.ApplicationModule;
