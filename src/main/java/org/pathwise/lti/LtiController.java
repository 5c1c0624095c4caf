package org.pathwise.lti;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Clock;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.pathwise.library.Library;
import org.pathwise.security.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The LTI 1.3 endpoints a platform and a browser meet: the login initiation ({@code /lti/login}), the launch
 * ({@code /lti/launch}, also the OpenID Connect redirect URI), the tool's keys ({@code /lti/jwks}), and the Deep
 * Linking page on which an instructor places Pathwise in a course. A refused launch shows a page that says why.
 */
@Controller
class LtiController {

    /** Who a Deep Linking ticket is for: these pages, and nothing that reads the tool's other tokens. */
    private static final String TICKET_AUDIENCE = "pathwise:lti-deep-linking";

    /** How long an instructor has to choose what to place. */
    private static final java.time.Duration TICKET_LIFETIME = java.time.Duration.ofMinutes(30);

    private static final String STATE_COOKIE = "lti_state_";

    /** A Deep Linking request waiting for the instructor's choice. */
    record PendingDeepLink(long platformId, String deploymentId, String returnUrl, String data, String course) {}

    private final LtiPlatforms platforms;
    private final LoginStates states;
    private final LaunchVerifier verifier;
    private final LtiAccounts accounts;
    private final LtiProperties properties;
    private final ToolKeys keys;
    private final Library library;
    private final Clock clock;

    LtiController(
            LtiPlatforms platforms,
            LoginStates states,
            LaunchVerifier verifier,
            LtiAccounts accounts,
            LtiProperties properties,
            ToolKeys keys,
            Library library,
            Clock clock) {
        this.platforms = platforms;
        this.states = states;
        this.verifier = verifier;
        this.accounts = accounts;
        this.properties = properties;
        this.keys = keys;
        this.library = library;
        this.clock = clock;
    }

    /**
     * Third-party initiated login (LTI 1.3 core, 5.1.1): checks that the issuer (and client and deployment, when
     * given) are registered, remembers a state and nonce, and sends the browser to the platform's authorisation
     * endpoint, which posts the launch back to {@code /lti/launch}.
     */
    @RequestMapping(
            path = "/lti/login",
            method = {RequestMethod.GET, RequestMethod.POST})
    String login(
            @RequestParam String iss,
            @RequestParam("login_hint") String loginHint,
            @RequestParam("target_link_uri") String targetLinkUri,
            @RequestParam(name = "lti_message_hint", required = false) String messageHint,
            @RequestParam(name = "client_id", required = false) String clientId,
            @RequestParam(name = "lti_deployment_id", required = false) String deploymentId,
            HttpServletRequest request,
            HttpServletResponse response) {
        var candidates = platforms.withIssuer(iss).stream()
                .filter(platform -> clientId == null || platform.clientId().equals(clientId))
                .toList();
        if (candidates.isEmpty()) {
            throw new LaunchRefused(
                    HttpStatus.BAD_REQUEST,
                    "No platform with the issuer " + iss + (clientId == null ? "" : " and the client id " + clientId)
                            + " is registered. An administrator registers it on Pathwise's LTI platforms page.");
        }
        if (candidates.size() > 1) {
            throw new LaunchRefused(
                    HttpStatus.BAD_REQUEST,
                    "Several registrations have the issuer " + iss + "; the platform must send its client_id.");
        }
        var platform = candidates.getFirst();
        if (deploymentId != null && !platform.deploymentIds().contains(deploymentId)) {
            throw new LaunchRefused(
                    HttpStatus.BAD_REQUEST,
                    "The deployment " + deploymentId + " is not one of " + platform.name()
                            + "'s registered deployments. An administrator adds it on the LTI platforms page.");
        }
        var pending = states.start(platform);
        // binds the launch to this browser: a launch posted from elsewhere lacks the cookie
        var secure = request.isSecure();
        response.addHeader(
                HttpHeaders.SET_COOKIE,
                ResponseCookie.from(STATE_COOKIE + pending.state(), "1")
                        .httpOnly(true)
                        .secure(secure)
                        // the launch comes back as a cross-site POST: over https the cookie must be SameSite=None
                        .sameSite(secure ? "None" : "Lax")
                        .path(request.getContextPath() + "/lti/")
                        .maxAge(LoginStates.LIFETIME)
                        .build()
                        .toString());
        var authorisation = UriComponentsBuilder.fromUriString(platform.authUrl())
                .queryParam("scope", "openid")
                .queryParam("response_type", "id_token")
                .queryParam("response_mode", "form_post")
                .queryParam("prompt", "none")
                .queryParam("client_id", platform.clientId())
                .queryParam("redirect_uri", toolUrl("/lti/launch"))
                .queryParam("login_hint", loginHint)
                .queryParam("state", pending.state())
                .queryParam("nonce", pending.nonce());
        if (messageHint != null) {
            authorisation.queryParam("lti_message_hint", messageHint);
        }
        return "redirect:" + authorisation.encode().build().toUriString();
    }

