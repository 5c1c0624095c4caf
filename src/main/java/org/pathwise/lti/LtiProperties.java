package org.pathwise.lti;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pathwise.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How LTI launches map to Pathwise ({@code pathwise.lti.*}).
 *
 * @param roles which Pathwise role each LTI role gives, by the role's full URI
 *     ({@code http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor}) or by its name after the {@code #}
 *     ({@code Instructor}, which then matches that name in every vocabulary), either in any case; of the roles a
 *     launch carries, the strongest mapped one decides (administrator, then educator, then researcher), and a launch
 *     with none is refused. The default (in {@code application.yaml}) maps a course's instructors to educators and
 *     the platform's institution and system administrators to administrators, by full URI: Pathwise is for the
 *     people who teach, and a course-level administrator is not the platform's. A staff-development course whose
 *     participants are the platform's learners maps {@code membership#Learner} to educator as well.
 */
@ConfigurationProperties("pathwise.lti")
record LtiProperties(@DefaultValue Map<String, String> roles) {

    LtiProperties {
        var lowerCase = new java.util.HashMap<String, String>();
        roles.forEach((role, mapped) ->
                lowerCase.put(role.toLowerCase(Locale.ROOT), Role.parse(mapped).name()));
        roles = Map.copyOf(lowerCase);
    }

    /** The Pathwise role that a launch's LTI roles give, if one of them is mapped. */
    Optional<Role> role(List<String> ltiRoles) {
        return ltiRoles.stream()
                .map(role -> role.toLowerCase(Locale.ROOT))
                .flatMap(role -> Optional.ofNullable(roles.getOrDefault(role, roles.get(name(role)))).stream())
                .map(Role::parse)
                .min((a, b) -> Integer.compare(rank(a), rank(b)));
    }

    /** An LTI role's name: what follows the {@code #} of its URI, or the whole of a short (LTI 1.1) name. */
    static String name(String role) {
        return role.substring(role.lastIndexOf('#') + 1);
    }

    private static int rank(Role role) {
        return switch (role) {
            case ADMIN -> 0;
            case EDUCATOR -> 1;
            case RESEARCHER -> 2;
        };
    }
}
