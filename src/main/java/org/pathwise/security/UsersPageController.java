package org.pathwise.security;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class UsersPageController {

    private final Users users;
    private final MessageSource messages;

    UsersPageController(Users users, MessageSource messages) {
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/admin/users")
    String users(Model model) {
        model.addAttribute("users", users.list());
        return "security/users";
    }

    @PostMapping("/admin/users")
    String create(
            @RequestParam String username, @RequestParam String password, @RequestParam String role, Model model) {
        try {
            users.create(username, password, Role.parse(role));
            model.addAttribute(
                    "message",
                    messages.getMessage("users.created", new Object[] {username}, LocaleContextHolder.getLocale()));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return users(model);
    }
}
