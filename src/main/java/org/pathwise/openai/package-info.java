/**
 * The OpenAI-compatible door to asking: {@code POST /v1/chat/completions} (plain and streamed) and
 * {@code GET /v1/models}, so that a learning platform's AI placements (Moodle's AI subsystem, for one) or any tool
 * that takes an OpenAI-compatible provider with a custom base URL get Pathwise's grounded, policy-checked answers. A
 * request passes through the same guardrails, retrieval, composer and interaction record as {@code /api/ask}; a
 * Pathwise API token is the bearer key.
 */
@ApplicationModule(
        displayName = "OpenAI-compatible API",
        allowedDependencies = {"assistant", "library", "retrieval"})
package org.pathwise.openai;

import org.springframework.modulith.ApplicationModule;
