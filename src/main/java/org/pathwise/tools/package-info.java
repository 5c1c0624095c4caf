/**
 * Tools, not features: the benchmarks and the load test that measure the service from outside its modules. They are
 * commands of the same distribution ({@code guardrails-benchmark}, {@code load-test}), built on the modules' public
 * APIs; no production module depends on them, which {@code ModularityTests} checks.
 */
@ApplicationModule(
        displayName = "Tools",
        allowedDependencies = {"library", "retrieval", "assistant", "guardrails", "evaluation", "audit", "stats"})
package org.pathwise.tools;

import org.springframework.modulith.ApplicationModule;
