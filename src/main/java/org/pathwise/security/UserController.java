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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UserController {

    record NewUser(String username, String password, String role) {}

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
