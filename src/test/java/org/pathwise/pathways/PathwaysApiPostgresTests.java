package org.pathwise.pathways;

import org.junit.jupiter.api.BeforeAll;
import org.pathwise.retrieval.TestPostgres;
import org.springframework.test.context.TestPropertySource;

/** {@link PathwaysApiTests} in server mode, every table in PostgreSQL. */
@TestPropertySource(
        properties = {
            TestPostgres.SERVER_MODE,
            TestPostgres.URL + "pathways_api,public",
            TestPostgres.USER,
            TestPostgres.PASSWORD
        })
class PathwaysApiPostgresTests extends PathwaysApiTests {

    @BeforeAll
    static void emptySchema() {
        TestPostgres.freshSchema("pathways_api");
    }
}
