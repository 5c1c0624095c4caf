package org.pathwise.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Failed sign-ins through the whole filter chain: after the allowance, the next attempt from that address (even with
 * the right password) is refused with 429 before the password encoder runs, while other addresses and users go on.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LoginThrottlingTests {

    private static final Path DATA_DIR = TestUsers.dataDir("pathwise-throttle");
    private static final String PASSWORD = TestUsers.PASSWORD;

    /** Counts the password checks of the application's encoder. */
    static final AtomicInteger CHECKS = new AtomicInteger();

    @TestConfiguration
    static class CountingEncoder {

        @Bean
        static BeanPostProcessor countPasswordChecks() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (!(bean instanceof PasswordEncoder encoder)) {
                        return bean;
                    }
                    return new PasswordEncoder() {
                        @Override
                        public String encode(CharSequence raw) {
                            return encoder.encode(raw);
                        }

                        @Override
                        public boolean matches(CharSequence raw, String encoded) {
                            CHECKS.incrementAndGet();
                            return encoder.matches(raw, encoded);
                        }

                        @Override
                        public boolean upgradeEncoding(String encoded) {
                            return encoder.upgradeEncoding(encoded);
                        }
                    };
                }
            };
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("pathwise.data-dir", DATA_DIR::toString);
        registry.add("pathwise.library.sample-library", () -> "false");
        registry.add("pathwise.security.bootstrap-admin-password", () -> "bootstrap password 1");
        registry.add("pathwise.security.login-throttle.per-account-and-address", () -> "3");
        registry.add("pathwise.security.login-throttle.per-address", () -> "10");
        registry.add("pathwise.security.login-throttle.per-account", () -> "6");
        registry.add("pathwise.security.login-throttle.initial-backoff", () -> "10m");
        registry.add("pathwise.security.login-throttle.max-account-backoff", () -> "15m");
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    Users users;

    @Autowired
    ApiTokens tokens;

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private void ensureUser(String name) {
        if (users.find(name).isEmpty()) {
            users.create(name, PASSWORD, Role.EDUCATOR);
        }
    }

    @Test
    void refusesTheRightPasswordAfterTooManyWrongOnesWithoutCheckingIt() throws Exception {
        ensureUser("throttled.ana");
        ensureUser("throttled.ana2");
        for (int i = 0; i < 3; i++) {
            mvc.perform(get("/api/documents")
                            .with(httpBasic("throttled.ana", "wrong password " + i))
                            .with(from("10.9.0.1")))
                    .andExpect(status().isUnauthorized());
        }

        int before = CHECKS.get();
        mvc.perform(get("/api/documents")
                        .with(httpBasic("throttled.ana", PASSWORD))
                        .with(from("10.9.0.1")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "600"))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(CHECKS.get()).as("password checks while throttled").isEqualTo(before);

        mvc.perform(get("/api/documents")
                        .with(httpBasic("throttled.ana", PASSWORD))
                        .with(from("10.9.0.2")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/documents")
                        .with(httpBasic("throttled.ana2", PASSWORD))
                        .with(from("10.9.0.1")))
                .andExpect(status().isOk());
    }

    @Test
    void sendsAThrottledFormSignInBackToTheSignInPageWithTheWait() throws Exception {
        ensureUser("throttled.ben");
        for (int i = 0; i < 3; i++) {
            mvc.perform(post("/signin")
                            .param("username", "throttled.ben")
                            .param("password", "wrong password " + i)
                            .with(csrf())
                            .with(from("10.9.1.1")))
                    .andExpect(redirectedUrl("/signin?error"));
        }

        int before = CHECKS.get();
        mvc.perform(post("/signin")
                        .param("username", "throttled.ben")
                        .param("password", PASSWORD)
                        .with(csrf())
                        .with(from("10.9.1.1")))
                .andExpect(redirectedUrl("/signin?throttled=600"));
        assertThat(CHECKS.get()).isEqualTo(before);
        mvc.perform(get("/signin?throttled=600"))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Wait 600 seconds")));
        mvc.perform(post("/signin")
                        .param("username", "throttled.ben")
                        .param("password", PASSWORD)
                        .with(csrf())
                        .with(from("10.9.1.2")))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void wrongTokensCountAgainstTheAddressButAValidTokenStillWorks() throws Exception {
        ensureUser("throttled.cy");
        var token = tokens.create("throttled.cy", "script", java.time.Duration.ofDays(1))
                .token();
        for (int i = 0; i < 10; i++) {
            mvc.perform(get("/api/documents")
                            .header("Authorization", "Bearer pw_guess" + i)
                            .with(from("10.9.2.1")))
                    .andExpect(status().isUnauthorized());
        }

        mvc.perform(get("/api/documents")
                        .header("Authorization", "Bearer pw_guess")
                        .with(from("10.9.2.1")))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"));
        int before = CHECKS.get();
        mvc.perform(get("/api/documents")
                        .with(httpBasic("throttled.cy", PASSWORD))
                        .with(from("10.9.2.1")))
                .andExpect(status().isTooManyRequests());
        assertThat(CHECKS.get()).isEqualTo(before);
        mvc.perform(get("/api/documents")
                        .header("Authorization", "Bearer " + token)
                        .with(from("10.9.2.1")))
                .andExpect(status().isOk());
    }

    @Test
    void anAccountGuessedFromManyAddressesIsHeldBackExceptWhereItSignedInBefore() throws Exception {
        ensureUser("throttled.dee");
        mvc.perform(get("/api/documents")
                        .with(httpBasic("throttled.dee", PASSWORD))
                        .with(from("10.9.3.100")))
                .andExpect(status().isOk());
        for (int i = 0; i < 6; i++) {
            mvc.perform(get("/api/documents")
                            .with(httpBasic("throttled.dee", "wrong password"))
                            .with(from("10.9.3." + i)))
                    .andExpect(status().isUnauthorized());
        }

        mvc.perform(get("/api/documents")
                        .with(httpBasic("throttled.dee", PASSWORD))
                        .with(from("10.9.3.200")))
                .andExpect(status().isTooManyRequests());
        mvc.perform(get("/api/documents")
                        .with(httpBasic("throttled.dee", PASSWORD))
                        .with(from("10.9.3.100")))
                .andExpect(status().isOk());
    }
}
