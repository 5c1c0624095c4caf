package org.pathwise.audit;

import org.junit.jupiter.api.BeforeAll;
import org.pathwise.retrieval.TestPostgres;
import org.springframework.test.context.TestPropertySource;

/** {@link AuditApiTests} in server mode, every table in PostgreSQL. */
@TestPropertySource(
        properties = {
            TestPostgres.SERVER_MODE,
            TestPostgres.URL + "audit_api,public",
            TestPostgres.USER,
            TestPostgres.PASSWORD
        })
class AuditApiPostgresTests extends AuditApiTests {

    @BeforeAll
    static void emptySchema() {
        TestPostgres.freshSchema("audit_api");
    }
}
