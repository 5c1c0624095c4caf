package org.pathwise.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.session.DisableEncodeUrlFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may do what. Pages sign in with a form and a session (with CSRF protection); the API accepts the same session,
 * HTTP Basic with the user's password, or a personal API token ({@code Authorization: Bearer}). Unauthenticated API
 * calls get a 401 problem, pages a redirect to the sign-in page; a role without the right gets 403.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String ADMIN = Role.ADMIN.name();
    static final String EDUCATOR = Role.EDUCATOR.name();
    static final String RESEARCHER = Role.RESEARCHER.name();

    /**
     * The content security policy: no inline scripts or styles, nothing from other origins, and no framing. htmx is
     * served from this origin and configured by a meta tag.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
            + " form-action 'self'; frame-ancestors 'none'";

    private static final RequestMatcher API = request -> pathOf(request).startsWith("/api/")
            || pathOf(request).startsWith("/actuator/")
            || pathOf(request).startsWith("/v1/")
            || pathOf(request).equals("/mcp");

    /** Where the command line sends a running service the commands it runs for it, with a secret, not a session. */
    private static final String LOCAL_COMMAND = "/api/local/command";

    private static final RequestMatcher LTI_FROM_PLATFORM =
            request -> pathOf(request).equals("/lti/login")
                    || pathOf(request).equals("/lti/launch")
                    || pathOf(request).equals("/lti/deep-linking");

    @Bean
    @ConditionalOnWebApplication
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            ApiTokens tokens,
            Users users,
            SecurityProperties properties,
            LoginThrottle throttle,
            ObjectProvider<ClientRegistrationRepository> institutions,
            InstitutionalSignIn institutionalSignIn)
            throws Exception {
        if (institutions.getIfAvailable() != null) {
            // institutional single sign-on, beside local accounts, when a provider is configured
            http.oauth2Login(login -> login.loginPage("/signin")
                    .userInfoEndpoint(info -> info.oidcUserService(institutionalSignIn))
                    .successHandler(SessionCredentialsFilter.rememberingVersion(users, signedInTo("/")))
                    .failureUrl("/signin?refused"));
        }
        http.authorizeHttpRequests(requests -> requests
                        // anonymous
                        .requestMatchers(
                                "/", "/signin", "/login", "/error", "/css/**", "/js/**", "/images/**", "/webjars/**")
                        .permitAll()
                        .requestMatchers("/favicon.ico", "/actuator/health", "/actuator/health/**")
                        .permitAll()
                        // the command line on this machine: the door checks the secret of the data directory itself
                        .requestMatchers(HttpMethod.POST, LOCAL_COMMAND)
                        .permitAll()
                        // LTI 1.3: a platform's login initiation and launch, and the tool's public keys
                        // (the Deep Linking pages run in the platform's frame, without the session: a ticket the tool
                        // signed at the launch stands for the instructor)
                        .requestMatchers("/lti/login", "/lti/launch", "/lti/jwks", "/lti/deep-linking")
                        .permitAll()
                        .requestMatchers("/api/lti/**")
                        .hasRole(ADMIN)
                        // the library: everyone reads, administrators change
                        .requestMatchers(HttpMethod.GET, "/api/documents", "/api/documents/**", "/api/search")
                        .authenticated()
                        .requestMatchers("/api/documents", "/api/documents/**", "/api/ingest")
                        .hasRole(ADMIN)
                        .requestMatchers("/library/upload", "/library/documents/*/delete")
                        .hasRole(ADMIN)
                        .requestMatchers("/library", "/library/**")
                        .authenticated()
                        // asking, and one's own history
                        .requestMatchers("/api/ask", "/api/ask/**", "/api/conversations", "/api/conversations/**")
                        .hasAnyRole(EDUCATOR, ADMIN)
                        .requestMatchers("/api/interactions/*/feedback", "/ask", "/ask/**")
                        .hasAnyRole(EDUCATOR, ADMIN)
                        // the MCP server: every signed-in role; each tool checks what the role may do
                        .requestMatchers("/mcp")
                        .authenticated()
                        // the OpenAI-compatible door to asking
                        .requestMatchers(HttpMethod.GET, "/v1/models")
                        .hasAnyRole(EDUCATOR, ADMIN)
                        .requestMatchers(HttpMethod.POST, "/v1/chat/completions")
                        .hasAnyRole(EDUCATOR, ADMIN)
                        // people and their tokens
                        .requestMatchers(HttpMethod.GET, "/api/policy", "/api/policy/yaml")
                        .hasAnyRole(ADMIN, RESEARCHER)
                        .requestMatchers("/api/policy", "/api/policy/**", "/api/review", "/api/review/**")
                        .hasRole(ADMIN)
                        .requestMatchers("/api/users", "/api/users/**", "/admin/**")
                        .hasRole(ADMIN)
                        .requestMatchers("/api/tokens", "/api/tokens/**", "/account", "/account/**")
                        .authenticated()
                        // the audit log: everyone reads (educators only their own records), researchers annotate,
                        // nobody changes a record
                        .requestMatchers(HttpMethod.POST, "/api/audit/records/*/annotations")
                        .hasRole(RESEARCHER)
                        .requestMatchers(HttpMethod.GET, "/api/audit/records", "/api/audit/records/**")
                        .authenticated()
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/audit/export",
                                "/api/audit/verify",
                                "/api/audit/dashboard",
                                "/api/audit/runs",
                                "/api/audit/runs/**")
                        .hasAnyRole(ADMIN, RESEARCHER)
                        .requestMatchers(HttpMethod.POST, "/audit/records/*/annotations")
                        .hasRole(RESEARCHER)
                        .requestMatchers(HttpMethod.GET, "/audit", "/audit/records/*", "/audit/dashboard")
                        .hasAnyRole(ADMIN, RESEARCHER)
                        // evaluation runs: researchers and administrators start them, one at a time
                        .requestMatchers(HttpMethod.POST, "/api/audit/runs")
                        .hasAnyRole(ADMIN, RESEARCHER)
                        .requestMatchers("/audit/runs", "/audit/runs/**")
                        .hasAnyRole(ADMIN, RESEARCHER)
                        // operations and API documentation
                        .requestMatchers("/actuator/**")
                        .hasRole(ADMIN)
                        .requestMatchers("/swagger-ui.html", "/swagger-ui/**", "/v3/api-docs", "/v3/api-docs/**")
                        .authenticated()
                        // learning paths: everyone signed in reads frameworks, roles, the questionnaire and the
                        // catalogue; educators and administrators keep a profile and plan; administrators import
                        // and plan cohorts
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/frameworks",
                                "/api/frameworks/**",
                                "/api/roles",
                                "/api/questionnaire",
                                "/api/catalogue")
                        .authenticated()
                        .requestMatchers(
                                "/api/frameworks",
                                "/api/frameworks/**",
                                "/api/catalogue",
                                "/api/catalogue/**",
                                "/api/cohorts",
                                "/api/cohorts/**",
                                "/pathways/admin/**")
                        .hasRole(ADMIN)
                        .requestMatchers("/api/profile", "/api/plans", "/pathways", "/pathways/**")
                        .hasAnyRole(EDUCATOR, ADMIN)
                        // anything not named above is closed
                        .anyRequest()
                        .denyAll())
                .formLogin(form -> form.loginPage("/signin")
                        .successHandler(SessionCredentialsFilter.rememberingVersion(users, signedInTo("/")))
                        .failureUrl("/signin?error")
                        .permitAll())
                .requestCache(cache -> cache.requestCache(pagesOnly()))
                .logout(logout -> logout.logoutUrl("/signout").logoutSuccessUrl("/?signedout"))
                .httpBasic(basic -> basic.authenticationEntryPoint(apiEntryPoint()))
                // a platform posts the LTI login and launch from its own site; the launch's signed id_token, its
                // single-use state and the state's cookie stand in for the CSRF token, and on the Deep Linking page
                // (in the platform's frame, without the session) the ticket the launch signed does
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        StatelessCredentials::present,
                        LTI_FROM_PLATFORM,
                        request -> pathOf(request).equals(LOCAL_COMMAND)))
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(apiEntryPoint(), API)
                        .defaultAuthenticationEntryPointFor(
                                new LoginUrlAuthenticationEntryPoint("/signin"), request -> true)
                        .defaultAccessDeniedHandlerFor(apiAccessDenied(), API)
                        .defaultAccessDeniedHandlerFor(new AccessDeniedHandlerImpl(), request -> true))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .addFilterBefore(new RequestSizeFilter(properties.maxRequestSize()), DisableEncodeUrlFilter.class)
                .addFilterAfter(new SessionCredentialsFilter(users), SecurityContextHolderFilter.class)
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, throttle), BasicAuthenticationFilter.class);
        return http.build();
    }

    /** Publishes failed and successful password sign-ins, which the {@link LoginThrottle} counts. */
    @Bean
    AuthenticationEventPublisher authenticationEventPublisher(ApplicationEventPublisher publisher) {
        return new DefaultAuthenticationEventPublisher(publisher);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    UserDetailsService userDetailsService(JdbcClient jdbc) {
        return username -> jdbc.sql("SELECT username, password_hash, role, enabled FROM app_user WHERE username = ?")
                .param(username)
                .query((rs, row) -> User.withUsername(rs.getString("username"))
                        .password(rs.getString("password_hash"))
                        .roles(rs.getString("role"))
                        .disabled(!rs.getBoolean("enabled"))
                        .build())
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no user " + username));
    }

    /** The pages a deep link may open, to which signing in returns. */
    private static final List<String> PAGES =
            List.of("/ask", "/library", "/pathways", "/audit", "/admin", "/account", "/swagger-ui");

    /**
     * Remembers, for after signing in, only a page that a person opened (a GET of one of {@link #PAGES}): a browser's
     * own requests (a favicon, {@code /.well-known/…}), an API call or an unknown path would otherwise be where
     * signing in lands, on an error. Without one, signing in lands on the home page.
     */
    private static RequestCache pagesOnly() {
        var cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(request -> "GET".equals(request.getMethod())
                && PAGES.stream().anyMatch(page -> {
                    var path = pathOf(request);
                    return path.equals(page) || path.startsWith(page + "/");
                }));
        return cache;
    }

    private static AuthenticationSuccessHandler signedInTo(String defaultTarget) {
        var handler = new SavedRequestAwareAuthenticationSuccessHandler();
        handler.setDefaultTargetUrl(defaultTarget);
        return handler;
    }

    private static AuthenticationEntryPoint apiEntryPoint() {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Bearer, Basic realm=\"pathwise\"");
            Problems.write(
                    request,
                    response,
                    401,
                    "Sign in",
                    "this endpoint needs a personal API token (Authorization: Bearer ...), HTTP Basic or a session");
        };
    }

    private static AccessDeniedHandler apiAccessDenied() {
        return (request, response, exception) -> Problems.write(
                request,
                response,
                403,
                "Ask an administrator",
                "your role may not use " + request.getMethod() + " " + pathOf(request));
    }

    /** The request's path within the application. */
    static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
