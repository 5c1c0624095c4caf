/**
 * Pathways: competency frameworks (DigCompEdu and the UNESCO frameworks, with crosswalks), educator profiles and the
 * self-assessment, the course catalogue, the planner that turns a profile and a goal into an optimal, explained
 * learning path, and cohort plans. {@link org.pathwise.pathways.Pathways} is the façade; the planner uses the
 * library's search (through {@code retrieval}) to list documents for each step and the embedder to suggest tags.
 */
@ApplicationModule(
        displayName = "Pathways",
        allowedDependencies = {"retrieval", "stats", "security"})
package org.pathwise.pathways;

import org.springframework.modulith.ApplicationModule;
