package org.pathwise.security;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.pathwise.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UserController {

    record NewUser(String username, String password, String role) {}

    /** The body of {@code PATCH /api/users/{username}}: what to change, each optional. */
    record UserChange(Boolean enabled, String role) {}

    private final Users users;
    private final ApiTokens tokens;

    UserController(Users users, ApiTokens tokens) {
        this.users = users;
        this.tokens = tokens;
    }

    @PostMapping("/api/users")
    @Operation(summary = "Create a user (administrators)", description = "role: EDUCATOR, ADMIN or RESEARCHER")
    ResponseEntity<UserAccount> create(@RequestBody NewUser request) {
        var user = users.create(request.username(), request.password(), Role.parse(request.role()));
        return ResponseEntity.created(URI.create("/api/users/" + user.id())).body(user);
    }

    @GetMapping("/api/users")
    @Operation(summary = "List users (administrators)")
    List<UserAccount> list() {
        return users.list();
    }

    @PostMapping("/api/users/{username}/disable")
    @Operation(
            summary = "Disable a user (administrators)",
            description = "The user can no longer sign in; their sessions end and their tokens are refused from the"
                    + " next request. Administrators cannot disable themselves.")
    UserAccount disable(@PathVariable String username, Principal principal) {
        if (username.equals(principal.getName())) {
            throw Problems.problem(
                    HttpStatus.CONFLICT,
                    "Ask another administrator",
                    "you cannot disable your own account; another administrator can");
        }
        return setEnabled(username, false);
    }

    @PostMapping("/api/users/{username}/enable")
    @Operation(
            summary = "Enable a disabled user (administrators)",
            description = "They sign in again with their password; their tokens that were not revoked work again.")
    UserAccount enable(@PathVariable String username) {
        return setEnabled(username, true);
    }

    @PatchMapping("/api/users/{username}")
    @Operation(
            summary = "Enable or disable a user, or change their role (administrators)",
            description = "Body: {\"enabled\": true|false} and/or {\"role\": \"educator|admin|researcher\"}."
                    + " A role change ends the user's sessions; their tokens carry the new role at once."
                    + " Administrators cannot disable themselves or take away their own administrator role.")
    UserAccount change(@PathVariable String username, @RequestBody UserChange change, Principal principal) {
        if (change == null || (change.enabled() == null && change.role() == null)) {
            throw new IllegalArgumentException("give enabled (true or false) and/or role");
        }
        var role = change.role() == null ? null : Role.parse(change.role());
        boolean self = username.equals(principal.getName());
        if (self && (Boolean.FALSE.equals(change.enabled()) || (role != null && role != Role.ADMIN))) {
            throw Problems.problem(
                    HttpStatus.CONFLICT,
                    "Ask another administrator",
                    "you cannot disable your own account or take away your own administrator role");
        }
        if (users.find(username).isEmpty()) {
            throw Problems.notFound("no user " + username);
        }
        if (role != null) {
            users.setRole(username, role);
        }
        if (change.enabled() != null) {
            users.setEnabled(username, change.enabled());
        }
        return users.find(username).orElseThrow();
    }

    @PostMapping("/api/users/{username}/password-reset")
    @Operation(
            summary = "Give a user a new generated password (administrators)",
            description = "Answers {\"username\", \"password\"} once: the password is stored only as its hash. The"
                    + " user's sessions end and their tokens are revoked.")
    Map<String, String> resetPassword(@PathVariable String username) {
        var password = users.resetPassword(username).orElseThrow(() -> Problems.notFound("no user " + username));
        return Map.of("username", username, "password", password);
    }

    @DeleteMapping("/api/users/{username}")
    @Operation(
            summary = "Delete a user (administrators)",
            description = "Deletes the user, their tokens, conversations and learning profile. Their records in the"
                    + " audit log are erased as a user's own deletion erases them (text removed, an erasure record"
                    + " appended), so the chain stays verifiable. Administrators cannot delete themselves.")
    ResponseEntity<Void> delete(@PathVariable String username, Principal principal) {
        if (username.equals(principal.getName())) {
            throw Problems.problem(
                    HttpStatus.CONFLICT, "Ask another administrator", "you cannot delete your own account");
        }
        if (!users.delete(username)) {
            throw Problems.notFound("no user " + username);
        }
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/users/{username}/tokens")
    @Operation(summary = "Revoke all of a user's API tokens (administrators)")
    Map<String, Integer> revokeTokens(@PathVariable String username) {
        if (users.find(username).isEmpty()) {
            throw Problems.notFound("no user " + username);
        }
        return Map.of("revoked", tokens.revokeAll(username));
    }

    private UserAccount setEnabled(String username, boolean enabled) {
        if (!users.setEnabled(username, enabled)) {
            throw Problems.notFound("no user " + username);
        }
        return users.find(username).orElseThrow();
    }
}
