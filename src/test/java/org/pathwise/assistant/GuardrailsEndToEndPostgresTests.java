package org.pathwise.assistant;

import org.junit.jupiter.api.BeforeAll;
import org.pathwise.retrieval.TestPostgres;
import org.springframework.test.context.TestPropertySource;

/** {@link GuardrailsEndToEndTests} in server mode, every table in PostgreSQL. */
@TestPropertySource(
        properties = {
            TestPostgres.SERVER_MODE,
            TestPostgres.URL + "guardrails_end_to_end,public",
            TestPostgres.USER,
            TestPostgres.PASSWORD
        })
class GuardrailsEndToEndPostgresTests extends GuardrailsEndToEndTests {

    @BeforeAll
    static void emptySchema() {
        TestPostgres.freshSchema("guardrails_end_to_end");
    }
}
