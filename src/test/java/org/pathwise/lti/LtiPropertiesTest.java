package org.pathwise.lti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pathwise.security.Role;

class LtiPropertiesTest {

    private static final String MEMBERSHIP = "http://purl.imsglobal.org/vocab/lis/v2/membership#";
    private final LtiProperties defaults =
            new LtiProperties(Map.of("Instructor", "EDUCATOR", "Administrator", "ADMIN"));

    @Test
    void mapsAnInstructorToAnEducatorByTheRolesName() {
        assertThat(defaults.role(List.of(MEMBERSHIP + "Instructor"))).contains(Role.EDUCATOR);
        assertThat(defaults.role(List.of("Instructor"))).contains(Role.EDUCATOR);
    }

    @Test
    void theStrongestMappedRoleDecides() {
        assertThat(defaults.role(List.of(
                        MEMBERSHIP + "Instructor",
                        "http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator",
                        MEMBERSHIP + "Learner")))
                .contains(Role.ADMIN);
    }

    @Test
    void aLaunchWithNoMappedRoleHasNone() {
        assertThat(defaults.role(List.of(MEMBERSHIP + "Learner", MEMBERSHIP + "Mentor")))
                .isEmpty();
        assertThat(defaults.role(List.of())).isEmpty();
        // a sub-role is not its principal role
        assertThat(defaults.role(
                        List.of("http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant")))
                .isEmpty();
    }

    @Test
    void aFullUriMapsOnlyThatRoleWhateverItsCase() {
        var properties = new LtiProperties(Map.of(MEMBERSHIP + "Learner", "educator"));

        assertThat(properties.role(List.of(MEMBERSHIP + "learner"))).contains(Role.EDUCATOR);
        assertThat(properties.role(List.of("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Learner")))
                .isEmpty();
    }

    @Test
    void anUnknownPathwiseRoleStopsTheStart() {
        assertThatThrownBy(() -> new LtiProperties(Map.of("Instructor", "teacher")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("role must be EDUCATOR, ADMIN or RESEARCHER, got 'teacher'");
    }
}