    /**
     * The launch (LTI 1.3 core, 5.1.2 and 5.1.3): takes the login's state once, verifies the {@code id_token},
     * signs the person in with the role their LTI roles map to, and opens the Ask page on their course, or the Deep
     * Linking page.
     */
    @PostMapping("/lti/launch")
    String launch(
            @RequestParam(name = "id_token", required = false) String idToken,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String error,
            @RequestParam(name = "error_description", required = false) String errorDescription,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (error != null) {
            throw new LaunchRefused(
                    HttpStatus.BAD_REQUEST,
                    "The platform did not sign you in (" + error
                            + (errorDescription == null ? "" : ": " + errorDescription)
                            + "). Sign in to the platform and launch Pathwise again.");
        }
        if (state == null || state.isBlank()) {
            throw new LaunchRefused(HttpStatus.BAD_REQUEST, "The launch has no state: start it from your course.");
        }
        // the cookie first: a state posted from another browser does not use up this browser's launch
        if (!hasStateCookie(request, state)) {
            throw new LaunchRefused(
                    HttpStatus.BAD_REQUEST,
                    "This launch did not start in this browser. Launch Pathwise again from your course; if it"
                            + " opens inside the course page, set the tool to open in a new window.");
        }
        forgetStateCookie(request, response, state);
        var pending = states.take(state)
                .orElseThrow(() -> new LaunchRefused(
                        HttpStatus.BAD_REQUEST,
                        "This launch has expired or was used already. Launch Pathwise again from your course."));
        var platform = platforms
                .find(pending.platformId())
                .orElseThrow(() -> new LaunchRefused(
                        HttpStatus.BAD_REQUEST, "The platform's registration was removed during the launch."));
        var launch = verifier.verify(idToken, platform, pending.nonce());
        var role = properties
                .role(launch.roles())
                .orElseThrow(() -> new LaunchRefused(
                        HttpStatus.FORBIDDEN,
                        "Pathwise is for the people who teach: your roles in " + platform.name() + " ("
                                + String.join(
                                        ", ",
                                        launch.roles().stream()
                                                .map(LtiProperties::name)
                                                .distinct()
                                                .toList())
                                + ") give you no Pathwise role. If you teach, ask your platform's administrator."));
        String username;
        try {
            username = accounts.admit(launch, role);
        } catch (IllegalStateException e) {
            throw new LaunchRefused(
                    HttpStatus.FORBIDDEN, "Your Pathwise account is disabled; ask a Pathwise administrator.");
        }
        signIn(request, response, username, role);
        var course = course(launch).orElse("");
        // the pages speak the platform's language when they are written in it
        var language = Optional.of(launch.locale()).filter(locale -> !locale.isEmpty());
        return switch (launch.message()) {
            case LtiLaunch.ResourceLink link ->
                "redirect:"
                        + UriComponentsBuilder.fromPath("/ask")
                                .queryParamIfPresent(
                                        "course", Optional.of(course).filter(c -> !c.isEmpty()))
                                .queryParamIfPresent("lang", language)
                                .encode()
                                .build()
                                .toUriString();
            case LtiLaunch.DeepLinkingRequest deepLinking -> {
                var ticket = ticket(new PendingDeepLink(
                        platform.id(), launch.deploymentId(), deepLinking.returnUrl(), deepLinking.data(), course));
                yield "redirect:"
                        + UriComponentsBuilder.fromPath("/lti/deep-linking")
                                .queryParam("ticket", ticket)
                                .queryParamIfPresent("lang", language)
                                .encode()
                                .build()
                                .toUriString();
            }
        };
    }

