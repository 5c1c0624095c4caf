package org.pathwise.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the audit log ({@code pathwise.audit.*}).
 *
 * @param retention how long records keep their text (operations) and how long they are kept at all (research)
 * @param pseudonymSecret the key of the users' pseudonyms; empty: a random key kept in the database, created on
 *     first use
 * @param purgeCron when the retention purge runs (a Spring cron expression; daily by default)
 */
@ConfigurationProperties("pathwise.audit")
record AuditProperties(
        @DefaultValue Retention retention,
        @DefaultValue("") String pseudonymSecret,
        @DefaultValue("0 17 3 * * *") String purgeCron) {

    /**
     * The shortest retention the EU AI Act allows for the logs of a high-risk system's deployer (Article 26(6): at
     * least six months); 184 days is the longest six calendar months, so no record is purged before six months.
     */
    public static final Duration MINIMUM_RETENTION = Duration.ofDays(184);

    public AuditProperties {
        retention = retention == null ? new Retention(null, null) : retention;
        pseudonymSecret = pseudonymSecret == null ? "" : pseudonymSecret;
    }

    /**
     * @param operations records older than this lose their free text and user name (question, answer, comment); at
     *     least {@link #MINIMUM_RETENTION}
     * @param research records older than this are removed; at least {@code operations}
     */
    public record Retention(
            @DefaultValue("184d") Duration operations,
            @DefaultValue("1826d") Duration research) {

        public Retention {
            operations = operations == null ? MINIMUM_RETENTION : operations;
            research = research == null ? Duration.ofDays(1826) : research;
            if (operations.compareTo(MINIMUM_RETENTION) < 0) {
                throw new IllegalArgumentException("pathwise.audit.retention.operations must be at least 184 days (six"
                        + " months, EU AI Act Article 26(6)), got " + operations.toDays() + " days");
            }
            if (research.compareTo(operations) < 0) {
                throw new IllegalArgumentException("pathwise.audit.retention.research must be at least"
                        + " pathwise.audit.retention.operations (" + operations.toDays() + " days), got "
                        + research.toDays() + " days");
            }
        }
    }
}
