package org.pathwise.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stable pseudonyms of user names: {@code p-} and the first 96 bits of HMAC-SHA256(user name) under a secret key, in
 * hex. The same user always gets the same pseudonym, so records can be grouped by user after erasure, and nobody
 * without the key can tell whose they are. The key is a configured value, or 32 random bytes kept (Base64) in the
 * database's {@code audit_secret} table, created on first use, so that every instance sharing the database agrees.
 * A data directory from before that table keeps its key: the {@code audit-secret} file's key is moved into the table.
 */
final class Pseudonyms {

    static final String SECRET_FILE = "audit-secret";

    private final byte[] key;

    private Pseudonyms(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException(
                    "pathwise.audit.pseudonym-secret must have at least 16 bytes, got " + key.length);
        }
        this.key = key.clone();
    }

    /** Pseudonyms under a configured secret. */
    static Pseudonyms withSecret(String secret) {
        return new Pseudonyms(secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Pseudonyms under the configured secret, or else the database's, which is created when missing (from the data
     * directory's {@code audit-secret} file when there is one).
     */
    static Pseudonyms of(String configured, JdbcClient jdbc, Path dataDir) {
        if (!configured.isEmpty()) {
            return withSecret(configured);
        }
        var stored = stored(jdbc);
        if (stored.isEmpty()) {
            var file = dataDir.resolve(SECRET_FILE);
            String secret;
            try {
                secret = Files.exists(file) ? Files.readString(file).strip() : random();
            } catch (IOException e) {
                throw new UncheckedIOException("can't read the pseudonym key " + file + ": " + e.getMessage(), e);
            }
            try {
                jdbc.sql("INSERT INTO audit_secret (id, secret) VALUES (1, ?)")
                        .param(secret)
                        .update();
            } catch (DuplicateKeyException raced) {
                // another instance stored its key first: use theirs
            }
            stored = stored(jdbc);
        }
        return new Pseudonyms(Base64.getDecoder().decode(stored.orElseThrow()));
    }

    private static Optional<String> stored(JdbcClient jdbc) {
        return jdbc.sql("SELECT secret FROM audit_secret WHERE id = 1")
                .query(String.class)
                .optional();
    }

    private static String random() {
        var bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The pseudonym of a user name. */
    String pseudonym(String user) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            var digest = mac.doFinal(user.getBytes(StandardCharsets.UTF_8));
            return "p-" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
