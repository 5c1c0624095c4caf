package org.pathwise.library;

import dev.langchain4j.model.TokenCountEstimator;
import dev.langchain4j.model.embedding.onnx.HuggingFaceTokenCountEstimator;
import java.time.Clock;
import javax.sql.DataSource;
import org.pathwise.Store;
import org.pathwise.retrieval.LanguageDetector;
import org.pathwise.retrieval.PassageIndex;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
class LibraryConfiguration {

    @Bean
    DocumentSplitter documentSplitter(LibraryProperties properties) {
        TokenCountEstimator tokens = new HuggingFaceTokenCountEstimator();
        return new DocumentSplitter(tokens, properties);
    }

    @Bean
    Library library(
            PassageIndex index,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            DocumentSplitter splitter,
            LibraryProperties properties,
            @Value("${pathwise.store:embedded}") String store,
            DataSource dataSource,
            LanguageDetector languages) {
        var locks = switch (Store.of(store)) {
            case EMBEDDED -> DocumentLocks.inProcess();
            case POSTGRES -> DocumentLocks.postgres(dataSource);
        };
        return new Library(
                index,
                new DocumentStore(jdbc),
                transactions,
                splitter,
                properties,
                Clock.systemUTC(),
                locks,
                languages);
    }
}
