package org.pathwise.lti;

import java.util.List;
import java.util.Map;

/**
 * A launch whose {@code id_token} verified: who launched, with which roles, from which course, and what for.
 *
 * @param platform the registration that sent it
 * @param deploymentId the deployment of Pathwise it came through, one of the platform's
 * @param subject the person's stable id at the platform ({@code sub})
 * @param roles the person's roles in the course and the institution, as the platform gives them (LIS role URIs)
 * @param course the course it was launched from, {@link Course#NONE} when the platform gave none
 * @param custom the custom parameters of the placement (Pathwise's own Deep Linking sets {@code course})
 * @param locale the language of the person's platform (a BCP 47 tag such as {@code fr-FR}), empty when not given
 * @param message what the launch asks for
 */
record LtiLaunch(
        LtiPlatform platform,
        String deploymentId,
        String subject,
        List<String> roles,
        Course course,
        Map<String, String> custom,
        String locale,
        Message message) {

    LtiLaunch {
        roles = List.copyOf(roles);
        custom = Map.copyOf(custom);
    }

    /** The LTI context claim: the course's id at the platform, its short label and its title. */
    record Course(String id, String label, String title) {

        static final Course NONE = new Course("", "", "");
    }

    /** What a launch asks for. */
    sealed interface Message permits ResourceLink, DeepLinkingRequest {}

    /** Open Pathwise from a link placed in a course ({@code LtiResourceLinkRequest}). */
    record ResourceLink(String id, String title) implements Message {}

    /**
     * Choose what to place in a course ({@code LtiDeepLinkingRequest}): the answer goes back, signed, to
     * {@code returnUrl}, with the platform's opaque {@code data} (empty when it gave none).
     */
    record DeepLinkingRequest(String returnUrl, String data, List<String> acceptTypes) implements Message {

        DeepLinkingRequest {
            acceptTypes = List.copyOf(acceptTypes);
        }
    }
}
