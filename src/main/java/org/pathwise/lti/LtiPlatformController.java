package org.pathwise.lti;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.pathwise.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The platform registrations, for administrators: {@code /api/lti/platforms}, and the tool's own URLs. */
@RestController
class LtiPlatformController {

    private final LtiPlatforms platforms;

    LtiPlatformController(LtiPlatforms platforms) {
        this.platforms = platforms;
    }

    @GetMapping("/api/lti/tool")
    @Operation(
            summary = "The URLs a platform needs to add Pathwise as an LTI 1.3 tool (administrators)",
            description = "login_url (OpenID Connect login initiation), redirect_url and target_link_url (the launch),"
                    + " deep_linking_url, and jwks_url (the tool's public keys).")
    Map<String, String> tool() {
        return LtiController.toolConfiguration();
    }

    @GetMapping("/api/lti/platforms")
    @Operation(summary = "List the registered LTI platforms (administrators)")
    List<LtiPlatform> list() {
        return platforms.list();
    }

    @GetMapping("/api/lti/platforms/{id}")
    @Operation(summary = "One registered LTI platform (administrators)")
    LtiPlatform get(@PathVariable long id) {
        return platforms.find(id).orElseThrow(() -> notFound(id));
    }

    @PostMapping("/api/lti/platforms")
    @Operation(
            summary = "Register an LTI 1.3 platform (administrators)",
            description = "Body: name, issuer, clientId, authUrl, tokenUrl, jwksUrl (https, or http on localhost) and"
                    + " deploymentIds (at least one), as the platform shows them when Pathwise is added as a tool."
                    + " 409 when the issuer and client id are registered already.")
    ResponseEntity<LtiPlatform> register(@RequestBody PlatformRegistration registration) {
        var platform = platforms.register(registration);
        return ResponseEntity.created(URI.create("/api/lti/platforms/" + platform.id()))
                .body(platform);
    }

    @PutMapping("/api/lti/platforms/{id}")
    @Operation(
            summary = "Change an LTI platform's registration (administrators)",
            description = "The same body as registering; its deployment ids replace the old ones.")
    LtiPlatform update(@PathVariable long id, @RequestBody PlatformRegistration registration) {
        return platforms.update(id, registration).orElseThrow(() -> notFound(id));
    }

    @DeleteMapping("/api/lti/platforms/{id}")
    @Operation(
            summary = "Remove an LTI platform's registration (administrators)",
            description = "Its launches are refused from now on; the accounts its launches made stay.")
    ResponseEntity<Void> delete(@PathVariable long id) {
        if (!platforms.delete(id)) {
            throw notFound(id);
        }
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(IllegalStateException.class)
    ProblemDetail taken(IllegalStateException e) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Change the existing registration");
        return problem;
    }

    private static RuntimeException notFound(long id) {
        return Problems.problem(
                HttpStatus.NOT_FOUND,
                "Choose a registered platform",
                "there is no LTI platform " + id + "; GET /api/lti/platforms lists them");
    }
}
