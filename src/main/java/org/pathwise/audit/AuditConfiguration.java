package org.pathwise.audit;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the audit log's retention purge on its schedule ({@code pathwise.audit.purge-cron}). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditConfiguration {}
