package org.pathwise.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the audit log's retention purge on its schedule ({@code pathwise.audit.purge-cron}), through the log's
 * transactional API so that the purge holds the chain's head while it works.
 */
@ConditionalOnWebApplication
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuditConfiguration.class);

    private final AuditLog audit;

    AuditConfiguration(AuditLog audit) {
        this.audit = audit;
    }

    @Scheduled(cron = "${pathwise.audit.purge-cron:0 17 3 * * *}")
    void purge() {
        var purge = audit.purge();
        if (purge.purgeRecord() != null) {
            log.info(
                    "Audit retention: removed the text of {} records and {} records; purge record {}",
                    purge.textRemoved(),
                    purge.recordsRemoved(),
                    purge.purgeRecord());
        }
    }
}
