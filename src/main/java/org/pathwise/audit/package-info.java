/**
 * Audit: the tamper-evident record of every interaction ({@link org.pathwise.audit.AuditLog}: a hash chain written in
 * the transaction that stores the interaction, verified, pseudonymised on erasure, purged by retention, browsed,
 * annotated and exported by researchers, and summed up on the dashboard). Evaluation runs are not recorded here: they
 * are the evaluation module's.
 */
@ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"assistant", "stats"})
package org.pathwise.audit;

import org.springframework.modulith.ApplicationModule;
