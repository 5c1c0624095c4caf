package org.pathwise.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pathwise.security.TestUsers;
import org.pathwise.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * No GET changes anything: every GET endpoint and page the application maps, called by an administrator (who may call
 * them all) with the parameters a client would give, leaves every table as it was. A GET that asked, stored or
 * appended to the audit chain would let any page a signed-in user opens act in their name.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReadOnlyGetsTests {

    private static final Path DATA_DIR = TestUsers.dataDir("pathwise-gets");

    /** Parameters that make a GET do its work rather than refuse: a question, a query, a period. */
    private static final Map<String, String> PARAMETERS = Map.of(
            "q", "colour contrast",
            "question", "How do I check colour contrast?",
            "from", "2026-01-01",
            "to", "2026-02-01");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("pathwise.data-dir", DATA_DIR::toString);
        registry.add("pathwise.library.sample-library", () -> "false");
        registry.add("pathwise.security.bootstrap-admin-password", () -> "read-only admin password");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void noGetChangesATable() throws Exception {
        TestUsers.ensureOnePerRole(users);
        var paths = new TreeSet<String>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            var methods = info.getMethodsCondition().getMethods();
            if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
                paths.addAll(info.getPatternValues());
            }
        });
        paths.removeIf(path -> path.startsWith("/error"));
        var before = rows();

        for (var path : paths) {
            var request =
                    get(path.replaceAll("\\{[^}]+}", "none")).with(TestUsers.as(org.pathwise.security.Role.ADMIN));
            PARAMETERS.forEach(request::param);
            mvc.perform(request);
        }

        assertThat(paths).as("the GETs called").hasSizeGreaterThan(40).contains("/api/search", "/ask", "/audit");
        assertThat(rows()).isEqualTo(before);
    }

    /** Every table's rows, as text, by table: an insert, an update or a delete changes them. */
    private Map<String, List<String>> rows() {
        var contents = new LinkedHashMap<String, List<String>>();
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'PUBLIC'"
                        + " AND table_type = 'BASE TABLE' ORDER BY table_name")
                .query(String.class)
                .list();
        for (var table : tables) {
            contents.put(
                    table,
                    jdbc
                            .sql("SELECT * FROM \"" + table + "\"")
                            .query((rs, row) -> {
                                var values = new StringBuilder();
                                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                                    values.append(rs.getString(i)).append('|');
                                }
                                return values.toString();
                            })
                            .list()
                            .stream()
                            .sorted()
                            .toList());
        }
        return contents;
    }
}
