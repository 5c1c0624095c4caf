/**
 * Evaluation: question sets with their calibration and test splits, runs that ask them through the production
 * pipeline ({@link org.pathwise.assistant.Assistant#trace}) and store each question's result with its trace in their
 * own tables ({@code eval_run}, {@code eval_run_start}) and never in the audit log or the review queue, the metrics
 * (retrieval, answers, abstention, refusals, with bootstrap intervals), the BEIR benchmark, reports, comparison and
 * the regression gate, started from the command line ({@code eval}, {@code eval-compare}, {@code guardrails-eval}),
 * the API or the pages.
 */
@ApplicationModule(
        displayName = "Evaluation",
        allowedDependencies = {"library", "retrieval", "assistant", "guardrails", "stats"})
package org.pathwise.evaluation;

import org.springframework.modulith.ApplicationModule;
