package org.pathwise.retrieval;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.pathwise.Store;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

@Configuration(proxyBeanMethods = false)
class RetrievalConfiguration {

    @Bean
    Embedder embedder(EmbeddingProperties properties) {
        return Embedder.load(properties.model(), properties.modelsDir(), properties.bundledModelDir());
    }

    /**
     * The Lucene index in the data directory, or in server mode the passage tables of the shared database, created
     * after the schema migrations (Flyway refuses to start on a schema that holds tables it did not create).
     */
    @Bean(destroyMethod = "close")
    @DependsOn("flywayInitializer")
    PassageIndex passageIndex(
            @Value("${pathwise.store:embedded}") String store,
            @Value("${pathwise.data-dir}") Path dataDir,
            Embedder embedder,
            ObjectProvider<DataSource> dataSource) {
        return switch (Store.of(store)) {
            case EMBEDDED -> LucenePassageIndex.open(dataDir.resolve("index"), embedder);
            case POSTGRES -> PgVectorPassageIndex.open(dataSource.getObject(), embedder);
        };
    }

    /**
     * The translator of questions in none of the library's languages: a language model's when the assistant has one,
     * else the dictionaries, unless they are switched off.
     */
    @Bean
    DictionaryTranslator dictionaryTranslator(
            DictionaryProperties properties,
            LanguageDetector detector,
            Embedder embedder,
            ObjectProvider<QueryTranslator> model) {
        return new DictionaryTranslator(
                properties.enabled() ? properties.folder() : null,
                detector,
                properties.into(),
                embedder.languages(),
                model.getIfAvailable(() -> QueryTranslator.NONE));
    }

    /** The one language detector of the application: documents, questions and audit records are detected with it. */
    @Bean
    LanguageDetector languageDetector() {
        return LanguageDetector.shared();
    }

    @Bean
    @ConditionalOnWebApplication
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
