/**
 * Library: documents and their open-educational-resource metadata (title, authors, SPDX licence, language, course,
 * competencies). Ingestion parses files, resolves metadata, splits the text into passages that keep their heading
 * path and position, and hands them to the retrieval index; it is incremental and reports every file's outcome.
 * Text addressed to an AI (visible, or hidden in comments and hidden elements) is flagged with the guardrails'
 * scanner, and hidden text never reaches a passage.
 */
@ApplicationModule(
        displayName = "Library",
        allowedDependencies = {"retrieval", "guardrails"})
package org.pathwise.library;

import org.springframework.modulith.ApplicationModule;
