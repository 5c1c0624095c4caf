package org.pathwise.library;

import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import java.time.Clock;
import org.pathwise.retrieval.PassageIndex;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class LibraryConfiguration {

    @Bean
    Library library(
            PassageIndex index, JdbcClient jdbc, TransactionTemplate transactions, LibraryProperties properties) {
        TokenCountEstimator tokens = new HuggingFaceTokenCountEstimator();
        return new Library(index, new DocumentStore(jdbc), transactions, tokens, properties, Clock.systemUTC());
    }
}
