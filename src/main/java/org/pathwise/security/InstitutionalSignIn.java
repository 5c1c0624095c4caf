package org.pathwise.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Signs a person in from their institution's OpenID Connect provider as a Pathwise account: the username claim names
 * the account, created on the first sign-in with the role the role claim maps to, and given that role again at each
 * sign-in (the institution decides). A disabled account stays out, as with a password. The account has a random
 * password that nobody knows, so it signs in through the institution only, unless an administrator resets it.
 */
@Component
class InstitutionalSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private final OidcUserService provider = new OidcUserService();
    private final Users users;
    private final OidcProperties properties;

    InstitutionalSignIn(Users users, OidcProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        var person = provider.loadUser(request);
        var username = person.getClaimAsString(properties.usernameClaim());
        if (username == null || username.isBlank()) {
            throw refused("the provider gave no " + properties.usernameClaim() + " claim to name the account");
        }
        var role = role(person)
                .orElseThrow(() -> refused("no Pathwise role for " + username + ": their " + properties.roleClaim()
                        + " claim maps to none"));
        try {
            users.admit(username, role);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw refused(e.getMessage());
        }
        return new DefaultOidcUser(
                List.of(new SimpleGrantedAuthority(role.authority())),
                person.getIdToken(),
                person.getUserInfo(),
                properties.usernameClaim());
    }

    /** The role the first mapped value of the role claim gives, or the default role. */
    Optional<Role> role(OidcUser person) {
        var claim = person.getClaims().get(properties.roleClaim());
        var values = claim instanceof Collection<?> many
                ? many.stream().map(String::valueOf).toList()
                : claim == null ? List.<String>of() : List.of(String.valueOf(claim));
        for (var value : values) {
            var mapped = properties.roles().get(value);
            if (mapped != null) {
                return Optional.of(Role.parse(mapped));
            }
        }
        return properties.defaultRole().isBlank()
                ? Optional.empty()
                : Optional.of(Role.parse(properties.defaultRole()));
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", why, null), why);
    }
}
