package org.pathwise.security;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.security.Principal;
import java.time.Duration;
import java.util.List;
import org.pathwise.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TokenController {

    record NewToken(String name, Integer days) {}

    private final ApiTokens tokens;
    private final SecurityProperties properties;

    TokenController(ApiTokens tokens, SecurityProperties properties) {
        this.tokens = tokens;
        this.properties = properties;
    }

    @PostMapping("/api/tokens")
    @Operation(
            summary = "Create a personal API token",
            description = "Authenticate with a session or HTTP Basic (a token cannot create tokens: 403). The token is"
                    + " shown only in this answer; send it as 'Authorization: Bearer <token>'.")
    ResponseEntity<ApiTokens.IssuedToken> create(
            @RequestBody(required = false) NewToken request, Authentication principal) {
        requirePassword(principal);
        var name = request == null ? null : request.name();
        var ttl = request == null || request.days() == null ? properties.tokenTtl() : Duration.ofDays(request.days());
        var issued = tokens.create(principal.getName(), name, ttl);
        return ResponseEntity.created(URI.create("/api/tokens/" + issued.id())).body(issued);
    }

    /**
     * Refuses a request authenticated by an API token: a token that could mint tokens would outlive its own
     * revocation.
     */
    static void requirePassword(Authentication authentication) {
        if (authentication instanceof ApiTokenAuthentication) {
            throw Problems.problem(
                    HttpStatus.FORBIDDEN,
                    "Sign in with your password to create a token",
                    "an API token cannot create tokens; use HTTP Basic with your password or a signed-in session");
        }
    }

    @GetMapping("/api/tokens")
    @Operation(summary = "List your tokens (never their secrets)")
    List<ApiTokens.TokenInfo> list(Principal principal) {
        return tokens.list(principal.getName());
    }

    @DeleteMapping("/api/tokens/{id}")
    @Operation(summary = "Revoke one of your tokens")
    ResponseEntity<Void> revoke(@PathVariable long id, Principal principal) {
        if (!tokens.revoke(principal.getName(), id)) {
            throw Problems.problem(HttpStatus.NOT_FOUND, "No such token", "you have no active token " + id);
        }
        return ResponseEntity.noContent().build();
    }
}
