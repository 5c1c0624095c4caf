package org.pathwise.security;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    Users(
            JdbcClient jdbc,
            PasswordEncoder passwords,
            Clock clock,
            TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
        this.transactions = transactions;
        this.events = events;
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

    /**
     * Admits a person whom another service vouches for (an institution's OpenID Connect provider, a learning
     * platform's LTI launch): their account is created with {@code role} and a generated password nobody knows on the
     * first sign-in, so that they sign in through that service only, and given {@code role} again at each later one,
     * as the service decides.
     *
     * @throws IllegalArgumentException when the username is unacceptable
     * @throws IllegalStateException when the account is disabled
     */
    public void admit(String username, Role role) {
        var account = find(username);
        if (account.isEmpty()) {
            create(username, generatedPassword(), role);
        } else if (!account.get().enabled()) {
            throw new IllegalStateException("the account " + username + " is disabled");
        } else if (account.get().role() != role) {
            setRole(username, role);
        }
    }

    public Optional<UserAccount> find(String username) {
        return jdbc.sql("SELECT id, username, role, created_at, enabled FROM app_user WHERE username = ?")
                .param(username)
                .query(Users::account)
                .optional();
    }

    public List<UserAccount> list() {
        return jdbc.sql("SELECT id, username, role, created_at, enabled FROM app_user ORDER BY username")
                .query(Users::account)
                .list();
    }

    private static UserAccount account(ResultSet rs, int row) throws SQLException {
        return new UserAccount(
                rs.getLong("id"),
                rs.getString("username"),
                Role.valueOf(rs.getString("role")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getBoolean("enabled"));
    }

    /**
     * Where a user's credentials stand: {@code version} goes up with every new password and every disabling, so a
     * session signed in under an older version is stale.
     */
    record CredentialState(int version, boolean enabled) {}

    Optional<CredentialState> credentials(String username) {
        return jdbc.sql("SELECT credentials_version, enabled FROM app_user WHERE username = ?")
                .param(username)
                .query((rs, row) -> new CredentialState(rs.getInt("credentials_version"), rs.getBoolean("enabled")))
                .optional();
    }

    /**
     * Disables or enables a user. A disabled user cannot sign in, their sessions end on their next request and their
     * tokens are refused (until enabled again, unless revoked).
     *
     * @return false when there is no such user
     */
    public boolean setEnabled(String username, boolean enabled) {
        var sql = enabled
                ? "UPDATE app_user SET enabled = TRUE WHERE username = ?"
                : "UPDATE app_user SET enabled = FALSE, credentials_version = credentials_version + 1 WHERE username = ?";
        return jdbc.sql(sql).param(username).update() > 0;
    }

    /**
     * Gives a user another role. Their sessions end on their next request, as after a password change, so that no
     * session keeps the old role; their tokens carry the new one at once.
     *
     * @return false when there is no such user
     */
    public boolean setRole(String username, Role role) {
        return jdbc.sql(
                                "UPDATE app_user SET role = ?, credentials_version = credentials_version + 1 WHERE username = ?")
                        .params(role.name(), username)
                        .update()
                > 0;
    }

    /**
     * Gives a user a new generated password, which is returned once and stored only as its hash, ends their sessions
     * and revokes their tokens, in one transaction.
     *
     * @return the new password, or empty when there is no such user
     */
    public Optional<String> resetPassword(String username) {
        var password = generatedPassword();
        var encoded = passwords.encode(password);
        return transactions.execute(status -> {
            int updated = jdbc.sql(
                            "UPDATE app_user SET password_hash = ?, credentials_version = credentials_version + 1"
                                    + " WHERE username = ?")
                    .params(encoded, username)
                    .update();
            if (updated == 0) {
                return Optional.<String>empty();
            }
            revokeAllTokens(username);
            return Optional.of(password);
        });
    }

    /**
     * A new random password: 144 bits from a {@link java.security.SecureRandom}, as 24 URL-safe characters, for an
     * account whose password someone is given once (the first administrator, a reset) or nobody knows (an account
     * made by single sign-on).
     */
    static String generatedPassword() {
        var bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Deletes a user with their tokens, and publishes {@link UserDeleted} in the same transaction so that the modules
     * remove what they keep of the user (their conversations, erased from the audit log as a user's own deletion is;
     * their learning profile). The audit chain stays verifiable.
     *
     * @return false when there is no such user
     */
    public boolean delete(String username) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            if (find(username).isEmpty()) {
                return false;
            }
            events.publishEvent(new UserDeleted(username));
            jdbc.sql("DELETE FROM app_user WHERE username = ?").param(username).update();
            return true;
        }));
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single();
    }

    /**
     * Changes a user's password after checking the current one, ends the user's sessions (the caller keeps its own by
     * {@link SessionCredentialsFilter#remember}) and revokes all their API tokens, in one transaction.
     *
     * @return how many tokens were revoked
     * @throws WrongPasswordException when the current password is wrong
     * @throws IllegalArgumentException when the new password is unacceptable
     */
    public int changePassword(String username, String currentPassword, String newPassword) {
        var hash = passwordHash(username).orElseThrow(() -> new IllegalArgumentException("no such user"));
        if (currentPassword == null || !passwords.matches(currentPassword, hash)) {
            throw new WrongPasswordException();
        }
        checkPassword(newPassword);
        var encoded = passwords.encode(newPassword);
        var revoked = transactions.execute(status -> {
            jdbc.sql("UPDATE app_user SET password_hash = ?, credentials_version = credentials_version + 1"
                            + " WHERE username = ?")
                    .params(encoded, username)
                    .update();
            return revokeAllTokens(username);
        });
        return revoked == null ? 0 : revoked;
    }

    /** Revokes all of a user's active API tokens; how many there were. */
    int revokeAllTokens(String username) {
        return jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE revoked_at IS NULL AND user_id ="
                        + " (SELECT id FROM app_user WHERE username = ?)")
                .params(Timestamp.from(clock.instant()), username)
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
