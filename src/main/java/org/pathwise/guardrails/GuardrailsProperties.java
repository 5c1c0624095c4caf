package org.pathwise.guardrails;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the guardrails ({@code pathwise.guardrails.*}).
 *
 * @param policy a policy file to start from instead of the bundled default, or {@code null}; a version an
 *     administrator put in force later takes precedence over both
 */
@ConfigurationProperties("pathwise.guardrails")
record GuardrailsProperties(Path policy) {}
