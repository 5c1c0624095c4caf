/**
 * Guardrails: the ethics policy and the rails that enforce it on questions, retrieved passages and answers, each
 * decision a verdict with the rule id and its reason. Not built yet.
 */
@ApplicationModule(
        displayName = "Guardrails",
        allowedDependencies = {})
package org.pathwise.guardrails;

import org.springframework.modulith.ApplicationModule;
