package org.pathwise.lti;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The registered platforms, kept in the database so that every instance sharing it accepts the same launches. */
@Component
class LtiPlatforms {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    LtiPlatforms(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Every registration, by name. */
    List<LtiPlatform> list() {
        return select("ORDER BY name, id").list().stream()
                .map(this::withDeployments)
                .toList();
    }

    Optional<LtiPlatform> find(long id) {
        return select("WHERE id = ?", id).optional().map(this::withDeployments);
    }

    /** The registrations whose launches carry this issuer (several when the platform gave Pathwise several clients). */
    List<LtiPlatform> withIssuer(String issuer) {
        return select("WHERE issuer = ? ORDER BY id", issuer).list().stream()
                .map(this::withDeployments)
                .toList();
    }

    /**
     * Registers a platform.
     *
     * @throws IllegalArgumentException when a value is unacceptable
     * @throws IllegalStateException when its issuer and client id are registered already
     */
    LtiPlatform register(PlatformRegistration registration) {
        var checked = registration.checked();
        try {
            return transactions.execute(status -> {
                var keys = new GeneratedKeyHolder();
                jdbc.sql("INSERT INTO lti_platform (name, issuer, client_id, auth_url, token_url, jwks_url, created_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(values(checked))
                        .param(Timestamp.from(clock.instant()))
                        .update(keys, "id");
                long id = keys.getKeyAs(Number.class).longValue();
                insertDeployments(id, checked.deploymentIds());
                return find(id).orElseThrow();
            });
        } catch (DuplicateKeyException e) {
            throw taken(checked);
        }
    }

    /**
     * Changes a registration; the accounts its launches made stay linked to their people.
     *
     * @return the registration as changed, or empty when there is none with this id
     * @throws IllegalArgumentException when a value is unacceptable
     * @throws IllegalStateException when another registration has its issuer and client id
     */
    Optional<LtiPlatform> update(long id, PlatformRegistration registration) {
        var checked = registration.checked();
        try {
            return transactions.execute(status -> {
                int updated = jdbc.sql("UPDATE lti_platform SET name = ?, issuer = ?, client_id = ?, auth_url = ?,"
                                + " token_url = ?, jwks_url = ? WHERE id = ?")
                        .params(values(checked))
                        .param(id)
                        .update();
                if (updated == 0) {
                    return Optional.<LtiPlatform>empty();
                }
                jdbc.sql("DELETE FROM lti_deployment WHERE platform_id = ?")
                        .param(id)
                        .update();
                insertDeployments(id, checked.deploymentIds());
                return find(id);
            });
        } catch (DuplicateKeyException e) {
            throw taken(checked);
        }
    }

    /**
     * Removes a registration: its launches are refused from now on. The accounts its launches made stay, as
     * accounts; an administrator disables or deletes them on the Users page.
     *
     * @return false when there is none with this id
     */
    boolean delete(long id) {
        return jdbc.sql("DELETE FROM lti_platform WHERE id = ?").param(id).update() > 0;
    }

    /** How many people each platform's launches have linked to an account, by issuer. */
    long accounts(String issuer) {
        return jdbc.sql("SELECT COUNT(*) FROM lti_account WHERE issuer = ?")
                .param(issuer)
                .query(Long.class)
                .single();
    }

    /** The registration's columns, in the order the statements name them. */
    private static List<Object> values(PlatformRegistration registration) {
        return List.of(
                registration.name(),
                registration.issuer(),
                registration.clientId(),
                registration.authUrl(),
                registration.tokenUrl(),
                registration.jwksUrl());
    }

    private static IllegalStateException taken(PlatformRegistration registration) {
        return new IllegalStateException("a platform with issuer " + registration.issuer() + " and client id "
                + registration.clientId() + " is registered already; change that registration instead");
    }

    private void insertDeployments(long id, List<String> deploymentIds) {
        for (var deployment : deploymentIds) {
            jdbc.sql("INSERT INTO lti_deployment (platform_id, deployment_id) VALUES (?, ?)")
                    .params(id, deployment)
                    .update();
        }
    }

    private JdbcClient.MappedQuerySpec<LtiPlatform> select(String where, Object... params) {
        return jdbc.sql(
                        "SELECT id, name, issuer, client_id, auth_url, token_url, jwks_url, created_at FROM lti_platform "
                                + where)
                .params(params)
                .query(LtiPlatforms::platform);
    }

    private LtiPlatform withDeployments(LtiPlatform platform) {
        var deployments = jdbc.sql(
                        "SELECT deployment_id FROM lti_deployment WHERE platform_id = ? ORDER BY deployment_id")
                .param(platform.id())
                .query(String.class)
                .list();
        return new LtiPlatform(
                platform.id(),
                platform.name(),
                platform.issuer(),
                platform.clientId(),
                platform.authUrl(),
                platform.tokenUrl(),
                platform.jwksUrl(),
                new ArrayList<>(deployments),
                platform.createdAt());
    }

    private static LtiPlatform platform(ResultSet rs, int row) throws SQLException {
        return new LtiPlatform(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("issuer"),
                rs.getString("client_id"),
                rs.getString("auth_url"),
                rs.getString("token_url"),
                rs.getString("jwks_url"),
                List.of(),
                rs.getTimestamp("created_at").toInstant());
    }
}
