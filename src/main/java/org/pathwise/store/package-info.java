/**
 * Store: moving a Pathwise installation from the embedded store (H2 and Lucene in the data directory) into server
 * mode (PostgreSQL with pgvector), every table and every passage with its vector.
 */
@ApplicationModule(
        displayName = "Store",
        allowedDependencies = {"retrieval", "audit"})
package org.pathwise.store;

import org.springframework.modulith.ApplicationModule;
