/**
 * Tools, not features: the commands that measure the service or fit its models from outside its modules, the load
 * test, the page, guardrails, audit and plan benchmarks ({@code audit benchmark} joins the audit module's command; the
 * plan benchmark's catalogue generator writes the catalogue and profiles in the formats users import), and the
 * training of the guardrails' classifiers with the detector's benchmark ({@code train-injection-classifier},
 * {@code train-rule-classifiers}). They are commands of the same distribution, built on the modules' public APIs; no
 * production module depends on them, which {@code ModularityTests} checks.
 */
@ApplicationModule(
        displayName = "Tools",
        allowedDependencies = {
            "library",
            "retrieval",
            "assistant",
            "guardrails",
            "evaluation",
            "audit",
            "pathways",
            "stats"
        })
package org.pathwise.tools;

import org.springframework.modulith.ApplicationModule;
