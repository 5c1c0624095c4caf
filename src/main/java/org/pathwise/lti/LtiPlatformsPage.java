package org.pathwise.lti;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The LTI platforms page, for administrators: the URLs to give a platform, the registered platforms, and a form that
 * registers one or changes a registration.
 */
@Controller
class LtiPlatformsPage {

    private final LtiPlatforms platforms;
    private final MessageSource messages;

    LtiPlatformsPage(LtiPlatforms platforms, MessageSource messages) {
        this.platforms = platforms;
        this.messages = messages;
    }

    /** A registered platform as the page lists it: with the number of people its launches linked. */
    record Listed(LtiPlatform platform, long accounts) {}

    @GetMapping("/admin/lti")
    String page(@RequestParam(required = false) Long edit, Model model) {
        model.addAttribute("tool", LtiController.toolConfiguration());
        model.addAttribute(
                "platforms",
                platforms.list().stream()
                        .map(platform -> new Listed(platform, platforms.accounts(platform.issuer())))
                        .toList());
        if (!model.containsAttribute("form")) {
            var editing = edit == null ? Optional.<LtiPlatform>empty() : platforms.find(edit);
            model.addAttribute(
                    "form",
                    editing.map(LtiPlatformsPage::registration)
                            .orElse(new PlatformRegistration("", "", "", "", "", "", List.of())));
            model.addAttribute("editing", editing.map(LtiPlatform::id).orElse(null));
        }
        return "lti/platforms";
    }

    @PostMapping("/admin/lti")
    String register(
            @RequestParam(required = false) Long id,
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String issuer,
            @RequestParam(defaultValue = "") String clientId,
            @RequestParam(defaultValue = "") String authUrl,
            @RequestParam(defaultValue = "") String tokenUrl,
            @RequestParam(defaultValue = "") String jwksUrl,
            @RequestParam(defaultValue = "") String deploymentIds,
            Model model) {
        var registration = new PlatformRegistration(
                name,
                issuer,
                clientId,
                authUrl,
                tokenUrl,
                jwksUrl,
                Arrays.stream(deploymentIds.split("[,\\s]+"))
                        .filter(deployment -> !deployment.isBlank())
                        .toList());
        try {
            if (id == null) {
                platforms.register(registration);
                model.addAttribute(
                        "message", message("lti.registered", registration.name().strip()));
            } else if (platforms.update(id, registration).isPresent()) {
                model.addAttribute(
                        "message", message("lti.changed", registration.name().strip()));
            } else {
                model.addAttribute("error", message("lti.unknown", id));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            model.addAttribute("error", e.getMessage());
            model.addAttribute("form", registration);
            model.addAttribute("editing", id);
        }
        return page(null, model);
    }

    @PostMapping("/admin/lti/{id}/delete")
    String delete(@PathVariable long id, Model model) {
        var platform = platforms.find(id);
        if (platform.isPresent() && platforms.delete(id)) {
            model.addAttribute("message", message("lti.removed", platform.get().name()));
        } else {
            model.addAttribute("error", message("lti.unknown", id));
        }
        return page(null, model);
    }

    private static PlatformRegistration registration(LtiPlatform platform) {
        return new PlatformRegistration(
                platform.name(),
                platform.issuer(),
                platform.clientId(),
                platform.authUrl(),
                platform.tokenUrl(),
                platform.jwksUrl(),
                platform.deploymentIds());
    }

    private String message(String key, Object... arguments) {
        return messages.getMessage(key, arguments, LocaleContextHolder.getLocale());
    }
}
