package org.pathwise.security;

import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class AccountController {

    private final Users users;
    private final ApiTokens tokens;
    private final MessageSource messages;
    private final Clock clock;
    private final LoginThrottle throttle;

    AccountController(Users users, ApiTokens tokens, MessageSource messages, Clock clock, LoginThrottle throttle) {
        this.users = users;
        this.tokens = tokens;
        this.messages = messages;
        this.clock = clock;
        this.throttle = throttle;
    }

    @GetMapping("/account")
    String account(Principal principal, Model model) {
        model.addAttribute("tokens", tokens.list(principal.getName()));
        model.addAttribute("now", clock.instant());
        return "security/account";
    }

    @PostMapping("/account/password")
    String changePassword(
            @RequestParam String current,
            @RequestParam String password,
            Principal principal,
            HttpServletRequest request,
            Model model) {
        // the current password is a password check like a sign-in: throttled and counted the same way
        var address = request.getRemoteAddr();
        if (throttle.check(principal.getName(), address) instanceof LoginThrottle.Decision.Throttled throttled) {
            model.addAttribute("error", message("signin.throttled", throttled.seconds()));
            return account(principal, model);
        }
        try {
            int revoked = users.changePassword(principal.getName(), current, password);
            var session = request.getSession(false);
            if (session != null) {
                // this session stays signed in, under a new id; every other one ends on its next request
                request.changeSessionId();
                SessionCredentialsFilter.remember(session, users, principal.getName());
            }
            model.addAttribute("message", message("account.password.changed", revoked));
        } catch (Users.WrongPasswordException e) {
            throttle.failed(principal.getName(), address);
            model.addAttribute("error", e.getMessage());
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return account(principal, model);
    }

    @PostMapping("/account/tokens")
    String createToken(@RequestParam String name, @RequestParam int days, Authentication principal, Model model) {
        TokenController.requirePassword(principal);
        try {
            model.addAttribute("issued", tokens.create(principal.getName(), name, Duration.ofDays(days)));
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
        }
        return account(principal, model);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@PathVariable long id, Principal principal, Model model) {
        if (tokens.revoke(principal.getName(), id)) {
            model.addAttribute("message", message("account.tokens.revoked"));
        }
        return account(principal, model);
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
