package org.pathwise.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class SignInController {

    /**
     * An institution's sign-in, offered on the sign-in page.
     *
     * @param name what the page calls it (the registration's client name)
     * @param href where signing in with it starts
     */
    record Institution(String name, String href) {}

    private final ObjectProvider<ClientRegistrationRepository> registrations;

    SignInController(ObjectProvider<ClientRegistrationRepository> registrations) {
        this.registrations = registrations;
    }

    @GetMapping("/signin")
    String signIn(Model model) {
        var institutions = new ArrayList<Institution>();
        if (registrations.getIfAvailable() instanceof Iterable<?> all) {
            for (var registration : all) {
                if (registration instanceof ClientRegistration client) {
                    institutions.add(new Institution(
                            client.getClientName(), "/oauth2/authorization/" + client.getRegistrationId()));
                }
            }
        }
        model.addAttribute("institutions", List.copyOf(institutions));
        return "security/signin";
    }

    /** The address many people try first. */
    @GetMapping("/login")
    String login() {
        return "redirect:/signin";
    }
}
