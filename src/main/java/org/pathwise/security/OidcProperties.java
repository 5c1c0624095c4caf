package org.pathwise.security;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How an institution's OpenID Connect sign-in maps to Pathwise accounts ({@code pathwise.security.oidc.*}). The
 * provider itself is configured with Spring Boot's {@code spring.security.oauth2.client.*} properties.
 *
 * @param usernameClaim the claim that is the Pathwise username (letters, digits, '.', '-', '_', '@'; 3 to 64)
 * @param roleClaim the claim that holds the person's roles or groups at the institution, a string or a list
 * @param roles which Pathwise role each value of the role claim gives ({@code educator}, {@code admin} or
 *     {@code researcher}); the first value of the claim that is mapped decides
 * @param defaultRole the role of a person none of whose values is mapped; empty (the default) refuses them
 */
@ConfigurationProperties("pathwise.security.oidc")
record OidcProperties(
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue("roles") String roleClaim,
        @DefaultValue Map<String, String> roles,
        @DefaultValue("") String defaultRole) {

    OidcProperties {
        roles = roles == null ? Map.of() : Map.copyOf(roles);
        roles.values().forEach(Role::parse);
        if (!defaultRole.isBlank()) {
            Role.parse(defaultRole);
        }
    }
}
