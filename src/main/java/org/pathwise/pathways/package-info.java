/**
 * Pathways: competency frameworks, educator profiles, the course catalogue, and the planner that turns a profile and
 * a goal into a learning path or a cohort's training plan. Not built yet.
 */
@ApplicationModule(displayName = "Pathways", allowedDependencies = "retrieval")
package org.pathwise.pathways;

import org.springframework.modulith.ApplicationModule;
