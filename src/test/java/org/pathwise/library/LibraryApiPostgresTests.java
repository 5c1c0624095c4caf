package org.pathwise.library;

import org.junit.jupiter.api.BeforeAll;
import org.pathwise.retrieval.TestPostgres;
import org.springframework.test.context.TestPropertySource;

/** {@link LibraryApiTests} in server mode: documents in PostgreSQL, passages and vectors in pgvector. */
@TestPropertySource(
        properties = {
            TestPostgres.SERVER_MODE,
            TestPostgres.URL + "library_api,public",
            TestPostgres.USER,
            TestPostgres.PASSWORD
        })
class LibraryApiPostgresTests extends LibraryApiTests {

    @BeforeAll
    static void emptySchema() {
        TestPostgres.freshSchema("library_api");
    }
}
