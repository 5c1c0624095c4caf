package org.pathwise.library;

import java.nio.file.Path;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.pathwise.retrieval.PassageIndex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/** Builds a {@link Library} on a real H2 database (migrated by Flyway) and a given index, without Spring. */
final class TestLibraries {

    private TestLibraries() {}

    /** An H2 database in files under {@code folder}, migrated. */
    static DataSource database(Path folder) {
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + folder.resolve("pathwise").toAbsolutePath());
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).load().migrate();
        return dataSource;
    }

    static LibraryProperties properties(DataSize maxFileSize, int batchPassages) {
        return new LibraryProperties(maxFileSize, 20, 40, 5, batchPassages, false, java.util.List.of());
    }

    static Library library(PassageIndex index, DataSource dataSource, LibraryProperties properties) {
        return new Library(
                index,
                new DocumentStore(JdbcClient.create(dataSource)),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                new DocumentSplitter(new WordCounter(), properties),
                properties,
                Clock.systemUTC());
    }
}
