package org.pathwise.lti;

import org.junit.jupiter.api.BeforeAll;
import org.pathwise.retrieval.TestPostgres;
import org.springframework.test.context.TestPropertySource;

/**
 * {@link LtiLaunchTests} in server mode: registrations, login states, linked accounts and the tool's keys in
 * PostgreSQL.
 */
@TestPropertySource(
        properties = {
            TestPostgres.SERVER_MODE,
            TestPostgres.URL + "lti,public",
            TestPostgres.USER,
            TestPostgres.PASSWORD
        })
class LtiLaunchPostgresTests extends LtiLaunchTests {

    @BeforeAll
    static void emptySchema() {
        TestPostgres.freshSchema("lti");
    }
}
