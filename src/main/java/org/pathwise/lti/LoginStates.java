package org.pathwise.lti;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The login initiations waiting for their launch. Each has a random state (which comes back with the launch) and a
 * random nonce (which the platform signs into the {@code id_token}); a state is taken once, within
 * {@link #LIFETIME}, so a launch cannot be replayed. Kept in the database, so that any instance sharing it takes the
 * launch.
 */
@Component
class LoginStates {

    static final Duration LIFETIME = Duration.ofMinutes(10);

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A login initiation waiting for its launch. */
    record Pending(String state, String nonce, long platformId) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginStates(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Starts a login for a platform, forgetting the initiations that expired. */
    Pending start(LtiPlatform platform) {
        var now = clock.instant();
        jdbc.sql("DELETE FROM lti_login WHERE expires_at < ?")
                .param(Timestamp.from(now))
                .update();
        var pending = new Pending(random(), random(), platform.id());
        jdbc.sql("INSERT INTO lti_login (state, nonce, platform_id, expires_at) VALUES (?, ?, ?, ?)")
                .params(pending.state(), pending.nonce(), pending.platformId(), Timestamp.from(now.plus(LIFETIME)))
                .update();
        return pending;
    }

    /** Takes the login a launch's state names, once: empty when there is none, it expired or was taken already. */
    Optional<Pending> take(String state) {
        var pending = jdbc.sql("SELECT state, nonce, platform_id FROM lti_login WHERE state = ? AND expires_at >= ?")
                .params(state, Timestamp.from(clock.instant()))
                .query((rs, row) ->
                        new Pending(rs.getString("state"), rs.getString("nonce"), rs.getLong("platform_id")))
                .optional();
        // the delete decides which of two launches with the same state takes it
        return pending.filter(found ->
                jdbc.sql("DELETE FROM lti_login WHERE state = ?").param(state).update() == 1);
    }

    /** 256 random bits, URL-safe. */
    private static String random() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
