package org.pathwise.guardrails;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.pathwise.retrieval.Embedder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GuardrailsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GuardrailsConfiguration.class);

    /**
     * The policy in force: the newest version an administrator put in force, else the configured file, else the
     * bundled default. A stored version that this build can't use (it names a detector that no longer exists) is
     * skipped with a warning.
     */
    @Bean
    PolicyGuardrails guardrails(GuardrailsProperties properties, PolicyStore store, Embedder embedder) {
        var detectors = Detectors.builtIn(embedder);
        var stored = store.latest();
        if (stored.isPresent()) {
            try {
                return new PolicyGuardrails(PolicyYaml.parse(stored.get().yaml()), detectors);
            } catch (PolicyException e) {
                log.warn(
                        "The stored policy {} can't be used ({}); starting from the configured policy",
                        stored.get().version(),
                        e.getMessage());
            }
        }
        return new PolicyGuardrails(PolicyYaml.parse(configured(properties)), detectors);
    }

    private static String configured(GuardrailsProperties properties) {
        try {
            return properties.policy() == null
                    ? PolicyYaml.bundledDefault()
                    : Files.readString(properties.policy(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("can't read the policy " + properties.policy(), e);
        }
    }
}
