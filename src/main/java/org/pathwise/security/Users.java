package org.pathwise.security;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * The people who can sign in. Passwords are kept only as bcrypt hashes; usernames are 3–64 letters, digits, dots,
 * hyphens, underscores or at signs; passwords are at least {@value #MIN_PASSWORD_LENGTH} characters.
 */
@Service
public class Users {

    public static final int MIN_PASSWORD_LENGTH = 12;

    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    Users(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * Creates a user.
     *
     * @throws IllegalArgumentException when the username or password is unacceptable or the username is taken
     */
    public UserAccount create(String username, String password, Role role) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException(
                    "username must be 3 to 64 letters, digits, '.', '-', '_' or '@', got '" + username + "'");
        }
        checkPassword(password);
        try {
            jdbc.sql("INSERT INTO app_user (username, password_hash, role, created_at) VALUES (?, ?, ?, ?)")
                    .params(username, passwords.encode(password), role.name(), Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new IllegalArgumentException("the username '" + username + "' is taken", e);
        }
        return find(username).orElseThrow();
    }

    public Optional<UserAccount> find(String username) {
        return jdbc.sql("SELECT id, username, role, created_at FROM app_user WHERE username = ?")
                .param(username)
                .query((rs, row) -> new UserAccount(
                        rs.getLong("id"),
                        rs.getString("username"),
                        Role.valueOf(rs.getString("role")),
                        rs.getTimestamp("created_at").toInstant()))
                .optional();
    }

    public List<UserAccount> list() {
        return jdbc.sql("SELECT id, username, role, created_at FROM app_user ORDER BY username")
                .query((rs, row) -> new UserAccount(
                        rs.getLong("id"),
                        rs.getString("username"),
                        Role.valueOf(rs.getString("role")),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    /**
     * Changes a user's password after checking the current one.
     *
     * @throws WrongPasswordException when the current password is wrong
     * @throws IllegalArgumentException when the new password is unacceptable
     */
    public void changePassword(String username, String currentPassword, String newPassword) {
        var hash = passwordHash(username).orElseThrow(() -> new IllegalArgumentException("no such user"));
        if (currentPassword == null || !passwords.matches(currentPassword, hash)) {
            throw new WrongPasswordException();
        }
        checkPassword(newPassword);
        jdbc.sql("UPDATE app_user SET password_hash = ? WHERE username = ?")
                .params(passwords.encode(newPassword), username)
                .update();
    }

    Optional<String> passwordHash(String username) {
        return jdbc.sql("SELECT password_hash FROM app_user WHERE username = ?")
                .param(username)
                .query(String.class)
                .optional();
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }

    /** The current password given to confirm a change is wrong. */
    public static final class WrongPasswordException extends IllegalArgumentException {

        WrongPasswordException() {
            super("the current password is wrong");
        }
    }
}
