package org.pathwise.lti;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pathwise.security.Role;
import org.pathwise.security.Users;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The accounts of people whom platforms launch, linked by the platform's issuer and the person's subject there: the
 * first launch makes the account (named {@code lti<platform>-<subject>}, no personal data in it), each launch gives
 * it the role the launch maps to. The account has no password anyone knows, so its person signs in through the
 * platform only.
 */
@Component
class LtiAccounts {

    private static final Pattern PLAIN_SUBJECT = Pattern.compile("[A-Za-z0-9._@-]{1,40}");

    private final JdbcClient jdbc;
    private final Users users;

    LtiAccounts(JdbcClient jdbc, Users users) {
        this.jdbc = jdbc;
        this.users = users;
    }

    /**
     * The username of the launch's person, with {@code role}, their account made on their first launch.
     *
     * @throws IllegalStateException when their account is disabled
     */
    String admit(LtiLaunch launch, Role role) {
        var issuer = launch.platform().issuer();
        var linked = linked(issuer, launch.subject());
        if (linked.isPresent()) {
            users.admit(linked.get(), role);
            return linked.get();
        }
        try {
            return link(launch, role);
        } catch (DuplicateKeyException | IllegalArgumentException e) {
            // the same person's other first launch made or linked the account at the same moment: theirs stands
            var theirs = linked(issuer, launch.subject()).orElseThrow(() -> e);
            users.admit(theirs, role);
            return theirs;
        }
    }

    /** Makes the account of a person launched for the first time, and links it; undoes the account if linking fails. */
    private String link(LtiLaunch launch, Role role) {
        var base = "lti" + launch.platform().id() + "-"
                + (PLAIN_SUBJECT.matcher(launch.subject()).matches() ? launch.subject() : digest(launch.subject()));
        var username = base;
        // a name an administrator gave someone else stays theirs
        for (int n = 2; users.find(username).isPresent(); n++) {
            username = base + "-" + n;
        }
        users.admit(username, role);
        try {
            jdbc.sql("INSERT INTO lti_account (issuer, subject, username) VALUES (?, ?, ?)")
                    .params(launch.platform().issuer(), launch.subject(), username)
                    .update();
        } catch (DuplicateKeyException e) {
            // the name was free when this launch looked, so the account is this launch's own
            users.delete(username);
            throw e;
        }
        return username;
    }

    private Optional<String> linked(String issuer, String subject) {
        return jdbc.sql("SELECT username FROM lti_account WHERE issuer = ? AND subject = ?")
                .params(issuer, subject)
                .query(String.class)
                .optional();
    }

    private static String digest(String subject) {
        try {
            var hash = MessageDigest.getInstance("SHA-256").digest(subject.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
