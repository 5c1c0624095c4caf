package org.pathwise.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Personal API tokens: 256 random bits shown once when created, stored only as their SHA-256, each with an expiry;
 * a user can list and revoke their own. A token authenticates as its user until it expires or is revoked, a new
 * password revokes it, or while its user is disabled. A token cannot create tokens: that takes a password or a session.
 */
@Service
class ApiTokens {

    /** Every token starts with this, so that secret scanners can recognise a leaked one. */
    public static final String PREFIX = "pw_";

    private static final Duration MAX_TTL = Duration.ofDays(366);

    private final JdbcClient jdbc;
    private final Users users;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Users users, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.clock = clock;
    }

    /** A token as just created: the only time its secret is available. */
    public record IssuedToken(long id, String name, String token, Instant expiresAt) {}

    /** A token as its owner sees it later: never its secret. */
    public record TokenInfo(
            long id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt, Instant lastUsedAt) {

        public boolean active(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    /**
     * Creates a token for a user.
     *
     * @throws IllegalArgumentException when the name is blank or too long or the lifetime is not 1 to 366 days
     */
    public IssuedToken create(String username, String name, Duration ttl) {
        var user = users.find(username).orElseThrow(() -> new IllegalArgumentException("no such user: " + username));
        var label = name == null || name.isBlank() ? "token" : name.strip();
        if (label.length() > 100) {
            throw new IllegalArgumentException("a token name has at most 100 characters");
        }
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException("a token lives 1 to 366 days, got " + ttl.toDays() + " days");
        }
        var bytes = new byte[32];
        random.nextBytes(bytes);
        var token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var now = clock.instant();
        var expires = now.plus(ttl);
        jdbc.sql("INSERT INTO api_token (user_id, name, token_hash, created_at, expires_at) VALUES (?, ?, ?, ?, ?)")
                .params(user.id(), label, hash(token), Timestamp.from(now), Timestamp.from(expires))
                .update();
        long id = jdbc.sql("SELECT id FROM api_token WHERE token_hash = ?")
                .param(hash(token))
                .query(Long.class)
                .single();
        return new IssuedToken(id, label, token, expires);
    }

    public List<TokenInfo> list(String username) {
        return jdbc.sql(
                        "SELECT t.id, t.name, t.created_at, t.expires_at, t.revoked_at, t.last_used_at FROM api_token t"
                                + " JOIN app_user u ON u.id = t.user_id WHERE u.username = ? ORDER BY t.created_at DESC, t.id DESC")
                .param(username)
                .query((rs, row) -> new TokenInfo(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(),
                        instant(rs.getTimestamp("revoked_at")),
                        instant(rs.getTimestamp("last_used_at"))))
                .list();
    }

    /** Revokes one of the user's own tokens; false when the user has no such active token. */
    public boolean revoke(String username, long id) {
        return jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL AND user_id ="
                                + " (SELECT id FROM app_user WHERE username = ?)")
                        .params(Timestamp.from(clock.instant()), id, username)
                        .update()
                > 0;
    }

    /** Revokes all of a user's active tokens; how many there were. */
    public int revokeAll(String username) {
        return users.revokeAllTokens(username);
    }

    /** The user a token authenticates, when it is known, unexpired and not revoked, and its user is enabled. */
    public Optional<UserAccount> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        var now = Timestamp.from(clock.instant());
        var username = jdbc.sql("SELECT u.username FROM api_token t JOIN app_user u ON u.id = t.user_id"
                        + " WHERE t.token_hash = ? AND t.revoked_at IS NULL AND t.expires_at > ? AND u.enabled = TRUE")
                .params(hash(token), now)
                .query(String.class)
                .optional();
        username.ifPresent(ignored -> jdbc.sql("UPDATE api_token SET last_used_at = ? WHERE token_hash = ?")
                .params(now, hash(token))
                .update());
        return username.flatMap(users::find);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
