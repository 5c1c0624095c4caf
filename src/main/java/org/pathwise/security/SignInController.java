package org.pathwise.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInController {

    @GetMapping("/signin")
    String signIn() {
        return "security/signin";
    }

    /** The address many people try first. */
    @GetMapping("/login")
    String login() {
        return "redirect:/signin";
    }
}
