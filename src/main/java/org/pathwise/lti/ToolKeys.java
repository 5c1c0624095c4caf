package org.pathwise.lti;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The tool's own RSA keys: the newest signs what Pathwise sends a platform (a Deep Linking response), and every key's
 * public half is published at {@code /lti/jwks}, where platforms verify it. The first key is made (2,048 bits) when
 * the service starts without one, and kept in the database, so that every instance sharing it signs with the same
 * key and no request (a GET of the keys) writes it.
 */
@Component
class ToolKeys {

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile RSAKey signing;

    ToolKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Makes the first key when the service starts without one, so that it has one before any platform asks. */
    @Component
    @ConditionalOnWebApplication
    static class AtStart {

        private final ToolKeys keys;

        AtStart(ToolKeys keys) {
            this.keys = keys;
        }

        @EventListener(ApplicationReadyEvent.class)
        void ensureKey() {
            keys.signingKey();
        }
    }

    /** The public keys as a JSON Web Key Set (RFC 7517). */
    Map<String, Object> jwks() {
        signingKey();
        return new JWKSet(List.copyOf(keys())).toJSONObject(true);
    }

    /** A JWT of these claims, signed RS256 with the newest key and naming it in its header. */
    String sign(JWTClaimsSet claims) {
        var key = signingKey();
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .type(JOSEObjectType.JWT)
                        .keyID(key.getKeyID())
                        .build(),
                claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("could not sign with the tool's key " + key.getKeyID(), e);
        }
        return jwt.serialize();
    }

    /**
     * The claims of a JWT that one of the tool's own keys signed, when its signature verifies and it has not
     * expired; empty otherwise.
     */
    java.util.Optional<JWTClaimsSet> verified(String token) {
        try {
            var jwt = SignedJWT.parse(token);
            for (var key : keys()) {
                if (key.getKeyID().equals(jwt.getHeader().getKeyID())
                        && jwt.verify(new com.nimbusds.jose.crypto.RSASSAVerifier(key.toRSAPublicKey()))) {
                    var claims = jwt.getJWTClaimsSet();
                    return claims.getExpirationTime() != null
                                    && claims.getExpirationTime().toInstant().isAfter(clock.instant())
                            ? java.util.Optional.of(claims)
                            : java.util.Optional.empty();
                }
            }
        } catch (java.text.ParseException | JOSEException e) {
            // not a token of this tool
        }
        return java.util.Optional.empty();
    }

    private RSAKey signingKey() {
        var key = signing;
        if (key == null) {
            synchronized (this) {
                if (signing == null) {
                    var stored = keys();
                    if (stored.isEmpty()) {
                        store(generate());
                        stored = keys();
                    }
                    signing = stored.getFirst();
                }
                key = signing;
            }
        }
        return key;
    }

    /** The stored keys, newest first. */
    private List<RSAKey> keys() {
        return jdbc.sql("SELECT kid, private_key, public_key FROM lti_tool_key ORDER BY created_at DESC, kid")
                .query((rs, row) -> key(rs.getString("kid"), rs.getString("private_key"), rs.getString("public_key")))
                .list();
    }

    private void store(RSAKey key) {
        try {
            jdbc.sql("INSERT INTO lti_tool_key (kid, private_key, public_key, created_at) VALUES (?, ?, ?, ?)")
                    .params(
                            key.getKeyID(),
                            Base64.getEncoder()
                                    .encodeToString(key.toRSAPrivateKey().getEncoded()),
                            Base64.getEncoder()
                                    .encodeToString(key.toRSAPublicKey().getEncoded()),
                            Timestamp.from(clock.instant()))
                    .update();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not encode the tool's new key", e);
        } catch (DuplicateKeyException e) {
            // another instance stored one at the same moment: either signs
        }
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID(UUID.randomUUID().toString())
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("could not make the tool's key", e);
        }
    }

    private static RSAKey key(String kid, String privateKey, String publicKey) {
        try {
            var factory = KeyFactory.getInstance("RSA");
            var publicPart = (RSAPublicKey) factory.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
            var privatePart = (RSAPrivateKey) factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(privateKey)));
            return new RSAKey.Builder(publicPart)
                    .privateKey(privatePart)
                    .keyID(kid)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .build();
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the tool's stored key " + kid + " cannot be read", e);
        }
    }
}
