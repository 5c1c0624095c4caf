package org.pathwise.evaluation;

import org.junit.jupiter.api.BeforeAll;
import org.pathwise.retrieval.TestPostgres;
import org.springframework.test.context.TestPropertySource;

/** {@link EvalRunApiTests} in server mode, every table in PostgreSQL. */
@TestPropertySource(
        properties = {
            TestPostgres.SERVER_MODE,
            TestPostgres.URL + "eval_run_api,public",
            TestPostgres.USER,
            TestPostgres.PASSWORD
        })
class EvalRunApiPostgresTests extends EvalRunApiTests {

    @BeforeAll
    static void emptySchema() {
        TestPostgres.freshSchema("eval_run_api");
    }
}
