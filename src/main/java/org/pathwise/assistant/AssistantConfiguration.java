package org.pathwise.assistant;

import org.pathwise.retrieval.Embedder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AssistantConfiguration {

    @Bean
    Composer composer(Embedder embedder, AssistantProperties properties) {
        return new ExtractiveComposer(embedder, properties.maxSentences(), properties.maxWords());
    }
}
