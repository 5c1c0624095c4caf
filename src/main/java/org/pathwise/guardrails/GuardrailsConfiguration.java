package org.pathwise.guardrails;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class GuardrailsConfiguration {

    /** The version of the default policy; every interaction records it. */
    static final String DEFAULT_POLICY = "pathwise-default/0.1";

    /**
     * The default policy's rails that are built so far: personal data is redacted from questions and answers, and
     * decisions about a particular learner are refused.
     */
    @Bean
    Guardrails guardrails() {
        var personalData = new PersonalDataRail();
        return new RuleSet(List.of(personalData, new HighStakesDecisionRail()), List.of(personalData), DEFAULT_POLICY);
    }
}
