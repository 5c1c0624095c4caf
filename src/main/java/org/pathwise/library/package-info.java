/**
 * Library: documents and their open-educational-resource metadata (title, authors, SPDX licence, language, course,
 * competencies). Ingestion parses files, resolves metadata, splits the text into passages that keep their heading
 * path and position, and hands them to the retrieval index; it is incremental and reports every file's outcome.
 */
@ApplicationModule(displayName = "Library", allowedDependencies = "retrieval")
package org.pathwise.library;

import org.springframework.modulith.ApplicationModule;
