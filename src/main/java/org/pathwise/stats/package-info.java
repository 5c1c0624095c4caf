/**
 * Statistics: the small numerical tools that several modules share, such as logistic regression for the classifiers
 * that the guardrails and the assistant fit, and bootstrap confidence intervals for evaluation figures. It depends on
 * nothing.
 */
@ApplicationModule(displayName = "Statistics")
package org.pathwise.stats;

import org.springframework.modulith.ApplicationModule;
