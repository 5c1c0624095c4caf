/**
 * Audit and evaluation: the tamper-evident record of every interaction ({@link org.pathwise.audit.AuditLog}: a hash
 * chain written in the transaction that stores the interaction, verified, pseudonymised on erasure, purged by
 * retention, browsed, annotated and exported by researchers), and the evaluation runs that measure retrieval and
 * answer quality, started from the command line ({@link org.pathwise.audit.EvalCommand}), the API or the pages and
 * stored alike.
 */
@ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"library", "retrieval", "assistant", "guardrails", "stats"})
package org.pathwise.audit;

import org.springframework.modulith.ApplicationModule;
