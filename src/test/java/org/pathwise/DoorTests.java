package org.pathwise;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pathwise.security.Role;
import org.pathwise.security.TestUsers;
import org.pathwise.security.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running service with its sample library, as the tests of its standard doors (the OpenAI-compatible endpoint,
 * the MCP server) drive it with those standards' own clients. They share one application: each test makes users of
 * its own, so that their rate limits and records don't meet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class DoorTests {

    /** Asks a user may make a minute: few, so that a test can reach the limit. */
    protected static final int ASKS_PER_MINUTE = 4;

    private static final Path DATA_DIR = createDataDir();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("pathwise.data-dir", DATA_DIR::toString);
        registry.add("pathwise.security.rate-limits.ask", () -> ASKS_PER_MINUTE);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected Users users;

    @Autowired
    protected ApplicationContext application;

    @Autowired
    protected JdbcClient jdbc;

    /** The data directory the service holds. */
    protected static Path dataDir() {
        return DATA_DIR;
    }

    /** A token of {@code name}, created with {@code role} when it does not exist yet. */
    protected String token(String name, Role role) {
        if (users.find(name).isEmpty()) {
            users.create(name, "a long test password", role);
        }
        return TestUsers.token(application, name, "door tests");
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("pathwise-doors");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
