package org.pathwise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class StoreEnvironmentTest {

    private final StoreEnvironment processor = new StoreEnvironment();

    @Test
    void theEmbeddedStoreLeavesTheConfigurationAlone() {
        var environment = new MockEnvironment();

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getPropertySources().contains(StoreEnvironment.SOURCE))
                .isFalse();
    }

    @Test
    void serverModePointsTheDataSourceAndTheMigrationsAtPostgres() {
        var environment = new MockEnvironment()
                .withProperty("pathwise.store", " Postgres ")
                .withProperty("pathwise.database.url", "jdbc:postgresql://db:5432/pathwise")
                .withProperty("pathwise.database.user", "pathwise")
                .withProperty("pathwise.database.statement-timeout", "45s");

        processor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db:5432/pathwise");
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("pathwise");
        assertThat(environment.getProperty("spring.datasource.hikari.data-source-properties.options"))
                .isEqualTo("-c statement_timeout=45000");
        assertThat(environment.getProperty("spring.flyway.locations")).contains("classpath:db/postgresql");
    }

    @Test
    void anUnknownStoreNamesTheAcceptedValues() {
        var environment = new MockEnvironment().withProperty("pathwise.store", "mongo");

        assertThatThrownBy(() -> processor.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("PATHWISE_STORE")
                .hasMessageContaining("embedded or postgres")
                .hasMessageContaining("mongo");
    }

    @Test
    void serverModeWithoutAUrlSaysWhichVariableToSet() {
        var environment = new MockEnvironment().withProperty("pathwise.store", "postgres");

        assertThatThrownBy(() -> processor.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("PATHWISE_DATABASE_URL");
    }

    @Test
    void anotherDatabasesUrlIsRefused() {
        var environment = new MockEnvironment()
                .withProperty("pathwise.store", "postgres")
                .withProperty("pathwise.database.url", "jdbc:h2:mem:x");

        assertThatThrownBy(() -> processor.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("PostgreSQL JDBC URL")
                .hasMessageContaining("jdbc:h2:mem:x");
    }

    @Test
    void aBadStatementTimeoutIsNamed() {
        var environment = new MockEnvironment()
                .withProperty("pathwise.store", "postgres")
                .withProperty("pathwise.database.url", "jdbc:postgresql://db/pathwise")
                .withProperty("pathwise.database.statement-timeout", "soon");

        assertThatThrownBy(() -> processor.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("statement-timeout")
                .hasMessageContaining("soon");
    }
}
