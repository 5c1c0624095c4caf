package org.pathwise.security;

import java.security.Principal;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class UsersPageController {

    private final Users users;
    private final ApiTokens tokens;
    private final MessageSource messages;

    UsersPageController(Users users, ApiTokens tokens, MessageSource messages) {
        this.users = users;
        this.tokens = tokens;
        this.messages = messages;
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("users", users.list());
        model.addAttribute("roles", Role.values());
        return "security/users";
    }

    @PostMapping("/admin/users")
    String create(
            @RequestParam String username, @RequestParam String password, @RequestParam String role, Model model) {
        try {
            users.create(username, password, Role.parse(role));
            model.addAttribute("message", message("users.created", username));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return users(model);
    }

    @PostMapping("/admin/users/{username}/disable")
    String disable(@PathVariable String username, Principal principal, Model model) {
        if (username.equals(principal.getName())) {
            model.addAttribute("error", message("users.self", username));
        } else if (users.setEnabled(username, false)) {
            model.addAttribute("message", message("users.disabled", username));
        } else {
            model.addAttribute("error", message("users.unknown", username));
        }
        return users(model);
    }

    @PostMapping("/admin/users/{username}/enable")
    String enable(@PathVariable String username, Model model) {
        model.addAttribute(
                users.setEnabled(username, true) ? "message" : "error",
                message(users.find(username).isPresent() ? "users.enabled" : "users.unknown", username));
        return users(model);
    }

    @PostMapping("/admin/users/{username}/tokens/revoke")
    String revokeTokens(@PathVariable String username, Model model) {
        if (users.find(username).isEmpty()) {
            model.addAttribute("error", message("users.unknown", username));
        } else {
            model.addAttribute("message", message("users.revoked", username, tokens.revokeAll(username)));
        }
        return users(model);
    }

    @PostMapping("/admin/users/{username}/role")
    String changeRole(@PathVariable String username, @RequestParam String role, Principal principal, Model model) {
        var chosen = Role.parse(role);
        if (username.equals(principal.getName()) && chosen != Role.ADMIN) {
            model.addAttribute("error", message("users.self.role", username));
        } else if (users.setRole(username, chosen)) {
            model.addAttribute(
                    "message", message("users.role.changed", username, message("role." + chosen.authority())));
        } else {
            model.addAttribute("error", message("users.unknown", username));
        }
        return users(model);
    }

    @PostMapping("/admin/users/{username}/password-reset")
    String resetPassword(@PathVariable String username, Model model) {
        users.resetPassword(username)
                .ifPresentOrElse(
                        password -> {
                            model.addAttribute("message", message("users.reset", username));
                            model.addAttribute("generatedPassword", password);
                        },
                        () -> model.addAttribute("error", message("users.unknown", username)));
        return users(model);
    }

    @PostMapping("/admin/users/{username}/delete")
    String delete(@PathVariable String username, Principal principal, Model model) {
        if (username.equals(principal.getName())) {
            model.addAttribute("error", message("users.self.delete", username));
        } else if (users.delete(username)) {
            model.addAttribute("message", message("users.deleted", username));
        } else {
            model.addAttribute("error", message("users.unknown", username));
        }
        return users(model);
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
