/**
 * Audit and evaluation: the record of every interaction, and evaluation runs that measure retrieval and answer
 * quality. Today it holds the retrieval benchmark over BEIR folders ({@link org.pathwise.audit.EvalCommand}).
 */
@ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"library", "retrieval", "assistant", "guardrails"})
package org.pathwise.audit;

import org.springframework.modulith.ApplicationModule;
