package org.pathwise.security;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** One user per role ({@code educator-user}, {@code admin-user}, ...) for tests that exercise the access model. */
public final class TestUsers {

    /** Every test user's password. */
    public static final String PASSWORD = "correct horse battery";

    private TestUsers() {}

    /** Creates the users that do not exist yet. */
    public static void ensureOnePerRole(Users users) {
        for (var role : Role.values()) {
            var name = role.label() + "-user";
            if (users.find(name).isEmpty()) {
                users.create(name, PASSWORD, role);
            }
        }
    }

    /** Signs a request in as the test user of a role, with HTTP Basic. */
    public static RequestPostProcessor as(Role role) {
        return httpBasic(role.label() + "-user", PASSWORD);
    }

    /** A new API token of {@code username} named {@code name}, valid for an hour, from the application's tokens. */
    public static String token(ApplicationContext application, String username, String name) {
        return application
                .getBean(ApiTokens.class)
                .create(username, name, Duration.ofHours(1))
                .token();
    }

    /** A new, empty data directory for one test class's application. */
    public static Path dataDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
