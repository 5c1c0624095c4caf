package org.pathwise.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the first start, when no user exists, creates an administrator: its password comes from
 * {@code PATHWISE_BOOTSTRAP_ADMIN_PASSWORD} or, when that is not set, is generated and written to the log once.
 * There are no built-in default passwords.
 */
@ConditionalOnWebApplication
@Component
class BootstrapAdministrator {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdministrator.class);

    private final Users users;
    private final SecurityProperties properties;

    BootstrapAdministrator(Users users, SecurityProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void createFirstAdministrator() {
        if (users.count() > 0) {
            return;
        }
        var username = properties.bootstrapAdminUsername();
        var password = properties.bootstrapAdminPassword();
        if (password.isBlank()) {
            var generated = Users.generatedPassword();
            users.create(username, generated, Role.ADMIN);
            log.warn(
                    "Created the first administrator '{}' with the generated password: {}  (shown once; sign in and"
                            + " change it on the Account page)",
                    username,
                    generated);
        } else {
            users.create(username, password, Role.ADMIN);
            log.info(
                    "Created the first administrator '{}' with the password from PATHWISE_BOOTSTRAP_ADMIN_PASSWORD",
                    username);
        }
    }
}
