package org.pathwise.security;

import org.junit.jupiter.api.BeforeAll;
import org.pathwise.retrieval.TestPostgres;
import org.springframework.test.context.TestPropertySource;

/** {@link AccessControlTests} in server mode, every table in PostgreSQL. */
@TestPropertySource(
        properties = {
            TestPostgres.SERVER_MODE,
            TestPostgres.URL + "access_control,public",
            TestPostgres.USER,
            TestPostgres.PASSWORD
        })
class AccessControlPostgresTests extends AccessControlTests {

    @BeforeAll
    static void emptySchema() {
        TestPostgres.freshSchema("access_control");
    }
}
