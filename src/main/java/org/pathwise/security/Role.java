package org.pathwise.security;

import java.util.Locale;

/** What a user may do. See the access model in docs/pages-and-access.md. */
public enum Role {
    /** Reads the library, searches, asks; sees and deletes their own history, profile and paths. */
    EDUCATOR,
    /** Everything an educator may do, plus library changes, users, catalogue and policy. */
    ADMIN,
    /** Reads the library; audits and evaluates (read, annotate, export); no library changes. */
    RESEARCHER;

    /** Parses a role name, ignoring case. */
    public static Role parse(String value) {
        if (value != null) {
            for (var role : values()) {
                if (role.name().equalsIgnoreCase(value.strip())) {
                    return role;
                }
            }
        }
        throw new IllegalArgumentException("role must be EDUCATOR, ADMIN or RESEARCHER, got '" + value + "'");
    }

    /** The Spring Security authority of the role. */
    public String authority() {
        return "ROLE_" + name();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
