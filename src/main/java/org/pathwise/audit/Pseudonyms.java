package org.pathwise.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stable pseudonyms of user names: {@code p-} and the first 96 bits of HMAC-SHA256(user name) under a secret key, in
 * hex. The same user always gets the same pseudonym, so records can be grouped by user after erasure, and nobody
 * without the key can tell whose they are. The key is a configured value, or 32 random bytes kept (Base64) in
 * {@code audit-secret} in the data directory, created on first use and readable by its owner only.
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

    /** Pseudonyms under the configured secret, or else the data directory's, which is created when missing. */
    static Pseudonyms of(String configured, Path dataDir) {
        if (!configured.isEmpty()) {
            return withSecret(configured);
        }
        var file = dataDir.resolve(SECRET_FILE);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDir);
                var bytes = new byte[32];
                new SecureRandom().nextBytes(bytes);
                try {
                    Files.writeString(file, Base64.getEncoder().encodeToString(bytes), StandardOpenOption.CREATE_NEW);
                    try {
                        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                    } catch (UnsupportedOperationException notPosix) {
                        // the file system has no POSIX permissions; the data directory's own protection applies
                    }
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                }
            }
            return new Pseudonyms(
                    Base64.getDecoder().decode(Files.readString(file).strip()));
        } catch (IOException e) {
            throw new UncheckedIOException("can't read or create the pseudonym key " + file + ": " + e.getMessage(), e);
        }
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
