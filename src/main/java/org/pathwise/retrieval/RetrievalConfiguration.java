package org.pathwise.retrieval;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RetrievalConfiguration {

    @Bean
    Embedder embedder(EmbeddingProperties properties) {
        return Embedder.load(properties.model(), properties.modelsDir());
    }

    @Bean(destroyMethod = "close")
    PassageIndex passageIndex(@Value("${pathwise.data-dir}") Path dataDir, Embedder embedder) {
        return LucenePassageIndex.open(dataDir.resolve("index"), embedder);
    }

    @Bean
    AbstractHealthIndicator indexHealthIndicator(PassageIndex index) {
        return new AbstractHealthIndicator("passage index check failed") {
            @Override
            protected void doHealthCheck(Health.Builder builder) {
                var stats = index.stats();
                builder.up()
                        .withDetail("passages", stats.passages())
                        .withDetail("embeddingModel", stats.embeddingModel())
                        .withDetail("dimensions", stats.dimensions());
            }
        };
    }
}