    /** The tool's public keys, which platforms use to verify what Pathwise signs. */
    @GetMapping(path = "/lti/jwks", produces = "application/json")
    @ResponseBody
    Map<String, Object> jwks() {
        return keys.jwks();
    }

    /**
     * The Deep Linking page: the instructor names the link and chooses the course it narrows to. Platforms open it in
     * a frame of their own page, where the browser sends no session cookie: the request travels in a ticket the tool
     * signed, and the page lets the platform's origin frame it.
     */
    @GetMapping("/lti/deep-linking")
    String deepLinking(@RequestParam String ticket, HttpServletResponse response, Model model) {
        var pending = pendingDeepLink(ticket);
        framedBy(response, pending.returnUrl(), "'self'");
        model.addAttribute("ticket", ticket);
        model.addAttribute("courses", library.values("course"));
        model.addAttribute("course", pending.course());
        return "lti/deep-linking";
    }

    /**
     * Sends the instructor's choice back to the platform: a page whose form posts the signed Deep Linking response
     * (LTI Deep Linking 2.0, section 4.2) to the platform's return URL, submitted by script or by the button.
     */
    @PostMapping("/lti/deep-linking")
    String placeLink(
            @RequestParam String ticket,
            @RequestParam String title,
            @RequestParam(defaultValue = "") String course,
            HttpServletResponse response,
            Model model) {
        var pending = pendingDeepLink(ticket);
        var platform = platforms
                .find(pending.platformId())
                .orElseThrow(() -> new LaunchRefused(
                        HttpStatus.BAD_REQUEST, "The platform's registration was removed meanwhile."));
        if (!course.isEmpty() && !library.values("course").contains(course)) {
            throw new LaunchRefused(HttpStatus.BAD_REQUEST, "The library has no course " + course + ".");
        }
        var item = new LinkedHashMap<String, Object>();
        item.put("type", "ltiResourceLink");
        item.put("title", title.isBlank() ? "Pathwise" : title.strip());
        item.put("url", toolUrl("/lti/launch"));
        if (!course.isEmpty()) {
            item.put("custom", Map.of("course", course));
        }
        var now = clock.instant();
        var claims = new JWTClaimsSet.Builder()
                .issuer(platform.clientId())
                .audience(platform.issuer())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LoginStates.LIFETIME)))
                .claim("nonce", UUID.randomUUID().toString())
                .claim(LaunchVerifier.LTI + "message_type", "LtiDeepLinkingResponse")
                .claim(LaunchVerifier.LTI + "version", "1.3.0")
                .claim(LaunchVerifier.LTI + "deployment_id", pending.deploymentId())
                .claim(LaunchVerifier.DEEP_LINKING + "content_items", List.of(item));
        if (!pending.data().isEmpty()) {
            claims.claim(LaunchVerifier.DEEP_LINKING + "data", pending.data());
        }
        // this page's form posts to the platform: the policy lets it, and nothing else
        framedBy(response, pending.returnUrl(), origin(pending.returnUrl()));
        model.addAttribute("returnUrl", pending.returnUrl());
        model.addAttribute("jwt", keys.sign(claims.build()));
        model.addAttribute("platform", platform.name());
        return "lti/return";
    }

    @ExceptionHandler(LaunchRefused.class)
    String refused(LaunchRefused refused, HttpServletResponse response, Model model) {
        response.setStatus(refused.status().value());
        model.addAttribute("reason", refused.getMessage());
        return "lti/refused";
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    String incomplete(MissingServletRequestParameterException missing, HttpServletResponse response, Model model) {
        return refused(
                new LaunchRefused(
                        HttpStatus.BAD_REQUEST,
                        "The platform's request has no " + missing.getParameterName()
                                + ". Check Pathwise's registration on the platform (its login URL is /lti/login)."),
                response,
                model);
    }

    /** A Deep Linking request, signed by the tool for the pages that answer it, valid for {@link #TICKET_LIFETIME}. */
    private String ticket(PendingDeepLink pending) {
        var now = clock.instant();
        return keys.sign(new JWTClaimsSet.Builder()
                .audience(TICKET_AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(TICKET_LIFETIME)))
                .claim("platform", pending.platformId())
                .claim("deployment_id", pending.deploymentId())
                .claim("return_url", pending.returnUrl())
                .claim("data", pending.data())
                .claim("course", pending.course())
                .build());
    }

    private PendingDeepLink pendingDeepLink(String ticket) {
        var claims = keys.verified(ticket)
                .filter(verified -> verified.getAudience().contains(TICKET_AUDIENCE))
                .orElseThrow(() -> new LaunchRefused(
                        HttpStatus.BAD_REQUEST,
                        "This Deep Linking request has expired or is not Pathwise's. Start again from \"Select content\""
                                + " (Moodle) or the link selection (Canvas) in your course."));
        try {
            return new PendingDeepLink(
                    claims.getLongClaim("platform"),
                    claims.getStringClaim("deployment_id"),
                    claims.getStringClaim("return_url"),
                    claims.getStringClaim("data"),
                    claims.getStringClaim("course"));
        } catch (java.text.ParseException e) {
            throw new LaunchRefused(HttpStatus.BAD_REQUEST, "This Deep Linking request is malformed.");
        }
    }

    /**
     * The policy of a Deep Linking page: the application's own, except that the platform's page may frame it (the
     * policy's {@code frame-ancestors} overrides the {@code X-Frame-Options} header in browsers that know both) and
     * that its forms may post to {@code formAction}.
     */
    private static void framedBy(HttpServletResponse response, String returnUrl, String formAction) {
        response.setHeader(
                "Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none';"
                        + " base-uri 'self'; frame-ancestors 'self' " + origin(returnUrl) + "; form-action "
                        + formAction);
    }

    /** The origin of an http(s) URL with a host, as a policy names it. */
    private static String origin(String url) {
        var uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    /**
     * The library's course that a launch names: the course its placement's custom parameter chose, else the one
     * whose name is the course's label, id or title at the platform (ignoring case).
     */
    private Optional<String> course(LtiLaunch launch) {
        var courses = library.values("course");
        return Stream.of(
                        launch.custom().getOrDefault("course", ""),
                        launch.course().label(),
                        launch.course().id(),
                        launch.course().title())
                .filter(name -> !name.isBlank())
                .flatMap(name -> courses.stream().filter(course -> course.equalsIgnoreCase(name.strip())))
                .findFirst();
    }

    /** Signs the person in on a new session (so none chosen before the launch is kept). */
    private static void signIn(HttpServletRequest request, HttpServletResponse response, String username, Role role) {
        var old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                username, null, List.of(new SimpleGrantedAuthority(role.authority()))));
        SecurityContextHolder.setContext(context);
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
    }

    private static boolean hasStateCookie(HttpServletRequest request, String state) {
        var cookies = request.getCookies();
        return cookies != null
                && Stream.of(cookies).anyMatch(cookie -> cookie.getName().equals(STATE_COOKIE + state));
    }

    private static void forgetStateCookie(HttpServletRequest request, HttpServletResponse response, String state) {
        var cookie = new Cookie(STATE_COOKIE + state, "");
        cookie.setPath(request.getContextPath() + "/lti/");
        cookie.setMaxAge(0);
        response.addCookie(cookie);
    }

    private static String toolUrl(String path) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(path).toUriString();
    }

    /** What a platform's administrator needs to add Pathwise as a tool, as this server's URLs. */
    static Map<String, String> toolConfiguration() {
        var configuration = new LinkedHashMap<String, String>();
        configuration.put("login_url", toolUrl("/lti/login"));
        configuration.put("redirect_url", toolUrl("/lti/launch"));
        configuration.put("target_link_url", toolUrl("/lti/launch"));
        configuration.put("deep_linking_url", toolUrl("/lti/launch"));
        configuration.put("jwks_url", toolUrl("/lti/jwks"));
        return configuration;
    }
}
