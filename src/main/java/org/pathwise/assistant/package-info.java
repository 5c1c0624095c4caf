/**
 * Assistant: answers educators' questions from the library, with citations, inside the guardrails; abstains when the
 * library holds no answer. Not built yet.
 */
@ApplicationModule(
        displayName = "Assistant",
        allowedDependencies = {"retrieval", "guardrails"})
package org.pathwise.assistant;

import org.springframework.modulith.ApplicationModule;
