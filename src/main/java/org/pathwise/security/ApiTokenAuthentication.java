package org.pathwise.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by a personal API token rather than a password or a session. Kept apart so that what only
 * a password may do (creating tokens) can tell the two apart.
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    private final String username;

    ApiTokenAuthentication(UserAccount account) {
        super(List.of(new SimpleGrantedAuthority(account.role().authority())));
        this.username = account.username();
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return username;
    }
}
