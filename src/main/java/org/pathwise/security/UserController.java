package org.pathwise.security;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UserController {

    record NewUser(String username, String password, String role) {}

    private final Users users;

    UserController(Users users) {
        this.users = users;
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
}
